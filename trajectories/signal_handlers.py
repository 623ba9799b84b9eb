"""Keeps private storage in step with the database: when an attachment row goes —
by the author removing it, or with its entry, record, enrolment or person (erasure)
— its file goes too, once the deletion is committed."""

from __future__ import annotations

from typing import Any

from django.db import transaction


def delete_stored_file(sender: Any, instance: Any, **kwargs: Any) -> None:
    field = getattr(instance, "file", None)
    name = str(getattr(field, "name", "") or "")
    if not name:
        return
    storage = field.storage  # type: ignore[union-attr]
    transaction.on_commit(lambda: storage.delete(name))
