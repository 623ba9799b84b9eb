"""Writes of the reflective journal: entries, sharing, feedback, peer groups."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import notify
from lms.sanitizing import clean_html, clean_text
from lms.xapi.services import record

from .. import xapi as events
from ..exceptions import InvalidEntry, NotAllowed, NotYours, StaleEntry
from ..models import (
    Enrolment,
    EnrolmentStatus,
    Feedback,
    JournalEntry,
    JournalRevision,
    PeerGroup,
    Visibility,
)
from ..permissions import COACH_COHORT, READ_ENTRY
from ..rules.reflection import sections_for
from .completion import complete_if_done
from .locking import claim

# Autosaves within this time update the latest revision instead of adding one.
REVISION_WINDOW = timedelta(minutes=10)
# Forms and the API accept this many typed characters per section ...
SECTION_INPUT_CHARS = 50_000
# ... and turning plain text into paragraphs adds markup, so the stored HTML may be
# longer. This cap only stops abuse: it must never cut what a form accepted.
MAX_SECTION_CHARS = 4 * SECTION_INPUT_CHARS
# Feedback is HTML since it has an editor: 5,000 characters of text and its markup.
MAX_FEEDBACK_HTML = 4 * 5000


def _checked_sections(
    enrolment: Enrolment, sections: Mapping[str, str]
) -> dict[str, str]:
    """Every section of the programme's reflection model, cleaned; refuses unknown
    sections and sections too long once formatted rather than cutting them off."""
    keys = [s.key for s in sections_for(enrolment.cohort.programme.reflection_model)]
    unknown = sorted(set(sections) - set(keys))
    if unknown:
        raise InvalidEntry(
            _(
                "Unknown section(s): %(unknown)s. This programme's "
                "reflection model has: %(keys)s."
            )
            % {"unknown": ", ".join(unknown), "keys": ", ".join(keys)},
            field="sections",
        )
    cleaned = {key: str(clean_html(str(sections.get(key, "")))) for key in keys}
    if any(len(html) > MAX_SECTION_CHARS for html in cleaned.values()):
        raise InvalidEntry(
            _("A section is too long once formatted (at most %(max)d characters).")
            % {"max": MAX_SECTION_CHARS},
            field="sections",
        )
    return cleaned


def _checked_session(enrolment: Enrolment, session_id: int | None) -> int | None:
    """None ("not about a session") or a session of the enrolment's cohort."""
    if session_id is None or enrolment.cohort.sessions.filter(pk=session_id).exists():
        return session_id
    raise InvalidEntry(
        _("Choose a session of this entry's cohort, or none."), field="session"
    )


def _checked_assignment(enrolment: Enrolment, key: str) -> str:
    """ "" (none) or the key of one of the programme's assignments."""
    if not key or key in {str(b.id) for b in enrolment.cohort.programme.assignments}:
        return key
    raise InvalidEntry(
        _("Choose an assignment of this entry's programme, or nothing."),
        field="assignment",
    )


def save_entry(
    *,
    author: Any,
    enrolment: Enrolment,
    title: str,
    sections: dict[str, str],
    entry: JournalEntry | None = None,
    version: int | None = None,
    session_id: int | None = None,
    assignment_key: str | None = None,
) -> JournalEntry:
    """Create or update an entry (also the autosave); keeps a revision history.

    An update names the `version` of the entry it started from and writes only
    the content (title, sections, session, assignment), never who may read it.
    When the entry was saved elsewhere since that version, nothing is stored:
    StaleEntry (409) says the version it has now. A missing version is refused
    (InvalidEntry on "version").

    `session_id`: a session of the cohort, or None for none. `assignment_key`: the
    programme assignment the entry reflects on ("" for none, None to leave it as
    it is). Refuses (InvalidEntry, naming the field) an unknown section, session
    or assignment; then nothing is stored.
    """
    # An invariant, not an access rule: an entry is written by its journal's owner.
    if enrolment.user_id != author.pk:
        raise NotYours(_("You can only write in your own journal."))
    if entry is not None and entry.enrolment_id != enrolment.pk:
        raise NotYours(_("This entry belongs to another journal."))
    cleaned = _checked_sections(enrolment, sections)
    content: dict[str, Any] = {
        "title": clean_text(title)[:200] or _("Untitled entry"),
        "sections": cleaned,
        "session_id": _checked_session(enrolment, session_id or None),
    }
    if assignment_key is not None:
        content["assignment_key"] = _checked_assignment(enrolment, assignment_key)
    now = timezone.now()
    with transaction.atomic():
        if entry is None:
            entry = JournalEntry.objects.create(enrolment=enrolment, **content)
        elif version is None:
            raise InvalidEntry(
                _("Say which version of the entry you edited: reload the page."),
                field="version",
            )
        else:
            _update_content(entry, version=version, content=content, now=now)
        latest = entry.revisions.order_by("-saved_at").first()
        if latest is not None and now - latest.saved_at < REVISION_WINDOW:
            latest.title, latest.sections = entry.title, entry.sections
            latest.save(update_fields=["title", "sections"])
        else:
            JournalRevision.objects.create(
                entry=entry, title=entry.title, sections=entry.sections, saved_at=now
            )
    return entry


