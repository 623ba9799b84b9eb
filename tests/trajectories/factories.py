"""Programmes, cohorts and sessions for tests."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.utils import timezone
from wagtail.models import Page

from trajectories.models import Cohort, CohortSession, ProgrammePage


def page_tree_parent() -> Page:
    """The page programmes go under. A transactional test that runs after another
    one's flush may find no page tree (migrations made it): build the root again."""
    from django.conf import settings
    from wagtail.models import Locale

    root = Page.get_first_root_node()
    if root is None:
        from django.contrib.contenttypes.models import ContentType

        # The flush renumbered content types; forget the cached ones.
        ContentType.objects.clear_cache()
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE[:2])
        root = Page.add_root(title="Root", slug="root")
    parent = root.get_children().first()
    if parent is None:
        parent = root.add_child(instance=Page(title="Home", slug="home"))
    return parent


def make_programme(title: str = "Inclusive teaching") -> ProgrammePage:
    root = page_tree_parent()
    page = ProgrammePage(
        title=title,
        summary="A year of reflective practice.",
        goals="<p>Goals</p>",
        learning_outcomes="<p>Outcomes</p>",
        audience="Lecturers",
        session_plan=[("session", {"title": "Kick-off", "goals": "<p>g</p>"})],
        assignments=[
            (
                "assignment",
                {
                    "title": "Plain-language assignment texts",
                    "focus_area": "language_use",
                    "instructions": "<p>Rewrite one text.</p>",
                    "reflection_prompts": ["What changed?"],
                    "after_session": 1,
                    "due_days": 21,
                },
            ),
            (
                "assignment",
                {
                    "title": "A fairer assessment",
                    "focus_area": "assessment_formats",
                    "instructions": "<p>Redesign one test.</p>",
                    "reflection_prompts": [],
                    "after_session": 3,
                    "due_days": 21,
                },
            ),
        ],
    )
    root.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_cohort(
    programme: ProgrammePage | None = None,
    *,
    capacity: int = 20,
    coaches: tuple[Any, ...] = (),
    sessions: int = 3,
    first_session_in_days: int = -7,
) -> Cohort:
    now = timezone.now()
    cohort = Cohort.objects.create(
        programme=programme or make_programme(),
        title="Cohort A",
        academic_year="2026-2027",
        capacity=capacity,
        enrolment_opens=now - timedelta(days=30),
        enrolment_closes=now + timedelta(days=30),
    )
    cohort.coaches.set(coaches)
    for number in range(1, sessions + 1):
        start = now + timedelta(days=first_session_in_days + 14 * (number - 1))
        CohortSession.objects.create(
            cohort=cohort,
            number=number,
            title=f"Session {number}",
            starts_at=start,
            ends_at=start + timedelta(hours=3),
            location="Room 1",
        )
    return cohort
