"""Academic years ("2025-2026"), the unit in which the university reports.

A year starts on the first day of `ENGAGE_ACADEMIC_YEAR_START_MONTH` (September
by default). Labels are the ones cohorts use (`Cohort.academic_year`).
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .conf import engage_settings

_LABEL = re.compile(r"^(\d{4})-(\d{4})$")


def academic_year_of(day: date | datetime) -> str:
    """The label of the academic year `day` falls in."""
    start = (
        day.year
        if day.month >= engage_settings.academic_year_start_month
        else day.year - 1
    )
    return f"{start}-{start + 1}"


def bounds(label: str) -> tuple[date, date]:
    """First day of the year and first day of the next; ValueError for bad labels."""
    match = _LABEL.match(label or "")
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise ValueError(f"not an academic year: {label!r}")
    month = engage_settings.academic_year_start_month
    first = int(match.group(1))
    return date(first, month, 1), date(first + 1, month, 1)


def recent(count: int, *, today: date | None = None) -> list[str]:
    """The labels of the last `count` academic years, newest first."""
    start = int(academic_year_of(today or date.today())[:4])
    return [f"{year}-{year + 1}" for year in range(start, start - count, -1)]
