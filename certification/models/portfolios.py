"""The lecturer's portfolio: evidence per competency, self-assessment, and the
frozen versions they submitted."""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.uploads import validate_upload

from .frameworks import Competency
from .schemes import CertificationScheme


class PortfolioStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_ASSESSMENT = "under_assessment", _("Under assessment")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    AWARDED = "awarded", _("Awarded")
    NOT_AWARDED = "not_awarded", _("Not awarded")


EDITABLE = (PortfolioStatus.DRAFT, PortfolioStatus.CHANGES_REQUESTED)


class Portfolio(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="portfolios"
    )
    scheme = models.ForeignKey(
        CertificationScheme, on_delete=models.PROTECT, related_name="portfolios"
    )
    # The trajectory whose sessions, assignments and journal the portfolio draws on.
    enrolment = models.ForeignKey(
        "engage_trajectories.Enrolment",
        on_delete=models.PROTECT,
        related_name="portfolios",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PortfolioStatus.choices,
        default=PortfolioStatus.DRAFT,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("portfolio")
        verbose_name_plural = _("portfolios")
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "enrolment"], name="engage_cert_portfolio_once"
            )
        ]

    def __str__(self) -> str:
        return f"portfolio {self.pk} ({self.status})"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE


class EvidenceKind(models.TextChoices):
    JOURNAL = "journal", _("Journal entry")
    ASSIGNMENT = "assignment", _("Assignment")
    UPLOAD = "upload", _("File")


def evidence_upload_to(instance: Any, filename: str) -> str:
    # A random name: the original one may identify people and is kept in
    # `file_name` for display only.
    suffix = PurePath(filename).suffix.lower()[:10]
    return f"certification/evidence/{uuid.uuid4().hex}{suffix}"


class EvidenceLink(models.Model):
    """One piece of evidence for one competency: a journal entry or assignment
    record of the lecturer's own, or a file they uploaded."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="evidence"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=EvidenceKind.choices)
    journal_entry = models.ForeignKey(
        "engage_trajectories.JournalEntry",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    assignment_record = models.ForeignKey(
        "engage_trajectories.AssignmentRecord",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # Files are never deleted with the link: a submitted version may show them.
    file = models.FileField(
        upload_to=evidence_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_upload],
    )
    file_name = models.CharField(max_length=200, blank=True)
    file_size = models.PositiveBigIntegerField(default=0)
    file_sha256 = models.CharField(max_length=64, blank=True)
    note = models.CharField(
        _("why this shows the competency"), max_length=500, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["competency", "created_at", "pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        kind="journal",
                        journal_entry__isnull=False,
                        assignment_record__isnull=True,
                    )
                    | models.Q(
                        kind="assignment",
                        journal_entry__isnull=True,
                        assignment_record__isnull=False,
                    )
                    | models.Q(
                        kind="upload",
                        journal_entry__isnull=True,
                        assignment_record__isnull=True,
                    )
                    & ~models.Q(file="")
                ),
                name="engage_cert_evidence_one_source",
            ),
            models.UniqueConstraint(
                fields=["portfolio", "competency", "journal_entry"],
                condition=models.Q(journal_entry__isnull=False),
                name="engage_cert_evidence_entry_once",
            ),
            models.UniqueConstraint(
                fields=["portfolio", "competency", "assignment_record"],
                condition=models.Q(assignment_record__isnull=False),
                name="engage_cert_evidence_record_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.competency_id}"


class SelfLevel(models.TextChoices):
    STARTING = "starting", _("Starting: I am beginning to apply this")
    DEVELOPING = "developing", _("Developing: I apply this now and then")
    PROFICIENT = "proficient", _("Proficient: I apply this consistently")
    ADVANCED = "advanced", _("Advanced: I apply this and help colleagues with it")


class SelfAssessment(models.Model):
    """The lecturer's own judgement per competency; shown beside, never mixed
    into, the assessors' scores."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="self_assessments"
    )
    competency = models.ForeignKey(
        Competency, on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("your level"), max_length=12, choices=SelfLevel.choices)
    text = models.TextField(_("your explanation"), max_length=5000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "competency"], name="engage_cert_self_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.competency_id}: {self.level}"


class ImmutableRow(Exception):
    """A frozen row (a submitted version, an audit event) cannot change."""


class PortfolioVersion(models.Model):
    """What the lecturer submitted, frozen: a JSON snapshot of everything the
    assessors judge. Never changed once written."""

    portfolio = models.ForeignKey(
        Portfolio, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField()
    snapshot = models.JSONField()
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["portfolio", "number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(
                fields=["portfolio", "number"], name="engage_cert_version_number"
            )
        ]

    def __str__(self) -> str:
        return f"portfolio {self.portfolio_id} v{self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # IRREVERSIBLE: assessors judged exactly this; a change is a new version.
        if not self._state.adding:
            raise ImmutableRow("A submitted version cannot be changed.")
        super().save(*args, **kwargs)
