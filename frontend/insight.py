"""The insight dashboards: who may see what, the filters in the URL, and the
charts built from each app's aggregate selectors.

Two views of the same numbers: the programme team's (every faculty, side by side,
plus practice-database use and xAPI activity) and a faculty coordinator's (their
own faculty's participants and practices only). Both show aggregates only; every
count of people or activity between 1 and `minimum_cell() - 1` is suppressed
(shown as "<5", empty in CSV), whoever looks, so that nobody can be singled out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from lms.academic_year import academic_year_of, bounds, recent
from lms.accounts import selectors as accounts
from lms.accounts.roles import Role

from .charts import Chart, Series, suppress

YEARS_SHOWN = 5


def minimum_cell() -> int:
    """Counts below this (but above zero) are never shown (setting
    `ENGAGE_INSIGHT_MIN_CELL`, default 5)."""
    return max(1, int(getattr(settings, "ENGAGE_INSIGHT_MIN_CELL", 5)))


# --- who sees what -------------------------------------------------------------


def is_programme_team(user: Any) -> bool:
    return bool(user.is_authenticated and accounts.has_role(user, Role.PROGRAMME_ADMIN))


def own_faculty_id(user: Any) -> int | None:
    """The faculty a coordinator reports on (None: not a coordinator of one)."""
    if not user.is_authenticated:
        return None
    if Role.FACULTY_COORDINATOR not in accounts.roles_of(user):
        return None
    return accounts.profile_of(user).faculty_id


# --- filters -------------------------------------------------------------------


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


def year_choices(today: date | None = None) -> list[str]:
    return recent(YEARS_SHOWN, today=today)


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
    problems = []
    years = year_choices()
    year = str(params.get("year") or years[0])
    if year not in years:
        problems.append(
            _("Unknown academic year; showing %(year)s.") % {"year": years[0]}
        )
        year = years[0]
    chosen: dict[str, int | None] = {}
    for key, known, message in (
        ("programme", programmes, _("Unknown programme; showing all programmes.")),
        ("cohort", cohorts, _("Unknown cohort; showing all cohorts.")),
        ("faculty", faculties, _("Unknown faculty; showing all faculties.")),
    ):
        value = _number(params.get(key))
        if value is None:
            chosen[key] = None
        elif value == "bad" or value not in known:
            problems.append(message)
            chosen[key] = None
        else:
            chosen[key] = int(value)
    cohort = cohorts.get(chosen["cohort"]) if chosen["cohort"] else None
    if cohort is not None and cohort.academic_year != year:
        problems.append(
            _("That cohort is not in %(year)s; showing all cohorts.") % {"year": year}
        )
        chosen["cohort"] = None
    elif cohort is not None and chosen["programme"] not in (None, cohort.programme_id):
        problems.append(
            _("That cohort is not of the chosen programme; showing all cohorts.")
        )
        chosen["cohort"] = None
    return Filters(
        year=year,
        programme_id=chosen["programme"],
        cohort_id=chosen["cohort"],
        faculty_id=locked_faculty if locked_faculty is not None else chosen["faculty"],
        problems=tuple(problems),
    )


# --- the dashboard -------------------------------------------------------------


@dataclass
class Dashboard:
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


def _stage_labels() -> list[str]:
    return [_("Applied"), _("Enrolled"), _("Active"), _("Completed"), _("Certified")]


def _counts(values: list[int], minimum: int) -> tuple[int | None, ...]:
    return tuple(suppress(int(v), minimum) for v in values)


def build(
    *,
    kind: str,
    filters: Filters,
    faculties: dict[int, str],
    viewer: Any,
) -> Dashboard:
    """Everything the dashboard shows for `filters` (a fixed number of grouped
    queries: see the README's query budget)."""
    minimum = minimum_cell()
    board = Dashboard(
        kind=kind,
        filters=filters,
        faculty_name=faculties.get(filters.faculty_id or 0, ""),
    )
    if apps.is_installed("trajectories"):
        _trajectory_charts(board, filters, faculties, minimum)
    if apps.is_installed("practices_db"):
        _practice_charts(board, filters, minimum, viewer)
    if kind == "programme":
        _xapi_chart(board, filters, minimum)
    return board


def _scope(filters: Filters, years: tuple[str, ...]) -> Any:
    from trajectories.selectors import insight

    return insight.Scope(
        years=years,
        programme_id=filters.programme_id,
        cohort_id=filters.cohort_id,
        faculty_id=filters.faculty_id,
    )


def _certified() -> Any:
    if not apps.is_installed("certification"):
        return None
    from certification.selectors import certified

    return certified()


def _trajectory_charts(
    board: Dashboard, filters: Filters, faculties: dict[int, str], minimum: int
) -> None:
    from trajectories.selectors import insight

    scope = _scope(filters, (filters.year,))
    certified = _certified()
    stages = _stage_labels()
    note = (_("Certified: the certificate was awarded."),)

    # The funnel of the selection, and per cohort as a table.
    by_cohort = insight.funnel_by(scope, "cohort", certified=certified)
    cohorts = {c.pk: c for c in insight.cohorts_in(scope)}
    total = [sum(getattr(f, s) for f in by_cohort.values()) for s in insight.STAGES]
    board.charts.append(
        Chart(
            key="funnel",
            title=_("Trajectory funnel, %(year)s") % {"year": filters.year},
            x_label=_("Stage"),
            y_label=_("People"),
            categories=tuple(stages),
            series=(Series(_("People"), _counts(total, minimum)),),
            suppressed_below=minimum,
            description=_(
                "From applying to a cohort to earning the certificate: how many "
                "people reached each stage."
            ),
            notes=note,
        )
    )
    for pk, cohort in cohorts.items():
        funnel = by_cohort.get(pk)
        if funnel is None:
            continue
        values = _counts([getattr(funnel, s) for s in insight.STAGES], minimum)
        board.funnel_rows.append(
            (
                cohort.title,
                cohort.programme.title,
                [f"<{minimum}" if v is None else str(v) for v in values],
            )
        )

    # Faculties side by side (the programme team's view).
    if board.kind == "programme":
        by_faculty = insight.funnel_by(scope, "faculty", certified=certified)
        ids = [pk for pk in faculties if pk in by_faculty]
        board.charts.append(
            Chart(
                key="faculties",
                title=_("Taking part per faculty, %(year)s") % {"year": filters.year},
                x_label=_("Faculty"),
                y_label=_("People"),
                categories=tuple(faculties[pk] for pk in ids),
                series=tuple(
                    Series(
                        label,
                        _counts(
                            [getattr(by_faculty[pk], stage) for pk in ids], minimum
                        ),
                    )
                    for label, stage in zip(stages[1:], insight.STAGES[1:], strict=True)
                ),
                suppressed_below=minimum,
                description=_("Lecturers by their own faculty."),
                notes=note,
            )
        )

    # Over the years.
    years = tuple(reversed(year_choices()))
    over_years = insight.funnel_by(_scope(filters, years), "year", certified=certified)
    board.charts.append(
        Chart(
            key="years",
            title=_("Enrolled, completed and certified per academic year"),
            x_label=_("Academic year"),
            y_label=_("People"),
            categories=years,
            series=tuple(
                Series(
                    label,
                    _counts(
                        [
                            getattr(over_years.get(y, insight.Funnel()), stage)
                            for y in years
                        ],
                        minimum,
                    ),
                )
                for label, stage in (
                    (_("Enrolled"), "enrolled"),
                    (_("Active"), "active"),
                    (_("Completed"), "completed"),
                    (_("Certified"), "certified"),
                )
            ),
            kind="line",
            suppressed_below=minimum,
            notes=(
                _(
                    "The programme, cohort and faculty filters apply; the year "
                    "does not."
                ),
            ),
        )
    )

    # Attendance and reflection over the months of the year.
    since, until = bounds(filters.year)
    until = min(until, _first_of_next_month(date.today()))
    monthly = insight.monthly_taking_part(scope, since=since, until=until)
    board.charts.append(
        Chart(
            key="activity",
            title=_("Attendance and reflection per month, %(year)s")
            % {"year": filters.year},
            x_label=_("Month"),
            y_label=_("Number"),
            categories=tuple(_month_label(m) for m in monthly.months),
            series=(
                Series(_("Sessions attended"), _counts(monthly.attended, minimum)),
                Series(_("Reflections shared"), _counts(monthly.reflections, minimum)),
                Series(
                    _("Assignments submitted"), _counts(monthly.assignments, minimum)
                ),
            ),
            kind="line",
            suppressed_below=minimum,
        )
    )
    if board.kind == "programme" and filters.programme_id is not None:
        board.evaluations = _evaluation_summary(filters)


def _evaluation_summary(filters: Filters) -> list[Any]:
    from trajectories import selectors as trajectories
    from trajectories.selectors import insight

    summarise = getattr(trajectories, "programme_evaluation_summary", None)
    if summarise is None:
        return []
    programme = next(
        (p for p in insight.programmes() if p.pk == filters.programme_id), None
    )
    if programme is None:
        return []
    return [summarise(programme, filters.year)]


def _practice_charts(
    board: Dashboard, filters: Filters, minimum: int, viewer: Any
) -> None:
    from practices_db import selectors as practices
    from practices_db.models import Vocabulary

    years = list(reversed(year_choices()))
    activity = practices.practice_activity(years=years, faculty_id=filters.faculty_id)
    by_year = {row.year: row for row in activity}
    board.charts.append(
        Chart(
            key="practices",
            title=_("Inspiring practices submitted, published and adopted"),
            x_label=_("Academic year"),
            y_label=_("Practices"),
            categories=tuple(years),
            series=tuple(
                Series(
                    label,
                    _counts(
                        [
                            getattr(by_year[y], attr) if y in by_year else 0
                            for y in years
                        ],
                        minimum,
                    ),
                )
                for label, attr in (
                    (_("Submitted"), "submitted"),
                    (_("Published"), "published"),
                    (_("Adopted"), "adopted"),
                )
            ),
            suppressed_below=minimum,
        )
    )
    for key, vocabulary, title in (
        (
            "dimensions",
            Vocabulary.DIMENSION,
            _("Published practices per diversity dimension"),
        ),
        (
            "sdgs",
            Vocabulary.SDG,
            _("Published practices per Sustainable Development Goal"),
        ),
    ):
        terms = practices.practices_by_term(vocabulary, faculty_id=filters.faculty_id)
        board.charts.append(
            Chart(
                key=key,
                title=title,
                x_label=_("Term"),
                y_label=_("Practices"),
                categories=tuple(name for name, _n in terms),
                series=(Series(_("Practices"), tuple(n for _name, n in terms)),),
            )
        )
    board.most_adopted = practices.most_adopted(limit=10, faculty_id=filters.faculty_id)
    if board.kind == "faculty":
        # The viewer's own to-do list; a report (no viewer) leaves it out.
        board.reviews_waiting = (
            [
                page
                for page, _state in practices.reviews_waiting(viewer)
                if filters.faculty_id is None or page.faculty_id == filters.faculty_id
            ]
            if viewer is not None
            else []
        )
        return
    since, until = bounds(filters.year)
    use = practices.search_use(since=since, until=until, limit=10)
    board.charts.append(
        Chart(
            key="searches",
            title=_("Searches in the practice database, %(year)s")
            % {"year": filters.year},
            x_label=_("Month"),
            y_label=_("Searches"),
            categories=tuple(_month_label(m) for m, _s, _e in use.months),
            series=(
                Series(_("Searches"), tuple(s for _m, s, _e in use.months)),
                Series(_("Without results"), tuple(e for _m, _s, e in use.months)),
            ),
            kind="line",
        )
    )
    board.unanswered = [(text, str(n)) for text, n in use.unanswered]


def _xapi_chart(board: Dashboard, filters: Filters, minimum: int) -> None:
    from lms.xapi.selectors import monthly_activity
    from lms.xapi.vocabulary import Kind, all_concepts

    since, until = bounds(filters.year)
    until = min(until, _first_of_next_month(date.today()))
    rows = monthly_activity(since=since, until=until)
    language = (translation.get_language() or "en")[:2]
    labels = {
        c.iri: (c.label_nl if language == "nl" else c.label_en)
        for c in all_concepts()
        if c.kind == Kind.VERB
    }
    months = _months(since, until)
    per_verb: dict[str, dict[date, int]] = {}
    for month, verb, count in rows:
        per_verb.setdefault(verb, {})[month] = count
    # The five most frequent verbs, then the rest together.
    ranked = sorted(per_verb, key=lambda v: -sum(per_verb[v].values()))
    top, rest = ranked[:5], ranked[5:]
    series = [
        Series(
            labels.get(verb, verb.rsplit("/", 1)[-1]),
            _counts([per_verb[verb].get(m, 0) for m in months], minimum),
        )
        for verb in top
    ]
    if rest:
        series.append(
            Series(
                _("Other"),
                _counts(
                    [sum(per_verb[v].get(m, 0) for v in rest) for m in months], minimum
                ),
            )
        )
    board.charts.append(
        Chart(
            key="xapi",
            title=_("Learning activity recorded (xAPI statements), %(year)s")
            % {"year": filters.year},
            x_label=_("Month"),
            y_label=_("Statements"),
            categories=tuple(_month_label(m) for m in months),
            series=tuple(series),
            kind="line",
            suppressed_below=minimum,
            description=_(
                "Every statement stored, by its verb; kept as monthly counts."
            ),
        )
    )


def _first_of_next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months(since: date, until: date) -> list[date]:
    months, current = [], date(since.year, since.month, 1)
    while current < until:
        months.append(current)
        current = _first_of_next_month(current)
    return months


def _month_label(month: Any) -> str:
    from django.utils import formats

    day = month.date() if hasattr(month, "hour") else month
    return formats.date_format(day, "M Y")


def current_year() -> str:
    return academic_year_of(date.today())
