"""The trajectories' part of the digest e-mails (registered in apps.ready()).

Called by `lms.notifications` with the recipient's language active: upcoming
sessions and assignments due for a participant, entries awaiting feedback for a
coach. Only what the person may see: their own enrolments, their own cohorts.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.notifications.data import DigestItem

from ..models import Cohort, CohortSession, Enrolment, EnrolmentStatus
from ..rules.assignments import assignments_for, day_label
from .coaching import awaiting_feedback_oldest

# How far ahead the digest looks for sessions and due dates.
HORIZON = timedelta(days=7)
# Entries awaiting feedback listed per cohort; the rest are counted.
MAX_ENTRIES_PER_COHORT = 10


def digest_items(user: Any, since: datetime) -> list[DigestItem]:
    """What the trajectories have to say to `user` in their next digest."""
    now = timezone.now()
    enrolments = list(
        Enrolment.objects.filter(user=user, status=EnrolmentStatus.ENROLLED)
        .select_related("cohort__programme")
        .prefetch_related(
            Prefetch(
                "cohort__sessions", queryset=CohortSession.objects.order_by("number")
            ),
            "assignment_records",
        )
    )
    return [
        *_upcoming_sessions(enrolments, now),
        *_assignments_due(enrolments, now),
        *_awaiting_feedback(user),
    ]


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")


def _upcoming_sessions(enrolments: list[Enrolment], now: datetime) -> list[DigestItem]:
    heading = _("Upcoming sessions")
    sessions = sorted(
        (
            (session, enrolment)
            for enrolment in enrolments
            for session in enrolment.cohort.sessions.all()
            if now <= session.starts_at < now + HORIZON
        ),
        key=lambda pair: pair[0].starts_at,
    )
    items = []
    for session, enrolment in sessions:
        where = session.location or (_("online") if session.online_url else "")
        items.append(
            DigestItem(
                heading=heading,
                title=_("Session %(number)d: %(title)s (%(cohort)s)")
                % {
                    "number": session.number,
                    "title": session.title,
                    "cohort": enrolment.cohort.title,
                },
                detail=", ".join(p for p in (_when(session.starts_at), where) if p),
                url=reverse("engage_trajectories:mine"),
            )
        )
    return items


def _assignments_due(enrolments: list[Enrolment], now: datetime) -> list[DigestItem]:
    heading = _("Assignments due")
    items = []
    for enrolment in enrolments:
        sessions = enrolment.cohort.sessions.all()
        for assignment in assignments_for(
            enrolment, sessions, enrolment.assignment_records.all()
        ):
            due = assignment.due_at
            if (
                due is None
                or not assignment.is_open
                or assignment.status == "submitted"
                or not now <= due < now + HORIZON
            ):
                continue
            items.append(
                DigestItem(
                    heading=heading,
                    title=assignment.title,
                    detail=_("Due %(date)s") % {"date": day_label(due)},
                    url=reverse(
                        "engage_trajectories:assignment",
                        kwargs={"enrolment_id": enrolment.pk, "key": assignment.key},
                    ),
                )
            )
    return items


def _awaiting_feedback(user: Any) -> list[DigestItem]:
    heading = _("Entries awaiting your feedback")
    items = []
    for cohort in Cohort.objects.filter(coaches=user).order_by("pk"):
        waiting = awaiting_feedback_oldest(cohort, MAX_ENTRIES_PER_COHORT)
        for entry in waiting.entries:
            items.append(
                DigestItem(
                    heading=heading,
                    title=_("“%(title)s” by %(name)s")
                    % {
                        "title": entry.title,
                        "name": profile_of(entry.enrolment.user).display_name,
                    },
                    detail=cohort.title,
                    url=reverse("engage_trajectories:entry", args=[entry.pk]),
                )
            )
        if waiting.more:
            items.append(
                DigestItem(
                    heading=heading,
                    title=_("%(count)d more in %(cohort)s")
                    % {
                        "count": waiting.more,
                        "cohort": cohort.title,
                    },
                    url=reverse("engage_trajectories:cohort", args=[cohort.pk]),
                )
            )
    return items
