"""What waits for each role on the dashboard, from the apps that own the work.

Each function is asked only after the view checked the rule that shows its
panel; the apps are imported inside, as the host may leave one out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.apps import apps


@dataclass(frozen=True)
class KeyFigures:
    """The programme team's key figures; None where the app is not installed."""

    active_cohorts: int | None
    enrolled_lecturers: int | None
    reflections_this_month: int | None
    practices_in_review: int | None
    portfolios_to_allocate: int | None
    portfolios_under_assessment: int | None
    # None also when the person may not manage forwarding.
    dead_letters: int | None


def practices_to_review(user: Any) -> list[Any] | None:
    """The practices waiting at a review step `user` acts on, oldest first."""
    if not apps.is_installed("practices_db"):
        return None
    from practices_db import selectors as practices

    return [page for page, _state in practices.reviews_waiting(user)]


def assessor_work(user: Any) -> Any:
    """The assessments allocated to `user`: open ones and how many are done."""
    if not apps.is_installed("certification"):
        return None
    from certification import selectors as certification

    return certification.assessor_overview(user)


def key_figures(*, with_dead_letters: bool) -> KeyFigures:
    """One counting query per figure, whatever the amount of data."""
    programme = _programme_counts()
    portfolios = _portfolio_counts()
    return KeyFigures(
        active_cohorts=programme[0],
        enrolled_lecturers=programme[1],
        reflections_this_month=programme[2],
        practices_in_review=_practices_in_review(),
        portfolios_to_allocate=portfolios[0],
        portfolios_under_assessment=portfolios[1],
        dead_letters=_dead_letters() if with_dead_letters else None,
    )


def _programme_counts() -> tuple[int | None, int | None, int | None]:
    if not apps.is_installed("trajectories"):
        return (None, None, None)
    from trajectories import selectors as trajectories

    figures = trajectories.programme_figures()
    return (
        figures.active_cohorts,
        figures.enrolled_lecturers,
        figures.reflections_this_month,
    )


def _portfolio_counts() -> tuple[int | None, int | None]:
    if not apps.is_installed("certification"):
        return (None, None)
    from certification import selectors as certification

    counts = certification.portfolios_awaiting()
    return (counts["submitted"], counts["under_assessment"])


def _practices_in_review() -> int | None:
    if not apps.is_installed("practices_db"):
        return None
    from practices_db import selectors as practices

    return practices.practices_in_review()


def _dead_letters() -> int:
    from lms.xapi.selectors.forwarding import dead_letter_count

    return dead_letter_count()
