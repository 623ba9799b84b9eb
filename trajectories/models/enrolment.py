"""Who follows a cohort, and whether they were there."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .programmes import Cohort, CohortSession, new_calendar_token


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("On the waiting list")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")


class Enrolment(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.PROTECT, related_name="enrolments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EnrolmentStatus.choices, db_index=True
    )
    # The xAPI registration of everything in this trajectory; never change it.
    registration = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Secret of the personal calendar feed; a new one revokes the old address.
    calendar_token = models.CharField(
        max_length=40, unique=True, default=new_calendar_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    # Set once, when the completion rules first held; kept on a later withdrawal.
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # When the person first got a place (enrolled directly or from the waiting
    # list); stays set when they withdraw, so reports can tell "had a place and
    # left" from "left the waiting list".
    placed_at = models.DateTimeField(_("got a place at"), null=True, blank=True)

    class Meta:
        ordering = ["cohort", "created_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="engage_trajectories_enrol_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.cohort_id} ({self.status})"


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    EXCUSED = "excused", _("Excused")
    ABSENT = "absent", _("Absent")


class Attendance(models.Model):
    session = models.ForeignKey(
        CohortSession, on_delete=models.CASCADE, related_name="attendances"
    )
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="attendances"
    )
    status = models.CharField(
        _("attendance"), max_length=8, choices=AttendanceStatus.choices
    )
    checked_in = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "enrolment"], name="engage_trajectories_attend_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id} at {self.session_id}: {self.status}"
