"""The lecturer's own courses and what they changed in them per assignment."""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enrolment import Enrolment
from .journal import attachment_storage


class OwnCourse(models.Model):
    """A course the lecturer teaches, where they apply what they learn."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="own_courses"
    )
    name = models.CharField(_("course name"), max_length=200)
    code = models.CharField(_("course code"), max_length=40, blank=True)
    level = models.CharField(
        _("level"),
        max_length=120,
        blank=True,
        help_text=_("For example first-year bachelor."),
    )
    students = models.PositiveIntegerField(
        _("number of students"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("own course")
        verbose_name_plural = _("own courses")

    def __str__(self) -> str:
        return f"{self.name} ({self.code})" if self.code else self.name


class AssignmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


class AssignmentRecord(models.Model):
    """The lecturer's work on one between-session assignment of their programme."""

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="assignment_records"
    )
    # The StreamField block id of the assignment in the programme page: stable
    # while the programme team edits titles or reorders assignments.
    assignment_key = models.CharField(max_length=64)
    course = models.ForeignKey(
        OwnCourse,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignment_records",
        verbose_name=_("course"),
    )
    planned_change = models.TextField(_("planned change"), blank=True)
    actual_change = models.TextField(_("what you actually changed"), blank=True)
    effect = models.TextField(_("what it did"), blank=True)
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assignment record")
        verbose_name_plural = _("assignment records")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "assignment_key"],
                name="engage_trajectories_assignment_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}/{self.assignment_key}: {self.status}"


class AttachmentRole(models.TextChoices):
    """What a file on an assignment record shows about the change."""

    BEFORE = "before", _("Before the change")
    AFTER = "after", _("After the change")
    OTHER = "other", _("Other")


def assignment_attachment_upload_to(instance: Any, filename: str) -> str:
    # A random name, as for journal attachments; the person's name is display only.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"assignments/{uuid.uuid4().hex}{suffix}"


class AssignmentAttachment(models.Model):
    """A file on the lecturer's assignment record — the course material before or
    after the change. Only the lecturer sees it (and what they choose to put in a
    portfolio)."""

    record = models.ForeignKey(
        AssignmentRecord, on_delete=models.CASCADE, related_name="attachments"
    )
    role = models.CharField(
        _("shows"),
        max_length=10,
        choices=AttachmentRole.choices,
        default=AttachmentRole.OTHER,
    )
    file = models.FileField(
        storage=attachment_storage,
        upload_to=assignment_attachment_upload_to,
        max_length=200,
    )
    name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveBigIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("assignment attachment")
        verbose_name_plural = _("assignment attachments")

    def __str__(self) -> str:
        return self.name
