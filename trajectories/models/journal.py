"""The reflective journal: private entries, shared with the coach or peers, and
feedback threads on them."""

from __future__ import annotations

import uuid
from pathlib import Path, PurePath
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..conf import trajectory_settings
from .enrolment import Enrolment
from .programmes import Cohort, CohortSession


class PeerGroup(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="peer_groups"
    )
    name = models.CharField(_("name"), max_length=100)
    members = models.ManyToManyField(
        Enrolment, related_name="peer_groups", blank=True, verbose_name=_("members")
    )

    class Meta:
        ordering = ["cohort", "name"]
        verbose_name = _("peer group")
        verbose_name_plural = _("peer groups")

    def __str__(self) -> str:
        return self.name


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    COACH = "coach", _("Me and my coach")
    PEERS = "peers", _("Me, my coach and my peer group")


class JournalEntry(models.Model):
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="journal_entries"
    )
    session = models.ForeignKey(
        CohortSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("about session"),
    )
    # The StreamField block id of a programme assignment the entry reflects on.
    assignment_key = models.CharField(
        _("about assignment"), max_length=64, blank=True, default=""
    )
    title = models.CharField(_("title"), max_length=200)
    # Sanitised HTML per section of the programme's reflection model.
    sections = models.JSONField(default=dict)
    visibility = models.CharField(
        _("who can read it"),
        max_length=8,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    shared_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Goes up by one on every save of the content (title, sections, what it is
    # about), never on sharing. An edit names the version it started from and is
    # refused when the entry has moved on (`services.save_entry`), so two windows
    # never silently undo each other.
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [
            models.Index(
                fields=["enrolment", "-updated_at"], name="engage_traj_journal_recent"
            )
        ]

    def __str__(self) -> str:
        return self.title


class JournalRevision(models.Model):
    """A snapshot of an entry; autosaves within a few minutes share one."""

    entry = models.ForeignKey(
        JournalEntry, on_delete=models.CASCADE, related_name="revisions"
    )
    title = models.CharField(max_length=200)
    sections = models.JSONField(default=dict)
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["-saved_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry_id} @ {self.saved_at:%Y-%m-%d %H:%M}"


class Feedback(models.Model):
    entry = models.ForeignKey(
        JournalEntry, on_delete=models.CASCADE, related_name="feedback"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("feedback"), max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")

    def __str__(self) -> str:
        return f"feedback on {self.entry_id}"


def attachment_storage() -> Storage:
    """The private storage of journal attachments: never served as media.

    Its files are sent only by the view that checks who may read the entry.
    """
    alias = trajectory_settings.attachment_storage
    if alias in settings.STORAGES:
        return storages[alias]
    # Not configured (system check engage_trajectories.E002 says so): a folder
    # beside the media folder, never the public media folder itself.
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT).parent / "private")


def attachment_upload_to(instance: Any, filename: str) -> str:
    # A random name: the person's file name may identify people or hold path
    # tricks ("../"); it is kept in `name` for display only.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"journal/{uuid.uuid4().hex}{suffix}"


class JournalAttachment(models.Model):
    """A file the author attached to a journal entry; readers of the entry may
    download it, nobody else."""

    entry = models.ForeignKey(
        JournalEntry, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        storage=attachment_storage, upload_to=attachment_upload_to, max_length=200
    )
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.name