def _update_content(
    entry: JournalEntry, *, version: int, content: dict[str, Any], now: Any
) -> None:
    """Write `content` over `version` of the entry, or refuse (StaleEntry).

    The first statement claims the version (compare and set: a second edit from
    the same version finds none to claim, on any database); it also locks the row,
    so what is read next is what this save replaces. Sharing is left as it is.
    """
    rows = JournalEntry.objects.filter(pk=entry.pk)
    if not rows.filter(version=version).update(version=F("version") + 1):
        raise StaleEntry(
            _(
                "This entry changed in another window or on another device since "
                "you opened it. Nothing was saved."
            ),
            current_version=rows.values_list("version", flat=True).get(),
        )
    before = rows.values(
        "session_id", "assignment_key", "visibility", "shared_at", "version"
    ).get()
    rows.update(**content, updated_at=now)
    for name, value in {**before, **content, "updated_at": now}.items():
        setattr(entry, name, value)
    if before["visibility"] != Visibility.PRIVATE and (
        entry.session_id,
        entry.assignment_key,
    ) != (before["session_id"], before["assignment_key"]):
        # A shared reflection now counts for another session or assignment.
        complete_if_done(enrolment=entry.enrolment)


def share_entry(*, author: Any, entry: JournalEntry, visibility: str) -> JournalEntry:
    """Change who can read an entry; sharing for the first time is recorded."""
    if entry.enrolment.user_id != author.pk:  # the author's own decision
        raise NotYours(_("Only the author decides who reads an entry."))
    if visibility not in Visibility.values:
        raise NotAllowed(_("Choose who can read the entry."), field="visibility")
    with transaction.atomic():
        # Only who may read it is written: never the content, which another
        # window may be saving meanwhile (its version stays as it is). The row
        # is claimed with a write before it is read (`locking.claim`).
        rows = claim(JournalEntry.objects.filter(pk=entry.pk), "visibility")
        was, entry.shared_at = rows.values_list("visibility", "shared_at").get()
        was_private = was == Visibility.PRIVATE
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
        if was_private != (visibility == Visibility.PRIVATE):
            complete_if_done(enrolment=entry.enrolment)
        if was_private and visibility != Visibility.PRIVATE:
            for coach in entry.enrolment.cohort.coaches.all():
                notify(
                    recipient=coach,
                    kind="entry-shared",
                    title=format_lazy(
                        gettext_lazy("{name} shared “{title}” with you"),
                        name=profile_of(author).display_name,
                        title=entry.title,
                    ),
                    url=reverse("engage_trajectories:entry", args=[entry.pk]),
                )
    return entry


def give_feedback(*, author: Any, entry: JournalEntry, body: str) -> Feedback:
    """Feedback (or a reply) on an entry the person may read. `body` is HTML
    (cleaned here; plain text callers convert with `lms.sanitizing.text_to_html`)."""
    if not author.has_perm(READ_ENTRY, entry):
        raise NotYours(_("You cannot give feedback on this entry."))
    if len(str(body or "")) > MAX_FEEDBACK_HTML:
        raise NotAllowed(_("Your feedback is too long."), field="body")
    html = str(clean_html(str(body or "")))
    if not clean_text(html).strip():
        raise NotAllowed(_("Write your feedback first."), field="body")
    with transaction.atomic():
        feedback = Feedback.objects.create(entry=entry, author=author, body=html)
        if author.pk != entry.enrolment.user_id:
            record(
                events.feedback_received(
                    actor=profile_of(entry.enrolment.user).xapi_id,
                    entry=entry,
                    feedback=feedback,
                )
            )
        # Feedback goes to the author; the author's reply to the others in the thread.
        reply = author.pk == entry.enrolment.user_id
        for recipient in _feedback_recipients(entry, author):
            notify(
                recipient=recipient,
                kind="feedback-reply" if reply else "feedback",
                title=format_lazy(
                    gettext_lazy("{name} replied on “{title}”")
                    if reply
                    else gettext_lazy("{name} gave feedback on “{title}”"),
                    name=profile_of(author).display_name,
                    title=entry.title,
                ),
                url=reverse("engage_trajectories:entry", args=[entry.pk]),
            )
    return feedback


def _feedback_recipients(entry: JournalEntry, author: Any) -> list[Any]:
    """Who hears of new feedback: the entry's author, or, for the author's reply,
    everyone else in the thread who may still read the entry."""
    if author.pk != entry.enrolment.user_id:
        return [entry.enrolment.user]
    others = {
        f.author.pk: f.author
        for f in entry.feedback.exclude(author=author).select_related("author")
        if f.author is not None
    }
    return [user for user in others.values() if user.has_perm(READ_ENTRY, entry)]


def form_peer_groups(
    *, actor: Any, cohort: Any, assignment: dict[int, str]
) -> list[PeerGroup]:
    """Put participants (enrolment id -> group name) into the cohort's peer groups.

    The assignment is the whole picture: whoever it leaves out is in no group, and
    groups left empty are removed. Names are plain text (at most 100 characters).
    """
    if not actor.has_perm(COACH_COHORT, cohort):
        raise NotYours(_("Only the cohort's coaches form peer groups."))
    with transaction.atomic():
        # Only participants: nobody on the waiting list or who withdrew.
        enrolments = {
            e.pk: e
            for e in cohort.enrolments.filter(
                status__in=(EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
            )
        }
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
