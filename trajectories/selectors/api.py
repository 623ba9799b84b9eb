"""Reads for the lecturer's API: their enrolments, sessions, assignments and
journal entries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from ..models import (
    AssignmentRecord,
    Attendance,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    JournalEntry,
    JournalRevision,
)
from ..rules.assignments import Assignment, assignments_for
from .programmes import ACTIVE


def my_enrolments(user: Any) -> QuerySet[Enrolment]:
    """Every enrolment of `user` (any status), newest first, with cohort and
    programme: one query."""
    return (
        Enrolment.objects.filter(user=user)
        .select_related("cohort__programme", "cohort__faculty")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class MySession:
    enrolment: Enrolment
    session: CohortSession
    attendance: Attendance | None

    @property
    def shows_place(self) -> bool:
        """Place and online link are for participants, not the waiting list."""
        return self.enrolment.status in ACTIVE


def my_sessions(user: Any) -> list[MySession]:
    """Sessions of the cohorts `user` follows or waits for, by start, with their
    attendance: three queries whatever the number of cohorts."""
    enrolments = (
        Enrolment.objects.filter(user=user)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("cohort")
        .prefetch_related("cohort__sessions", "attendances")
    )
    rows: list[MySession] = []
    for enrolment in enrolments:
        attendance = {a.session_id: a for a in enrolment.attendances.all()}
        rows.extend(
            MySession(enrolment, session, attendance.get(session.pk))
            for session in enrolment.cohort.sessions.all()
        )
    rows.sort(key=lambda row: (row.session.starts_at, row.session.pk))
    return rows


def my_assignments(user: Any) -> list[tuple[Enrolment, Assignment]]:
    """The between-session assignments of every cohort `user` takes part in, with
    their record: three queries whatever the number of cohorts."""
    enrolments = (
        Enrolment.objects.filter(user=user, status__in=ACTIVE)
        .select_related("cohort__programme")
        .prefetch_related(
            "cohort__sessions",
            Prefetch(
                "assignment_records",
                queryset=AssignmentRecord.objects.select_related("course"),
            ),
        )
        .order_by("-created_at", "-pk")
    )
    return [
        (enrolment, assignment)
        for enrolment in enrolments
        for assignment in assignments_for(
            enrolment,
            enrolment.cohort.sessions.all(),
            enrolment.assignment_records.all(),
        )
    ]


def entries_of_author(
    user: Any, *, enrolment_id: int | None = None
) -> QuerySet[JournalEntry]:
    """The journal entries `user` wrote (optionally in one enrolment), newest first,
    with their session and feedback count."""
    entries = JournalEntry.objects.filter(enrolment__user=user)
    if enrolment_id is not None:
        entries = entries.filter(enrolment_id=enrolment_id)
    return (
        entries.select_related("session", "enrolment")
        .annotate(num_feedback=Count("feedback"))
        .order_by("-updated_at", "-pk")
    )


def revisions_of(entry: JournalEntry) -> QuerySet[JournalRevision]:
    """The entry's saved versions, newest first."""
    return JournalRevision.objects.filter(entry=entry).order_by("-saved_at", "-pk")
