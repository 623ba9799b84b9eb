"""The site's home page: the root of the Wagtail page tree."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from lms.sanitizing import clean_html


class HomePage(Page):
    """Explains the platform; the programme team can add an announcement."""

    announcement = models.TextField(
        _("announcement"),
        blank=True,
        help_text=_("Optional news shown at the top of the home page (simple HTML)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("announcement")]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "engage_frontend/home_page.html"

    class Meta:
        verbose_name = _("home page")

    def save(self, *args: Any, **kwargs: Any) -> Any:
        self.announcement = str(clean_html(self.announcement))
        return super().save(*args, **kwargs)

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["announcement_html"] = clean_html(self.announcement)
        return context


def private_storage() -> Storage:
    """Reports are never public media: only the download view sends them."""
    if "engage_private" in settings.STORAGES:
        return storages["engage_private"]
    return FileSystemStorage(location=Path(settings.MEDIA_ROOT).parent / "private")


def report_upload_to(instance: Any, filename: str) -> str:
    return f"reports/{uuid.uuid4().hex}.pdf"


class ReportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class YearlyReport(models.Model):
    """The annual report (PDF) of one academic year, for one faculty or (no
    faculty) the whole institution; built by a Celery task."""

    academic_year = models.CharField(_("academic year"), max_length=9)
    faculty = models.ForeignKey(
        "engage_accounts.Faculty",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("faculty"),
    )
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.PENDING
    )
    file = models.FileField(
        storage=private_storage, upload_to=report_upload_to, max_length=200, blank=True
    )
    size = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    build_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")

    def __str__(self) -> str:
        return f"{self.academic_year} {self.faculty_id or 'institution'} {self.status}"
