"""The lecturer's own courses and what they changed in them per assignment."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enrolment import Enrolment


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
