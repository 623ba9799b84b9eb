"""The insight dashboards' pure parts: the filters read from the URL, the
dashboard's shape, and the small-cell suppression of its counts.

Every count of people or activity between 1 and the minimum cell size minus one
(`frontend.conf.insight_min_cell`) is suppressed (shown as "<5", empty in CSV),
whoever looks, so that nobody can be singled out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.utils import formats
from django.utils.translation import gettext as _

from lms.academic_year import academic_year_of, recent

from .charts import Chart, suppress

YEARS_SHOWN = 5


def year_choices(today: date | None = None) -> list[str]:
    """The academic years the dashboards offer, newest first."""
    return recent(YEARS_SHOWN, today=today)


def current_year() -> str:
    return academic_year_of(date.today())


@dataclass(frozen=True)
class Filters:
    """The dashboard's selection, read from and written to the URL."""

    year: str
    programme_id: int | None = None
    cohort_id: int | None = None
    faculty_id: int | None = None
    problems: tuple[str, ...] = field(default_factory=tuple)

    def query(self, **changes: Any) -> str:
        values = {
            "year": self.year,
            "programme": self.programme_id,
            "cohort": self.cohort_id,
            "faculty": self.faculty_id,
        }
        values.update(changes)
        return urlencode({k: v for k, v in values.items() if v not in (None, "")})


def _number(raw: str | None) -> int | None | str:
    if raw in (None, ""):
        return None
    text = str(raw).strip()
    if not text.isdigit() or len(text) > 12:
        return "bad"
    return int(text)


def read_filters(
    params: Any,
    *,
    programmes: dict[int, str],
    cohorts: dict[int, Any],
    faculties: dict[int, str],
    locked_faculty: int | None = None,
) -> Filters:
    """The filters from the query string. Unknown or malformed values are left
    out and named in `problems`, so the page says what it ignored."""
    problems: list[str] = []
    year = _read_year(params, problems)
    chosen = {
        key: _read_choice(params, key, known, message, problems)
        for key, known, message in (
            ("programme", programmes, _("Unknown programme; showing all programmes.")),
            ("cohort", cohorts, _("Unknown cohort; showing all cohorts.")),
            ("faculty", faculties, _("Unknown faculty; showing all faculties.")),
        )
    }
    cohort = cohorts.get(chosen["cohort"]) if chosen["cohort"] else None
    if cohort is not None and not _cohort_fits(
        cohort, year, chosen["programme"], problems
    ):
        chosen["cohort"] = None
    return Filters(
        year=year,
        programme_id=chosen["programme"],
        cohort_id=chosen["cohort"],
        faculty_id=locked_faculty if locked_faculty is not None else chosen["faculty"],
        problems=tuple(problems),
    )


def _read_year(params: Any, problems: list[str]) -> str:
    years = year_choices()
    year = str(params.get("year") or years[0])
    if year in years:
        return year
    problems.append(_("Unknown academic year; showing %(year)s.") % {"year": years[0]})
    return years[0]


def _read_choice(
    params: Any, key: str, known: dict[int, Any], message: str, problems: list[str]
) -> int | None:
    value = _number(params.get(key))
    if value is None:
        return None
    if value == "bad" or value not in known:
        problems.append(message)
        return None
    return int(value)


def _cohort_fits(
    cohort: Any, year: str, programme_id: int | None, problems: list[str]
) -> bool:
    if cohort.academic_year != year:
        problems.append(
            _("That cohort is not in %(year)s; showing all cohorts.") % {"year": year}
        )
        return False
    if programme_id not in (None, cohort.programme_id):
        problems.append(
            _("That cohort is not of the chosen programme; showing all cohorts.")
        )
        return False
    return True


@dataclass
class Dashboard:
    """What one insight dashboard (or yearly report) shows."""

    kind: str  # "programme" or "faculty"
    filters: Filters
    faculty_name: str = ""
    charts: list[Chart] = field(default_factory=list)
    funnel_rows: list[tuple[str, str, list[str]]] = field(default_factory=list)
    reviews_waiting: list[Any] = field(default_factory=list)
    most_adopted: list[Any] = field(default_factory=list)
    unanswered: list[tuple[str, str]] = field(default_factory=list)
    evaluations: list[Any] = field(default_factory=list)

    def chart(self, key: str) -> Chart | None:
        return next((c for c in self.charts if c.key == key), None)

    def _section(self, keys: tuple[str, ...]) -> list[Chart]:
        return [c for c in self.charts if c.key in keys]

    @property
    def trajectory_charts(self) -> list[Chart]:
        return self._section(("funnel", "faculties", "years", "activity"))

    @property
    def practice_charts(self) -> list[Chart]:
        return self._section(("practices", "dimensions", "sdgs", "searches"))

    @property
    def activity_charts(self) -> list[Chart]:
        return self._section(("xapi",))


def stage_labels() -> list[str]:
    return [_("Applied"), _("Enrolled"), _("Active"), _("Completed"), _("Certified")]


def counts(values: list[int], minimum: int) -> tuple[int | None, ...]:
    """The values with every small cell suppressed (None)."""
    return tuple(suppress(int(v), minimum) for v in values)


def first_of_next_month(day: date) -> date:
    """The first day of the month after `day`'s."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def months(since: date, until: date) -> list[date]:
    """The first days of the months from `since` up to (not including) `until`."""
    found, current = [], date(since.year, since.month, 1)
    while current < until:
        found.append(current)
        current = first_of_next_month(current)
    return found


def month_label(month: Any) -> str:
    """A month (date or datetime) as "Jan 2027", in the active language."""
    day = month.date() if hasattr(month, "hour") else month
    return formats.date_format(day, "M Y")
