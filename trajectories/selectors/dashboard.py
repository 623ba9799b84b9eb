"""The lecturer's and the coach's panels on the shared dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils import timezone

from ..data import TrajectoryProgress
from ..models import (
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    Visibility,
)
from ..rules.assignments import Assignment, assignments_for
from .programmes import ACTIVE, coached_cohorts
from .progress import _progress, gone_quiet_counts, shared_entries_prefetch

# Feedback this recent counts as new on the dashboard.
NEW_FEEDBACK_DAYS = 14
MAX_NEW_FEEDBACK = 5


@dataclass(frozen=True)
class LecturerTrajectory:
    enrolment: Enrolment
    next_session: CohortSession | None
    # Open assignments not submitted yet, the earliest due first (overdue ones too).
    due: tuple[Assignment, ...]
    # None while on the waiting list.
    progress: TrajectoryProgress | None


@dataclass(frozen=True)
class LecturerDashboard:
    trajectories: tuple[LecturerTrajectory, ...]
    # Feedback by others on the person's entries in the last NEW_FEEDBACK_DAYS.
    new_feedback: tuple[Feedback, ...]


def lecturer_dashboard(user: Any) -> LecturerDashboard:
    """Next session, what is due, new feedback and progress of each trajectory the
    person follows or waits for: six queries whatever their number."""
    now = timezone.now()
    enrolments = (
        Enrolment.objects.filter(user=user)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("cohort__programme")
        .prefetch_related(
            Prefetch(
                "cohort__sessions", queryset=CohortSession.objects.order_by("number")
            ),
            "attendances",
            "assignment_records",
            shared_entries_prefetch(),
        )
        .order_by("-created_at", "-pk")
    )
    trajectories = []
    for enrolment in enrolments:
        sessions = list(enrolment.cohort.sessions.all())
        upcoming = [s for s in sessions if s.ends_at >= now]
        assignments = assignments_for(
            enrolment, sessions, enrolment.assignment_records.all()
        )
        participating = enrolment.status in ACTIVE
        progress = None
        if participating:
            progress = _progress(
                enrolment,
                sessions,
                enrolment.attendances.all(),
                assignments,
                [(e.session_id, e.assignment_key) for e in _reflections(enrolment)],
                now,
            )
        due = sorted(
            (
                a
                for a in assignments
                if participating and a.status in ("open", "draft", "overdue")
            ),
            key=lambda a: (a.due_at is None, a.due_at or now),
        )
        trajectories.append(
            LecturerTrajectory(
                enrolment=enrolment,
                next_session=upcoming[0] if upcoming else None,
                due=tuple(due),
                progress=progress,
            )
        )
    feedback = (
        Feedback.objects.filter(
            entry__enrolment__user=user,
            created_at__gte=now - timedelta(days=NEW_FEEDBACK_DAYS),
        )
        .exclude(author=user)
        .exclude(author__isnull=True)
        .select_related("entry", "author__engage_profile")
        .order_by("-created_at", "-pk")[:MAX_NEW_FEEDBACK]
    )
    return LecturerDashboard(
        trajectories=tuple(trajectories), new_feedback=tuple(feedback)
    )


@dataclass(frozen=True)
class CoachCohort:
    # With `taken` (participants) annotated and its programme loaded.
    cohort: Cohort
    awaiting_feedback: int
    gone_quiet: int


def awaiting_feedback_counts(cohort_ids: Sequence[int]) -> dict[int, int]:
    """Per cohort id, the entries shared with the coach that no coach of that
    cohort answered yet (as `awaiting_feedback`); one query for them all."""
    answered = Feedback.objects.filter(
        entry=OuterRef("pk"), author__coached_cohorts=OuterRef("enrolment__cohort_id")
    )
    return dict(
        JournalEntry.objects.filter(enrolment__cohort_id__in=list(cohort_ids))
        .exclude(visibility=Visibility.PRIVATE)
        .exclude(Exists(answered))
        .order_by()
        .values_list("enrolment__cohort_id")
        .annotate(n=Count("pk"))
    )


def coach_dashboard(user: Any) -> tuple[CoachCohort, ...]:
    """The cohorts the person coaches with entries awaiting feedback and how many
    participants went quiet: three queries whatever their number."""
    cohorts = list(coached_cohorts(user))
    ids = [cohort.pk for cohort in cohorts]
    if not ids:
        return ()
    awaiting = awaiting_feedback_counts(ids)
    quiet = gone_quiet_counts(ids)
    return tuple(
        CoachCohort(
            cohort=cohort,
            awaiting_feedback=awaiting.get(cohort.pk, 0),
            gone_quiet=quiet.get(cohort.pk, 0),
        )
        for cohort in cohorts
    )


def _reflections(enrolment: Enrolment) -> list[JournalEntry]:
    """What `shared_entries_prefetch()` put on the enrolment."""
    return enrolment.shared_entries  # type: ignore[attr-defined]
