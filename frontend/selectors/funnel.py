"""The insight dashboards' trajectory charts: the funnel from applying to the
certificate, per cohort and per faculty, over the years and per month."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.apps import apps
from django.utils.translation import gettext as _

from lms.academic_year import bounds

from ..rules.charts import Chart, Series
from ..rules.insight import (
    Dashboard,
    Filters,
    counts,
    first_of_next_month,
    month_label,
    stage_labels,
    year_choices,
)


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


def add_trajectory_charts(
    board: Dashboard, filters: Filters, faculties: dict[int, str], minimum: int
) -> None:
    """Add the funnel (of the selection, per cohort and, for the programme team,
    per faculty), the years and the monthly taking part to `board`."""
    scope = _scope(filters, (filters.year,))
    certified = _certified()
    _add_funnel(board, scope, certified, minimum)
    if board.kind == "programme":
        _add_faculties(board, scope, certified, faculties, minimum)
    _add_years(board, filters, certified, minimum)
    _add_monthly(board, scope, minimum)
    if board.kind == "programme" and filters.programme_id is not None:
        board.evaluations = _evaluation_summary(filters)


def _certified_note() -> tuple[str, ...]:
    return (_("Certified: the certificate was awarded."),)


def _add_funnel(board: Dashboard, scope: Any, certified: Any, minimum: int) -> None:
    """The funnel of the selection, and per cohort as a table."""
    from trajectories.selectors import insight

    by_cohort = insight.funnel_by(scope, "cohort", certified=certified)
    cohorts = {c.pk: c for c in insight.cohorts_in(scope)}
    total = [sum(getattr(f, s) for f in by_cohort.values()) for s in insight.STAGES]
    board.charts.append(
        Chart(
            key="funnel",
            title=_("Trajectory funnel, %(year)s") % {"year": board.filters.year},
            x_label=_("Stage"),
            y_label=_("People"),
            categories=tuple(stage_labels()),
            series=(Series(_("People"), counts(total, minimum)),),
            suppressed_below=minimum,
            description=_(
                "From applying to a cohort to earning the certificate: how many "
                "people reached each stage."
            ),
            notes=_certified_note(),
        )
    )
    for pk, cohort in cohorts.items():
        funnel = by_cohort.get(pk)
        if funnel is None:
            continue
        values = counts([getattr(funnel, s) for s in insight.STAGES], minimum)
        board.funnel_rows.append(
            (
                cohort.title,
                cohort.programme.title,
                [f"<{minimum}" if v is None else str(v) for v in values],
            )
        )


def _add_faculties(
    board: Dashboard,
    scope: Any,
    certified: Any,
    faculties: dict[int, str],
    minimum: int,
) -> None:
    """Faculties side by side (the programme team's view)."""
    from trajectories.selectors import insight

    by_faculty = insight.funnel_by(scope, "faculty", certified=certified)
    ids = [pk for pk in faculties if pk in by_faculty]
    stages = zip(stage_labels()[1:], insight.STAGES[1:], strict=True)
    board.charts.append(
        Chart(
            key="faculties",
            title=_("Taking part per faculty, %(year)s") % {"year": board.filters.year},
            x_label=_("Faculty"),
            y_label=_("People"),
            categories=tuple(faculties[pk] for pk in ids),
            series=tuple(
                Series(
                    label,
                    counts([getattr(by_faculty[pk], stage) for pk in ids], minimum),
                )
                for label, stage in stages
            ),
            suppressed_below=minimum,
            description=_("Lecturers by their own faculty."),
            notes=_certified_note(),
        )
    )


def _add_years(
    board: Dashboard, filters: Filters, certified: Any, minimum: int
) -> None:
    """Over the years: every filter but the year applies."""
    from trajectories.selectors import insight

    years = tuple(reversed(year_choices()))
    over_years = insight.funnel_by(_scope(filters, years), "year", certified=certified)
    empty = insight.Funnel()
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
                    counts(
                        [getattr(over_years.get(y, empty), stage) for y in years],
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


def _add_monthly(board: Dashboard, scope: Any, minimum: int) -> None:
    """Attendance and reflection over the months of the year."""
    from trajectories.selectors import insight

    since, until = bounds(board.filters.year)
    until = min(until, first_of_next_month(date.today()))
    monthly = insight.monthly_taking_part(scope, since=since, until=until)
    board.charts.append(
        Chart(
            key="activity",
            title=_("Attendance and reflection per month, %(year)s")
            % {"year": board.filters.year},
            x_label=_("Month"),
            y_label=_("Number"),
            categories=tuple(month_label(m) for m in monthly.months),
            series=(
                Series(_("Sessions attended"), counts(monthly.attended, minimum)),
                Series(_("Reflections shared"), counts(monthly.reflections, minimum)),
                Series(
                    _("Assignments submitted"), counts(monthly.assignments, minimum)
                ),
            ),
            kind="line",
            suppressed_below=minimum,
        )
    )


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
