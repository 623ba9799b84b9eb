"""Writes of the coach beyond attendance: session summaries."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.notifications.services import notify
from lms.sanitizing import clean_html, clean_text

from ..exceptions import NotAllowed, NotYours
from ..models import CohortSession, EnrolmentStatus, SessionSummary
from ..permissions import COACH_COHORT

# Typed characters a summary may have; formatting plain text into paragraphs adds
# markup, so the stored HTML may be longer (the cap only stops abuse).
SUMMARY_INPUT_CHARS = 20_000
MAX_SUMMARY_CHARS = 4 * SUMMARY_INPUT_CHARS


def post_session_summary(
    *, actor: Any, session: CohortSession, body: str
) -> SessionSummary:
    """The coach's summary of a session for everyone in the cohort.

    The first posting notifies every participant (enrolled or completed); a later
    edit replaces the text without notifying again.
    """
    if not actor.has_perm(COACH_COHORT, session.cohort):
        raise NotYours(_("Only the cohort's coaches can post a session summary."))
    html = str(clean_html(str(body or "")[:MAX_SUMMARY_CHARS]))
    if not clean_text(html):
        raise NotAllowed(_("Write the summary first."), field="body")
    now = timezone.now()
    with transaction.atomic():
        summary = (
            SessionSummary.objects.select_for_update().filter(session=session).first()
        )
        first = summary is None
        if summary is None:
            summary = SessionSummary(session=session, posted_at=now)
        summary.body = html
        summary.author = actor
        summary.save()
        if first:
            _notify_participants(session)
    return summary


def _notify_participants(session: CohortSession) -> None:
    url = reverse("engage_trajectories:mine") + f"#session-{session.pk}"
    participants = session.cohort.enrolments.filter(
        status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
    ).select_related("user__engage_profile")
    for enrolment in participants:
        notify(
            recipient=enrolment.user,
            kind="session-summary",
            title=format_lazy(
                gettext_lazy("Summary of session {n}: {title}"),
                n=session.number,
                title=session.title,
            ),
            url=url,
        )
