"""Reads of the trajectories app, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from .assignments import Assignment, assignments_for
from .conf import trajectory_settings
from .data import TrajectoryProgress
from .models import (
    AssignmentRecord,
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    JournalRevision,
    OwnCourse,
    ProgrammePage,
    Visibility,
)
from .progress import compute_progress

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
class SessionLine:
    session: CohortSession
    attendance: Attendance | None
    mandatory: bool
    reflections: int  # entries about it shared with coach or peers


@dataclass(frozen=True)
class TrajectoryOverview:
    enrolment: Enrolment
    rows: list[tuple[CohortSession, Attendance | None]]
    assignments: list[Assignment]
    next_session: CohortSession | None
    attended: int
    past: int
    # None while on the waiting list.
    progress: TrajectoryProgress | None
    sessions: list[SessionLine]
    # Each assignment with the number of shared reflections on it.
    assignment_lines: list[tuple[Assignment, int]]


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
            Prefetch(
                "journal_entries",
                queryset=_shared_entries().only(
                    "pk", "enrolment_id", "session_id", "assignment_key"
                ),
                to_attr="shared_entries",
            ),
        )
        .order_by("-created_at")
    )
    overviews = []
    for enrolment in enrolments:
        sessions = list(enrolment.cohort.sessions.all())
        attendance = {a.session_id: a for a in enrolment.attendances.all()}
        upcoming = [s for s in sessions if s.ends_at >= now]
        past = [s for s in sessions if s.ends_at < now]
        assignments = assignments_for(
            enrolment, sessions, enrolment.assignment_records.all()
        )
        shared = [(e.session_id, e.assignment_key) for e in enrolment.shared_entries]
        progress = None
        if enrolment.status != EnrolmentStatus.WAITLISTED:
            progress = _progress(
                enrolment, sessions, attendance.values(), assignments, shared, now
            )
        mandatory = enrolment.cohort.programme.mandatory_session_numbers()
        by_session = Counter(session_id for session_id, _key in shared)
        by_assignment = Counter(key for _session_id, key in shared)
        overviews.append(
            TrajectoryOverview(
                enrolment=enrolment,
                rows=[(s, attendance.get(s.pk)) for s in sessions],
                assignments=assignments,
                next_session=upcoming[0] if upcoming else None,
                attended=sum(
                    1
                    for s in past
                    if attendance.get(s.pk) and attendance[s.pk].status == "present"
                ),
                past=len(past),
                progress=progress,
                sessions=[
                    SessionLine(
                        session=s,
                        attendance=attendance.get(s.pk),
                        mandatory=s.number in mandatory,
                        reflections=by_session[s.pk],
                    )
                    for s in sessions
                ],
                assignment_lines=[(a, by_assignment[a.key]) for a in assignments],
            )
        )
    return overviews


# --- progress and completion ---------------------------------------------------------


def _shared_entries() -> QuerySet[JournalEntry]:
    """Journal entries that count as reflections: shared with coach or peers."""
    return JournalEntry.objects.exclude(visibility=Visibility.PRIVATE)


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
    for record in AssignmentRecord.objects.filter(enrolment__cohort=cohort):
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


def gone_quiet(cohort: Cohort, *, days: int | None = None) -> list[QuietParticipant]:
    """Enrolled participants without journal activity (writing, sharing, replying),
    a check-in or assignment work in the last `days` days (default from settings),
    quietest first; one query."""
    now = timezone.now()
    cutoff = now - timedelta(days=days or trajectory_settings.quiet_days)
    enrolments = (
        cohort.enrolments.filter(status=EnrolmentStatus.ENROLLED)
        .select_related("user__engage_profile")
        .annotate(
            last_entry=_latest(JournalEntry.objects.all(), "updated_at"),
            last_reply=Subquery(
                Feedback.objects.filter(
                    entry__enrolment=OuterRef("pk"), author=OuterRef("user")
                )
                .order_by("-created_at")
                .values("created_at")[:1]
            ),
            last_checkin=_latest(
                Attendance.objects.filter(checked_in=True), "recorded_at"
            ),
            last_assignment=_latest(AssignmentRecord.objects.all(), "updated_at"),
        )
    )
    quiet = []
    for e in enrolments:
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


# --- the lecturer's API -------------------------------------------------------------


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
