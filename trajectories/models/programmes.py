"""Programmes (authored as Wagtail pages) and the cohorts that run them."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from .pages import ProgrammePage, ReflectionModel

__all__ = [
    "Cohort",
    "CohortSession",
    "ProgrammePage",
    "ReflectionModel",
    "SessionSummary",
]


def new_calendar_token() -> str:
    return secrets.token_urlsafe(24)


class Cohort(ClusterableModel):
    """A programme run for one academic year by its coaches."""

    programme = models.ForeignKey(
        ProgrammePage,
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("programme"),
    )
    title = models.CharField(_("title"), max_length=200)
    academic_year = models.CharField(
        _("academic year"), max_length=9, help_text=_("For example 2026-2027.")
    )
    faculty = models.ForeignKey(
        "engage_accounts.Faculty",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("faculty"),
        help_text=_("Empty for a cross-faculty cohort."),
    )
    coaches = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="coached_cohorts",
        blank=True,
        verbose_name=_("coaches"),
    )
    capacity = models.PositiveIntegerField(_("capacity"), default=20)
    enrolment_opens = models.DateTimeField(_("enrolment opens"))
    enrolment_closes = models.DateTimeField(_("enrolment closes"))

    panels = [
        FieldPanel("programme"),
        FieldPanel("title"),
        FieldPanel("academic_year"),
        FieldPanel("faculty"),
        FieldPanel("coaches"),
        FieldPanel("capacity"),
        FieldPanel("enrolment_opens"),
        FieldPanel("enrolment_closes"),
        InlinePanel("sessions", label=_("Sessions")),
    ]

    class Meta:
        ordering = ["-academic_year", "title"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(enrolment_closes__gt=models.F("enrolment_opens")),
                name="engage_trajectories_cohort_window",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.academic_year})"


class CohortSession(models.Model):
    """One meeting of a cohort: when, where, and its check-in code."""

    cohort = ParentalKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("place"), max_length=200, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    # Shown by the coach in the room; accepted only while the session runs.
    checkin_code = models.CharField(max_length=8, blank=True, editable=False)

    panels = [
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
        FieldPanel("location"),
        FieldPanel("online_url"),
    ]

    class Meta:
        ordering = ["cohort", "number"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "number"], name="engage_trajectories_session_number"
            ),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="engage_trajectories_session_times",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class SessionSummary(models.Model):
    """What a coach wrote after a session, for everyone in the cohort."""

    session = models.OneToOneField(
        CohortSession, on_delete=models.CASCADE, related_name="summary"
    )
    # Sanitised HTML (lms.sanitizing.clean_html).
    body = models.TextField(_("summary"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    posted_at = models.DateTimeField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("session summary")
        verbose_name_plural = _("session summaries")

    def __str__(self) -> str:
        return f"summary of {self.session_id}"
