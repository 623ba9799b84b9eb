"""Values of lms.accounts that cross app boundaries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

EXPORT_FORMAT = "engage-pd/personal-data"
EXPORT_FORMAT_VERSION = 1


@dataclass(frozen=True)
class PersonalDataSource:
    """One app's part of a person's data: `export(*, user)` returns JSON-ready data
    about that person only; `erase(*, user)` deletes or anonymises it. Registered
    with `lms.accounts.selectors.register_personal_data` (see that docstring)."""

    key: str
    export: Callable[..., Any] | None = None
    erase: Callable[..., None] | None = None
    order: int = 100
