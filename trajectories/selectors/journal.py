"""Reads of the reflective journal: entries, their feedback thread."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from ..models import Enrolment, Feedback, JournalAttachment, JournalEntry


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


def attachments_of(entry: JournalEntry) -> list[JournalAttachment]:
    """The entry's attachments, oldest first (one query)."""
    return list(entry.attachments.order_by("uploaded_at", "pk"))


def attachment_for_reading(attachment_id: int) -> JournalAttachment | None:
    """An attachment with its entry, enrolment and cohort loaded, for the
    permission check (`engage_trajectories.read_entry` on the entry)."""
    return (
        JournalAttachment.objects.filter(pk=attachment_id)
        .select_related("entry__enrolment__cohort__programme", "entry__enrolment__user")
        .first()
    )
