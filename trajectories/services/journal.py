"""Writes of the reflective journal: entries, sharing, feedback, peer groups."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.sanitizing import clean_html, clean_text
from lms.xapi.services import record

from .. import xapi as events
from ..exceptions import NotAllowed
from ..models import (
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    JournalRevision,
    PeerGroup,
    Visibility,
)
from ..reflection import sections_for
from .enrolment import coaches

# Autosaves within this time update the latest revision instead of adding one.
REVISION_WINDOW = timedelta(minutes=10)
MAX_SECTION_CHARS = 50_000


def _clean_sections(enrolment: Enrolment, sections: dict[str, str]) -> dict[str, str]:
    keys = [s.key for s in sections_for(enrolment.cohort.programme.reflection_model)]
    return {
        key: str(clean_html(str(sections.get(key, ""))[:MAX_SECTION_CHARS]))
        for key in keys
    }


def save_entry(
    *,
    author: Any,
    enrolment: Enrolment,
    title: str,
    sections: dict[str, str],
    entry: JournalEntry | None = None,
    session_id: int | None = None,
) -> JournalEntry:
    """Create or update an entry (also the autosave); keeps a revision history."""
    if enrolment.user_id != author.pk:
        raise NotAllowed(_("You can only write in your own journal."))
    if entry is not None and entry.enrolment_id != enrolment.pk:
        raise NotAllowed(_("This entry belongs to another journal."))
    now = timezone.now()
    with transaction.atomic():
        if entry is None:
            entry = JournalEntry(enrolment=enrolment)
        entry.title = clean_text(title)[:200] or _("Untitled entry")
        entry.sections = _clean_sections(enrolment, sections)
        if session_id and enrolment.cohort.sessions.filter(pk=session_id).exists():
            entry.session_id = session_id
        entry.save()
        latest = entry.revisions.order_by("-saved_at").first()
        if latest is not None and now - latest.saved_at < REVISION_WINDOW:
            latest.title, latest.sections = entry.title, entry.sections
            latest.save(update_fields=["title", "sections"])
        else:
            JournalRevision.objects.create(
                entry=entry, title=entry.title, sections=entry.sections, saved_at=now
            )
    return entry


def share_entry(*, author: Any, entry: JournalEntry, visibility: str) -> JournalEntry:
    """Change who can read an entry; sharing for the first time is recorded."""
    if entry.enrolment.user_id != author.pk:
        raise NotAllowed(_("Only the author decides who reads an entry."))
    if visibility not in Visibility.values:
        raise NotAllowed(_("Choose who can read the entry."))
    with transaction.atomic():
        entry.visibility = visibility
        first_share = visibility != Visibility.PRIVATE and entry.shared_at is None
        now = timezone.now()
        if first_share:
            entry.shared_at = now
        entry.save(update_fields=["visibility", "shared_at", "updated_at"])
        if first_share:
            record(
                events.reflection_shared(
                    actor=profile_of(author).xapi_id, entry=entry, at=now
                )
            )
    return entry


def may_read(user: Any, entry: JournalEntry) -> bool:
    """The author always; coaches of the cohort once shared with the coach; the
    author's peer-group members once shared with peers. Nobody else, ever."""
    if not getattr(user, "is_authenticated", False):
        return False
    enrolment = entry.enrolment
    if enrolment.user_id == user.pk:
        return True
    if entry.visibility == Visibility.PRIVATE:
        return False
    if coaches(user, enrolment.cohort):
        return True
    if entry.visibility != Visibility.PEERS:
        return False
    # Two filter() calls: the author and the reader are two different members.
    return (
        PeerGroup.objects.filter(members=enrolment)
        .filter(
            members__user=user,
            members__status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED),
        )
        .exists()
    )


def give_feedback(*, author: Any, entry: JournalEntry, body: str) -> Feedback:
    """Feedback (or a reply) on an entry the person may read."""
    if not may_read(author, entry):
        raise NotAllowed(_("You cannot give feedback on this entry."))
    text = clean_text(body).strip()[:5000]
    if not text:
        raise NotAllowed(_("Write your feedback first."))
    with transaction.atomic():
        feedback = Feedback.objects.create(entry=entry, author=author, body=text)
        if author.pk != entry.enrolment.user_id:
            record(
                events.feedback_received(
                    actor=profile_of(entry.enrolment.user).xapi_id,
                    entry=entry,
                    feedback=feedback,
                )
            )
    return feedback


def form_peer_groups(
    *, actor: Any, cohort: Any, assignment: dict[int, str]
) -> list[PeerGroup]:
    """Put participants (enrolment id -> group name) into the cohort's peer groups."""
    if not coaches(actor, cohort):
        raise NotAllowed(_("Only the cohort's coaches form peer groups."))
    with transaction.atomic():
        enrolments = {e.pk: e for e in cohort.enrolments.all()}
        groups: dict[str, PeerGroup] = {}
        for group in cohort.peer_groups.all():
            group.members.clear()
            groups[group.name] = group
        for enrolment_id, raw_name in assignment.items():
            name = clean_text(raw_name).strip()[:100]
            if not name or enrolment_id not in enrolments:
                continue
            if name not in groups:
                groups[name] = PeerGroup.objects.create(cohort=cohort, name=name)
            groups[name].members.add(enrolments[enrolment_id])
        for name, group in list(groups.items()):
            if not group.members.exists():
                group.delete()
                del groups[name]
    return list(groups.values())
