"""Competency frameworks: areas → competencies → indicators, in Dutch and English."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from lms.bilingual import Bilingual

CODE_HELP = _("Letters, digits, dots, dashes; for example C3.")


class CompetencyFramework(ClusterableModel):
    """A named, versioned set of competencies a certification scheme assesses."""

    code = models.SlugField(
        _("code"),
        max_length=50,
        help_text=_("Stable identifier, e.g. inclusive-teaching."),
    )
    version = models.CharField(
        _("version"), max_length=20, help_text=_("For example 2026.1.")
    )
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("version")]),
        MultiFieldPanel(
            [
                FieldPanel("name_en"),
                FieldPanel("name_nl"),
                FieldPanel("description_en"),
                FieldPanel("description_nl"),
            ],
            heading=_("Name and description"),
        ),
        InlinePanel("areas", label=_("Competency areas")),
    ]

    class Meta:
        ordering = ["code", "-version"]
        verbose_name = _("competency framework")
        verbose_name_plural = _("competency frameworks")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "version"], name="engage_cert_framework_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.version})"

    name = Bilingual()

    description = Bilingual()


class CompetencyArea(Orderable):
    framework = ParentalKey(
        CompetencyFramework, on_delete=models.CASCADE, related_name="areas"
    )
    code = models.CharField(_("code"), max_length=20, help_text=CODE_HELP)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)

    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_nl")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("competency area")
        verbose_name_plural = _("competency areas")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="engage_cert_area_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    name = Bilingual()


class Competency(ClusterableModel):
    # The framework is the area's; kept here so codes are unique per framework.
    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.CASCADE,
        related_name="competencies",
        editable=False,
    )
    area = models.ForeignKey(
        CompetencyArea,
        on_delete=models.PROTECT,
        related_name="competencies",
        verbose_name=_("area"),
    )
    code = models.CharField(_("code"), max_length=20, help_text=CODE_HELP)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_nl")]),
        FieldPanel("description_en"),
        FieldPanel("description_nl"),
        InlinePanel("indicators", label=_("Indicators")),
    ]

    class Meta:
        ordering = ["framework", "area__sort_order", "sort_order", "pk"]
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        constraints = [
            models.UniqueConstraint(
                fields=["framework", "code"], name="engage_cert_competency_code"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.framework_id = self.area.framework_id
        super().save(*args, **kwargs)

    name = Bilingual()

    description = Bilingual()


class Indicator(Orderable):
    """Observable behaviour that shows the competency."""

    competency = ParentalKey(
        Competency, on_delete=models.CASCADE, related_name="indicators"
    )
    text_en = models.CharField(_("indicator (English)"), max_length=500)
    text_nl = models.CharField(_("indicator (Dutch)"), max_length=500)

    panels = [FieldPanel("text_en"), FieldPanel("text_nl")]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.text

    text = Bilingual()
