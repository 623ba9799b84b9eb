"""Personal data: one registry through which every app exports and erases its own.

An app that stores data about a person registers a source in its
`AppConfig.ready()`::

    from lms.accounts.personal_data import PersonalDataSource, register_personal_data

    register_personal_data(
        PersonalDataSource(key="certification", export=..., erase=..., order=60)
    )

- `export(*, user)` returns JSON-ready data (dicts, lists, strings, numbers,
  dates) about that person only — never another person's name or text. It is one
  section of the download "My data" on the profile page
  (`collect_personal_data`).
- `erase(*, user)` deletes or anonymises what the app holds about the person.
  `services.erase_person` calls every eraser, lowest `order` first, inside its
  transaction and before the account itself is deleted: an eraser that raises
  rolls the whole erasure back, so nothing is half erased. Work that cannot be
  undone (deleting stored files) belongs in `transaction.on_commit`.

A registry rather than a signal: erasure must run, in order, and fail as one
(signals announce, they do not steer), and an export needs an answer from each
app. Why it works this way: docs/decisions/0010-erasure-in-certification.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

EXPORT_FORMAT = "engage-pd/personal-data"
EXPORT_FORMAT_VERSION = 1


@dataclass(frozen=True)
class PersonalDataSource:
    key: str
    export: Callable[..., Any] | None = None
    erase: Callable[..., None] | None = None
    order: int = 100


_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(source: PersonalDataSource) -> None:
    """Register (or replace, by key) one app's exporter and eraser."""
    _sources[source.key] = source


def personal_data_sources() -> list[PersonalDataSource]:
    """The registered sources, lowest `order` first."""
    return sorted(_sources.values(), key=lambda source: (source.order, source.key))


def collect_personal_data(user: Any) -> dict[str, Any]:
    """Everything the installed apps hold about `user`, one section per app."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now(),
        "sections": {
            source.key: source.export(user=user)
            for source in personal_data_sources()
            if source.export is not None
        },
    }


def erase_personal_data(user: Any) -> None:
    """Run every registered eraser for `user` (inside the caller's transaction)."""
    for source in personal_data_sources():
        if source.erase is not None:
            source.erase(user=user)
