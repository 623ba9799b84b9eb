"""The site's home page: the root of the Wagtail page tree."""

from __future__ import annotations

from typing import Any

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
