"""The insight dashboards: the choices their filters offer and everything a
dashboard shows, built from each app's aggregate selectors.

Two views of the same numbers: the programme team's (every faculty, side by side,
plus practice-database use and xAPI activity) and a faculty's (its participants
and practices only). Both show aggregates only, with small cells suppressed
(`frontend.conf.insight_min_cell`), whoever looks.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps

from lms.accounts import selectors as accounts

from ..conf import insight_min_cell
from ..rules.insight import Dashboard, Filters
from .funnel import add_trajectory_charts
from .learning_activity import add_activity_chart
from .practice_use import add_practice_charts


def faculty_names() -> dict[int, str]:
    """The active faculties by id, in their sort order."""
    return {
        f.pk: str(f) for f in accounts.active_faculties().order_by("sort_order", "pk")
    }


def filter_choices(
    years: list[str], faculty_id: int | None
) -> tuple[dict[int, str], dict[int, Any], dict[int, str]]:
    """(programmes, cohorts of `years` (of `faculty_id` when given), faculties)
    that the dashboard's filters offer, each by id."""
    faculties = faculty_names()
    if not apps.is_installed("trajectories"):
        return {}, {}, faculties
    from trajectories.selectors import insight as trajectory_insight

    programmes = {p.pk: p.title for p in trajectory_insight.programmes()}
    cohorts = {
        c.pk: c for c in trajectory_insight.cohort_choices(tuple(years), faculty_id)
    }
    return programmes, cohorts, faculties


def own_insight_faculty(user: Any) -> int | None:
    """The faculty of `user` when they may see its insight (None otherwise)."""
    own = accounts.profile_of(user).faculty_id
    if own is not None and user.has_perm("engage_frontend.view_faculty_insight", own):
        return int(own)
    return None


def build(
    *,
    kind: str,
    filters: Filters,
    faculties: dict[int, str],
    viewer: Any,
) -> Dashboard:
    """Everything the dashboard shows for `filters` (a fixed number of grouped
    queries: see the README's query budget). `viewer` None: a yearly report."""
    minimum = insight_min_cell()
    board = Dashboard(
        kind=kind,
        filters=filters,
        faculty_name=faculties.get(filters.faculty_id or 0, ""),
    )
    if apps.is_installed("trajectories"):
        add_trajectory_charts(board, filters, faculties, minimum)
    if apps.is_installed("practices_db"):
        add_practice_charts(board, filters, minimum, viewer)
    if kind == "programme":
        add_activity_chart(board, filters, minimum)
    return board
