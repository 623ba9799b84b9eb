"""Reads of the trajectories app, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from .assignments import Assignment, assignments_for
from .models import (
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    OwnCourse,
    ProgrammePage,
    Visibility,
)

ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,40}")


def cohorts_of_programme(programme: ProgrammePage) -> QuerySet[Cohort]:
    """The programme's cohorts with their number of places taken."""
    return (
        Cohort.objects.filter(programme=programme)
        .select_related("faculty")
        .annotate(
            taken=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE)),
            waiting=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITLISTED)
            ),
        )
        .order_by("-academic_year", "title")
    )


def enrolments_of(user: Any) -> dict[int, Enrolment]:
    """The person's enrolments by cohort id."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {e.cohort_id: e for e in Enrolment.objects.filter(user=user)}


@dataclass(frozen=True)
class TrajectoryOverview:
    enrolment: Enrolment
    rows: list[tuple[CohortSession, Attendance | None]]
    assignments: list[Assignment]
    next_session: CohortSession | None
    attended: int
    past: int


def my_trajectories(user: Any) -> list[TrajectoryOverview]:
    """Each enrolment of `user` with its sessions and their attendance."""
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
        )
        .order_by("-created_at")
    )
    overviews = []
    for enrolment in enrolments:
        sessions = list(enrolment.cohort.sessions.all())
        attendance = {a.session_id: a for a in enrolment.attendances.all()}
        upcoming = [s for s in sessions if s.ends_at >= now]
        past = [s for s in sessions if s.ends_at < now]
        overviews.append(
            TrajectoryOverview(
                enrolment=enrolment,
                rows=[(s, attendance.get(s.pk)) for s in sessions],
                assignments=assignments_for(
                    enrolment, sessions, enrolment.assignment_records.all()
                ),
                next_session=upcoming[0] if upcoming else None,
                attended=sum(
                    1
                    for s in past
                    if attendance.get(s.pk) and attendance[s.pk].status == "present"
                ),
                past=len(past),
            )
        )
    return overviews


def coached_cohorts(user: Any) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(coaches=user)
        .select_related("programme")
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE)))
        .order_by("-academic_year", "title")
    )


@dataclass(frozen=True)
class AttendanceMatrix:
    cohort: Cohort
    sessions: list[CohortSession]
    rows: list[tuple[Enrolment, list[Attendance | None]]]
    # For each session, each participant with their current mark ("" if none).
    by_session: list[tuple[CohortSession, list[tuple[Enrolment, str]]]]


def attendance_matrix(cohort: Cohort) -> AttendanceMatrix:
    """Participants × sessions for the coach: four queries whatever the size."""
    sessions = list(cohort.sessions.order_by("number"))
    enrolments = list(
        cohort.enrolments.filter(status__in=ACTIVE)
        .select_related("user__engage_profile")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    marks = {
        (a.enrolment_id, a.session_id): a
        for a in Attendance.objects.filter(session__cohort=cohort)
    }
    rows = [(e, [marks.get((e.pk, s.pk)) for s in sessions]) for e in enrolments]
    by_session = [
        (
            s,
            [
                (e, marks[(e.pk, s.pk)].status if (e.pk, s.pk) in marks else "")
                for e in enrolments
            ],
        )
        for s in sessions
    ]
    return AttendanceMatrix(
        cohort=cohort, sessions=sessions, rows=rows, by_session=by_session
    )


def calendar_sessions(token: str) -> tuple[Enrolment, list[CohortSession]] | None:
    """The sessions behind a personal calendar address (None for a bad token)."""
    if not _TOKEN.fullmatch(token or ""):
        return None
    enrolment = (
        Enrolment.objects.filter(calendar_token=token, status__in=ACTIVE)
        .select_related("cohort__programme")
        .first()
    )
    if enrolment is None:
        return None
    return enrolment, list(enrolment.cohort.sessions.order_by("number"))


def own_enrolment(user: Any, enrolment_id: int) -> Enrolment | None:
    return (
        Enrolment.objects.filter(pk=enrolment_id, user=user)
        .select_related("cohort__programme")
        .first()
    )


def journal_of(enrolment: Enrolment) -> QuerySet[JournalEntry]:
    """The author's entries, newest first, with their feedback count."""
    return (
        JournalEntry.objects.filter(enrolment=enrolment)
        .select_related("session")
        .annotate(num_feedback=Count("feedback"))
        .order_by("-updated_at", "-pk")
    )


def entry_for_reading(entry_id: int) -> JournalEntry | None:
    return (
        JournalEntry.objects.filter(pk=entry_id)
        .select_related("enrolment__cohort__programme", "enrolment__user", "session")
        .first()
    )


def feedback_thread(entry: JournalEntry) -> list[Feedback]:
    return list(
        entry.feedback.select_related("author__engage_profile").order_by("created_at")
    )


def awaiting_feedback(cohort: Cohort) -> list[JournalEntry]:
    """Entries shared with the coach that no coach of the cohort answered yet."""
    coach_ids = list(cohort.coaches.values_list("pk", flat=True))
    return list(
        JournalEntry.objects.filter(enrolment__cohort=cohort)
        .exclude(visibility=Visibility.PRIVATE)
        .exclude(feedback__author_id__in=coach_ids)
        .select_related("enrolment__user__engage_profile")
        .order_by("shared_at")
    )


def own_courses(user: Any) -> QuerySet[OwnCourse]:
    return OwnCourse.objects.filter(owner=user).order_by("name", "pk")


def assignment_of(
    user: Any, enrolment_id: int, key: str
) -> tuple[Enrolment, Assignment] | None:
    """One assignment of the person's enrolment, with its record (if any)."""
    enrolment = own_enrolment(user, enrolment_id)
    if enrolment is None:
        return None
    found = next(
        (
            a
            for a in assignments_for(
                enrolment,
                enrolment.cohort.sessions.all(),
                enrolment.assignment_records.select_related("course"),
            )
            if a.key == key
        ),
        None,
    )
    return (enrolment, found) if found else None
