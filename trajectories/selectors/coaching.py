"""Reads for the coach: the attendance matrix and what awaits feedback."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Count, QuerySet, Window

from ..models import (
    Attendance,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    JournalEntry,
    PeerGroup,
    SessionSummary,
    Visibility,
)
from .programmes import ACTIVE


@dataclass(frozen=True)
class AttendanceMatrix:
    cohort: Cohort
    sessions: list[CohortSession]
    rows: list[tuple[Enrolment, list[Attendance | None]]]
    # For each session, each participant with their current mark ("" if none).
    by_session: list[tuple[CohortSession, list[tuple[Enrolment, str]]]]


def attendance_matrix(cohort: Cohort) -> AttendanceMatrix:
    """Participants × sessions for the coach (each session with its summary):
    four queries whatever the size."""
    sessions = list(cohort.sessions.select_related("summary").order_by("number"))
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


def _awaiting(cohort: Cohort) -> QuerySet[JournalEntry]:
    coach_ids = list(cohort.coaches.values_list("pk", flat=True))
    return (
        JournalEntry.objects.filter(enrolment__cohort=cohort)
        .exclude(visibility=Visibility.PRIVATE)
        .exclude(feedback__author_id__in=coach_ids)
    )


def awaiting_feedback(cohort: Cohort) -> list[JournalEntry]:
    """Entries shared with the coach that no coach of the cohort answered yet."""
    return list(
        _awaiting(cohort)
        .select_related("enrolment__user__engage_profile")
        .defer("sections")  # the list shows titles; sections are the bulk
        .order_by("shared_at", "pk")
    )


@dataclass(frozen=True)
class AwaitingFeedback:
    entries: Sequence[JournalEntry]  # the longest waiting first, at most `limit`
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.entries)


def awaiting_feedback_oldest(cohort: Cohort, limit: int = 20) -> AwaitingFeedback:
    """The `limit` entries that have waited longest for a coach's answer, and how
    many wait in all (two queries: the total is a window count over the same
    rows): answering them brings up the next."""
    entries = list(
        _awaiting(cohort)
        .select_related("enrolment__user__engage_profile")
        .defer("sections")
        .annotate(waiting_total=Window(Count("pk")))
        .order_by("shared_at", "pk")[:limit]
    )
    total = entries[0].waiting_total if entries else 0
    return AwaitingFeedback(entries=entries, total=total)


@dataclass(frozen=True)
class AttendanceExport:
    cohort: Cohort
    sessions: list[CohortSession]
    # Each participant with, per session, "present", "excused", "absent" or "".
    rows: list[tuple[Enrolment, list[str]]]


def attendance_export(cohort: Cohort) -> AttendanceExport:
    """Everyone who takes or took part in the cohort (not the waiting list), by
    name, with their mark per session: three queries whatever the size."""
    sessions = list(cohort.sessions.order_by("number"))
    enrolments = list(
        cohort.enrolments.exclude(status=EnrolmentStatus.WAITLISTED)
        .select_related("user__engage_profile")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    marks = {
        (enrolment_id, session_id): status
        for enrolment_id, session_id, status in Attendance.objects.filter(
            session__cohort=cohort
        ).values_list("enrolment_id", "session_id", "status")
    }
    return AttendanceExport(
        cohort=cohort,
        sessions=sessions,
        rows=[(e, [marks.get((e.pk, s.pk), "") for s in sessions]) for e in enrolments],
    )


def peer_groups_of(cohort: Cohort) -> dict[int, str]:
    """The peer group name of each participant in a group, by enrolment id (one
    query)."""
    through = PeerGroup.members.through
    return dict(
        through.objects.filter(peergroup__cohort=cohort)
        .order_by("peergroup__name")
        .values_list("enrolment_id", "peergroup__name")
    )


def session_of_cohort(cohort: Cohort, session_id: int) -> CohortSession | None:
    """One of the cohort's sessions, or None (one query)."""
    return cohort.sessions.filter(pk=session_id).first()


def summary_of(session: CohortSession) -> SessionSummary | None:
    """The coach's summary of a session, if there is one (one query)."""
    return SessionSummary.objects.filter(session=session).first()
