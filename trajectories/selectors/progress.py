"""Progress against the completion rules, and who has gone quiet."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from ..conf import trajectory_settings
from ..data import TrajectoryProgress
from ..models import (
    AssignmentRecord,
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    Visibility,
)
from ..rules.assignments import Assignment, assignments_for
from ..rules.progress import compute_progress
from .coaching import AttendanceMatrix, attendance_matrix


def _shared_entries() -> QuerySet[JournalEntry]:
    """Journal entries that count as reflections: shared with coach or peers."""
    return JournalEntry.objects.exclude(visibility=Visibility.PRIVATE)


def shared_entries_prefetch() -> Prefetch:
    """An enrolment's reflections, as `enrolment.shared_entries` (for progress)."""
    return Prefetch(
        "journal_entries",
        queryset=_shared_entries().only(
            "pk", "enrolment_id", "session_id", "assignment_key"
        ),
        to_attr="shared_entries",
    )


def _progress(
    enrolment: Enrolment,
    sessions: list[CohortSession],
    attendances: Iterable[Attendance],
    assignments: list[Assignment],
    shared: Iterable[tuple[int | None, str]],
    now: datetime,
) -> TrajectoryProgress:
    by_session: Counter[int] = Counter()
    by_assignment: Counter[str] = Counter()
    for session_id, key in shared:
        if session_id is not None:
            by_session[session_id] += 1
        if key:
            by_assignment[key] += 1
    programme = enrolment.cohort.programme
    return compute_progress(
        enrolment_id=enrolment.pk,
        rules=programme.completion_rules(),
        mandatory_numbers=programme.mandatory_session_numbers(),
        sessions=sessions,
        present={
            a.session_id for a in attendances if a.status == AttendanceStatus.PRESENT
        },
        assignments=assignments,
        shared_by_session=by_session,
        shared_by_assignment=by_assignment,
        completed_at=enrolment.completed_at
        if enrolment.status == EnrolmentStatus.COMPLETED
        else None,
        now=now,
    )


def progress_of(enrolment: Enrolment) -> TrajectoryProgress:
    """Where the enrolment stands against its programme's completion rules
    (five queries; the texts of `remaining` are in the active language)."""
    sessions = list(enrolment.cohort.sessions.order_by("number"))
    return _progress(
        enrolment,
        sessions,
        enrolment.attendances.all(),
        assignments_for(enrolment, sessions, enrolment.assignment_records.all()),
        _shared_entries()
        .filter(enrolment=enrolment)
        .values_list("session_id", "assignment_key"),
        timezone.now(),
    )


@dataclass(frozen=True)
class ParticipantProgress:
    enrolment: Enrolment
    progress: TrajectoryProgress


def progress_of_cohort(
    cohort: Cohort, *, matrix: AttendanceMatrix | None = None
) -> list[ParticipantProgress]:
    """One row per participant (enrolled or completed) for the coach, by name:
    six queries whatever the size of the cohort, two when the page already has
    the cohort's `attendance_matrix` (pass it: same sessions, people and marks)."""
    now = timezone.now()
    matrix = matrix or attendance_matrix(cohort)
    sessions = matrix.sessions
    enrolments = [enrolment for enrolment, _marks in matrix.rows]
    attendances = {
        enrolment.pk: [mark for mark in marks if mark is not None]
        for enrolment, marks in matrix.rows
    }
    cohort = matrix.cohort
    cohort.programme  # noqa: B018 - load it once for every participant
    records: dict[int, list[AssignmentRecord]] = {e.pk: [] for e in enrolments}
    for record in AssignmentRecord.objects.filter(enrolment__cohort=cohort).defer(
        "planned_change", "actual_change", "effect"
    ):
        records.setdefault(record.enrolment_id, []).append(record)
    shared: dict[int, list[tuple[int | None, str]]] = {e.pk: [] for e in enrolments}
    for enrolment_id, session_id, key, count in (
        _shared_entries()
        .filter(enrolment__cohort=cohort)
        .order_by()
        .values_list("enrolment_id", "session_id", "assignment_key")
        .annotate(n=Count("pk"))
    ):
        shared.setdefault(enrolment_id, []).extend([(session_id, key)] * count)
    return [
        ParticipantProgress(
            enrolment=e,
            progress=_progress(
                e,
                sessions,
                attendances[e.pk],
                assignments_for(e, sessions, records[e.pk]),
                shared[e.pk],
                now,
            ),
        )
        for e in enrolments
    ]


@dataclass(frozen=True)
class QuietParticipant:
    enrolment: Enrolment
    # The latest journal activity, check-in or assignment work, or else when
    # they were enrolled.
    last_activity: datetime
    days: int


def _latest(queryset: QuerySet[Any], field: str) -> Subquery:
    return Subquery(
        queryset.filter(enrolment=OuterRef("pk"))
        .order_by(f"-{field}")
        .values(field)[:1]
    )


def _quiet(enrolments: QuerySet[Enrolment], days: int | None) -> list[QuietParticipant]:
    """Of these enrolments, those quiet for longer than `days`, quietest first."""
    now = timezone.now()
    cutoff = now - timedelta(days=days or trajectory_settings.quiet_days)
    annotated = enrolments.filter(status=EnrolmentStatus.ENROLLED).annotate(
        last_entry=_latest(JournalEntry.objects.all(), "updated_at"),
        last_reply=Subquery(
            Feedback.objects.filter(
                entry__enrolment=OuterRef("pk"), author=OuterRef("user")
            )
            .order_by("-created_at")
            .values("created_at")[:1]
        ),
        last_checkin=_latest(Attendance.objects.filter(checked_in=True), "recorded_at"),
        last_assignment=_latest(AssignmentRecord.objects.all(), "updated_at"),
    )
    quiet = []
    for e in annotated:
        moments = [
            e.status_changed_at,
            e.last_entry,
            e.last_reply,
            e.last_checkin,
            e.last_assignment,
        ]
        last = max(m for m in moments if m is not None)
        if last < cutoff:
            quiet.append(
                QuietParticipant(
                    enrolment=e, last_activity=last, days=(now - last).days
                )
            )
    return sorted(quiet, key=lambda q: (q.last_activity, q.enrolment.pk))


def gone_quiet(cohort: Cohort, *, days: int | None = None) -> list[QuietParticipant]:
    """Enrolled participants without journal activity (writing, sharing, replying),
    a check-in or assignment work in the last `days` days (default from settings),
    quietest first; one query."""
    return _quiet(cohort.enrolments.select_related("user__engage_profile"), days)


def gone_quiet_counts(
    cohort_ids: Iterable[int], *, days: int | None = None
) -> dict[int, int]:
    """How many participants went quiet, per cohort id; one query for them all."""
    counts: Counter[int] = Counter(
        q.enrolment.cohort_id
        for q in _quiet(Enrolment.objects.filter(cohort_id__in=list(cohort_ids)), days)
    )
    return dict(counts)
