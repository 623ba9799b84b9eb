"""The lecturer's own trajectory page: sessions, attendance, assignments, progress."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from courses.data import LinkedContent
from courses.selectors import linked_content

from ..data import TrajectoryProgress
from ..models import (
    Attendance,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    PeerGroup,
    SessionSummary,
)
from ..rules.assignments import Assignment, assignments_for
from .programmes import ACTIVE
from .progress import _progress, shared_entries_prefetch


@dataclass(frozen=True)
class SessionLine:
    session: CohortSession
    attendance: Attendance | None
    mandatory: bool
    reflections: int  # entries about it shared with coach or peers
    # The coach's summary, once posted.
    summary: SessionSummary | None = None
    # Live courses and lessons the session plan links, with the person's progress.
    content: tuple[LinkedContent, ...] = ()


@dataclass(frozen=True)
class PeerGroupView:
    name: str
    # The other members (enrolled or completed), by name.
    members: tuple[str, ...]


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
    # The peer groups the participant is in (usually one).
    peer_groups: tuple[PeerGroupView, ...] = ()


def my_trajectories(user: Any) -> list[TrajectoryOverview]:
    """Each enrolment of `user` with its sessions and their attendance."""
    now = timezone.now()
    found = (
        Enrolment.objects.filter(user=user)
        .exclude(status=EnrolmentStatus.WITHDRAWN)
        .select_related("cohort__programme")
        .prefetch_related(
            Prefetch(
                "cohort__sessions",
                queryset=CohortSession.objects.select_related("summary").order_by(
                    "number"
                ),
            ),
            "attendances",
            "assignment_records",
            shared_entries_prefetch(),
            Prefetch(
                "peer_groups",
                queryset=PeerGroup.objects.order_by("name").prefetch_related(
                    Prefetch(
                        "members",
                        queryset=Enrolment.objects.filter(status__in=ACTIVE)
                        .select_related("user__engage_profile")
                        .order_by("user__last_name", "user__first_name", "pk"),
                    )
                ),
            ),
        )
        .order_by("-created_at")
    )
    enrolments: list[Any] = list(found)
    content = _linked_content(user, enrolments)
    overviews = []
    for enrolment in enrolments:
        linked = enrolment.cohort.programme.linked_page_ids()
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
                        summary=getattr(s, "summary", None),
                        content=tuple(
                            content[page_id]
                            for page_id in linked.get(s.number, ())
                            if page_id in content
                        ),
                    )
                    for s in sessions
                ],
                assignment_lines=[(a, by_assignment[a.key]) for a in assignments],
                peer_groups=_peer_groups(enrolment),
            )
        )
    return overviews


def _linked_content(user: Any, enrolments: list[Enrolment]) -> dict[int, LinkedContent]:
    """The courses and lessons every participating enrolment's plan links, in one
    go (at most four queries)."""
    page_ids = {
        page_id
        for enrolment in enrolments
        if enrolment.status in ACTIVE
        for ids in enrolment.cohort.programme.linked_page_ids().values()
        for page_id in ids
    }
    return linked_content(user=user, page_ids=page_ids)


def _peer_groups(enrolment: Enrolment) -> tuple[PeerGroupView, ...]:
    if enrolment.status not in ACTIVE:
        return ()
    return tuple(
        PeerGroupView(
            name=group.name,
            members=tuple(
                member.user.engage_profile.display_name
                for member in group.members.all()
                if member.pk != enrolment.pk
            ),
        )
        for group in enrolment.peer_groups.all()
    )
