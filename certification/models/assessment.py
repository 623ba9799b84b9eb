"""Blind rubric assessment by allocated assessors, the decision, and the audit trail."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .portfolios import ImmutableRow, Portfolio, PortfolioVersion
from .schemes import Rubric, RubricCriterion, RubricLevel


class AssessorRole(models.TextChoices):
    FIRST = "first", _("First assessor")
    SECOND = "second", _("Second assessor")
    THIRD = "third", _("Third assessor (reconciliation)")


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    NOT_YET = "not_yet", _("Not yet")


class Assessment(models.Model):
    """One assessor's judgement of one submitted version, with the rubric it used."""

    version = models.ForeignKey(
        PortfolioVersion, on_delete=models.CASCADE, related_name="assessments"
    )
    # None once the assessor was erased: the judgement stays (the decision rests
    # on it), shown as "former assessor" (services.erasure).
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="certification_assessments",
    )
    role = models.CharField(max_length=8, choices=AssessorRole.choices)
    # The rubric at allocation; from then on it is locked.
    rubric = models.ForeignKey(
        Rubric, on_delete=models.PROTECT, related_name="assessments"
    )
    allocated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    allocated_at = models.DateTimeField(auto_now_add=True)
    outcome = models.CharField(
        _("outcome"), max_length=8, choices=Outcome.choices, blank=True
    )
    total_points = models.PositiveIntegerField(null=True, blank=True)
    max_points = models.PositiveIntegerField(null=True, blank=True)
    comment = models.TextField(_("comment"), max_length=10_000, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["version", "role"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "role"], name="engage_cert_assessment_role"
            ),
            models.UniqueConstraint(
                fields=["version", "assessor"], name="engage_cert_assessment_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role} assessment of version {self.version_id}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class CriterionScore(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        RubricCriterion, on_delete=models.PROTECT, related_name="+"
    )
    level = models.ForeignKey(RubricLevel, on_delete=models.PROTECT, related_name="+")
    comment = models.TextField(
        _("comment on this criterion"), max_length=5000, blank=True
    )

    class Meta:
        ordering = ["assessment", "criterion__sort_order", "criterion__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="engage_cert_score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.level_id}"


class DecisionOutcome(models.TextChoices):
    AWARD = "award", _("Award the certificate")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    CHANGES_REQUESTED = "changes_requested", _("Request changes")


class Decision(models.Model):
    """The programme team's confirmed decision on one submitted version."""

    version = models.OneToOneField(
        PortfolioVersion, on_delete=models.CASCADE, related_name="decision"
    )
    outcome = models.CharField(max_length=20, choices=DecisionOutcome.choices)
    feedback = models.TextField(_("feedback to the lecturer"), max_length=10_000)
    # The rubric version the assessors used (kept with the decision).
    rubric = models.ForeignKey(Rubric, on_delete=models.PROTECT, related_name="+")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["-decided_at"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.outcome} on version {self.version_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRow("A confirmed decision cannot be changed.")
        super().save(*args, **kwargs)


class AuditAction(models.TextChoices):
    STARTED = "started", _("Portfolio started")
    SUBMITTED = "submitted", _("Version submitted")
    ALLOCATED = "allocated", _("Assessor allocated")
    ASSESSED = "assessed", _("Assessment submitted")
    RECONCILIATION_NEEDED = (
        "reconciliation_needed",
        _("Outcomes differ: reconciliation needed"),
    )
    READY_FOR_DECISION = "ready_for_decision", _("Ready for the decision")
    DECIDED = "decided", _("Decision confirmed")
    RUBRIC_VERSIONED = "rubric_versioned", _("New rubric version")
    FRAMEWORK_IMPORTED = "framework_imported", _("Framework imported")
    ALLOCATION_WITHDRAWN = (
        "allocation_withdrawn",
        _("Allocation withdrawn: the assessor's data was erased"),
    )


class AuditEvent(models.Model):
    """Who did what, when, in the certification process. Never changed."""

    portfolio = models.ForeignKey(
        Portfolio,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The actor was a person whose data was erased (no actor and not erased: the
    # system did it).
    actor_erased = models.BooleanField(default=False, editable=False)
    action = models.CharField(max_length=24, choices=AuditAction.choices)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # Ids, roles and outcomes only: never scores before both assessors are done.
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableRow("An audit event cannot be changed.")
        super().save(*args, **kwargs)
