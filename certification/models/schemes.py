"""Certification schemes (the rules and the certificate's texts) and rubrics."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from lms.bilingual import Bilingual, in_language

from .frameworks import Competency, CompetencyFramework


class AssessmentType(models.TextChoices):
    PORTFOLIO_RUBRIC = (
        "portfolio_rubric",
        _("Portfolio assessed by two independent assessors with a rubric"),
    )
    PORTFOLIO_INTERVIEW = (
        "portfolio_interview",
        _("Portfolio with rubric and a criterion-based interview"),
    )


class ParticipationForm(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended (on site and online)")


class EqfLevel(models.IntegerChoices):
    LEVEL_5 = 5, _("EQF level 5")
    LEVEL_6 = 6, _("EQF level 6 (bachelor)")
    LEVEL_7 = 7, _("EQF level 7 (master)")
    LEVEL_8 = 8, _("EQF level 8 (doctorate)")


class Rubric(ClusterableModel):
    """Criteria × levels. Locked once an assessment uses it: a change is a new
    version (see `services.new_rubric_version`), so every decision keeps the
    rubric it was made with."""

    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1, editable=False)
    previous_version = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="next_versions",
    )
    pass_points = models.PositiveSmallIntegerField(
        _("pass mark (points)"),
        default=0,
        help_text=_(
            "A portfolio passes when every criterion is at a level that meets the "
            "standard and the points add up to at least this."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_nl")]),
        FieldPanel("pass_points"),
        InlinePanel("levels", label=_("Levels (lowest first)"), min_num=2),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
    ]

    class Meta:
        ordering = ["name_en", "-version"]
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"

    name = Bilingual()

    @property
    def is_locked(self) -> bool:
        """True once an assessment uses this rubric (it can no longer change)."""
        return bool(self.pk) and self.assessments.exists()

    def clean(self) -> None:
        if self.is_locked:
            raise ValidationError(
                _(
                    "This rubric is used by an assessment and can no longer be "
                    "changed. Create a new version instead."
                ),
                code="rubric_locked",
            )


class RubricLevel(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    label_en = models.CharField(_("label (English)"), max_length=100)
    label_nl = models.CharField(_("label (Dutch)"), max_length=100)
    points = models.PositiveSmallIntegerField(
        _("points"), validators=[MaxValueValidator(100)]
    )
    meets_standard = models.BooleanField(
        _("meets the standard"),
        default=True,
        help_text=_("A criterion scored at this level counts as sufficient."),
    )

    panels = [
        FieldRowPanel([FieldPanel("label_en"), FieldPanel("label_nl")]),
        FieldRowPanel([FieldPanel("points"), FieldPanel("meets_standard")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric level")
        verbose_name_plural = _("rubric levels")

    def __str__(self) -> str:
        return f"{self.label} ({self.points})"

    label = Bilingual()


class RubricCriterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title_en = models.CharField(_("criterion (English)"), max_length=300)
    title_nl = models.CharField(_("criterion (Dutch)"), max_length=300)
    competency = models.ForeignKey(
        Competency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("competency it assesses"),
    )
    # One descriptor per level, in the order of the levels (lowest first).
    descriptors_en = models.TextField(
        _("descriptors (English)"),
        help_text=_("One line per level, lowest level first."),
    )
    descriptors_nl = models.TextField(
        _("descriptors (Dutch)"),
        help_text=_("One line per level, lowest level first."),
    )

    panels = [
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_nl")]),
        FieldPanel("competency"),
        FieldPanel("descriptors_en"),
        FieldPanel("descriptors_nl"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")

    def __str__(self) -> str:
        return self.title

    title = Bilingual()

    def descriptor_lines(self) -> list[tuple[str, str]]:
        """(English, Dutch) descriptor per level, in level order."""
        english = split_lines(self.descriptors_en)
        dutch = split_lines(self.descriptors_nl)
        width = max(len(english), len(dutch))
        english += [""] * (width - len(english))
        dutch += [""] * (width - len(dutch))
        return list(zip(english, dutch, strict=True))

    def descriptors(self) -> list[str]:
        """The descriptor per level in the active language."""
        return [in_language(en, nl) for en, nl in self.descriptor_lines()]


def split_lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class CertificationScheme(ClusterableModel):
    """What a programme's certificate asks, how it is assessed, and what it says."""

    programme = models.ForeignKey(
        "engage_trajectories.ProgrammePage",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("programme"),
    )
    framework = models.ForeignKey(
        CompetencyFramework,
        on_delete=models.PROTECT,
        related_name="schemes",
        verbose_name=_("competency framework"),
    )
    rubric = models.ForeignKey(
        Rubric,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="schemes",
        verbose_name=_("rubric"),
        help_text=_("Assessors score with it. Needed before assessors are allocated."),
    )
    is_active = models.BooleanField(
        _("open for portfolios"), default=True, db_index=True
    )
    # --- rules ---
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum share of sessions attended (%)"),
        default=80,
        validators=[MaxValueValidator(100)],
    )
    mandatory_sessions = models.JSONField(
        _("mandatory sessions"),
        default=list,
        blank=True,
        help_text=_("Session numbers in the programme's session plan."),
    )
    required_assignments = models.JSONField(
        _("required assignments"),
        default=list,
        blank=True,
        help_text=_("Between-session assignments of the programme to be submitted."),
    )
    min_reflections = models.PositiveSmallIntegerField(
        _("minimum number of shared reflections"),
        default=0,
        validators=[MaxValueValidator(100)],
    )
    evidence_for_every_competency = models.BooleanField(
        _("evidence required for every competency"), default=True
    )
    validity_months = models.PositiveSmallIntegerField(
        _("valid for (months)"),
        default=60,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    # --- EU micro-credential elements ---
    learning_outcomes_en = models.TextField(_("learning outcomes (English)"))
    learning_outcomes_nl = models.TextField(_("learning outcomes (Dutch)"))
    workload_hours = models.PositiveSmallIntegerField(
        _("workload (hours)"), validators=[MinValueValidator(1)]
    )
    eqf_level = models.PositiveSmallIntegerField(
        _("EQF level"), choices=EqfLevel.choices, default=EqfLevel.LEVEL_7
    )
    assessment_type = models.CharField(
        _("type of assessment"),
        max_length=30,
        choices=AssessmentType.choices,
        default=AssessmentType.PORTFOLIO_RUBRIC,
    )
    participation_form = models.CharField(
        _("form of participation"),
        max_length=10,
        choices=ParticipationForm.choices,
        default=ParticipationForm.BLENDED,
    )
    quality_assurance_en = models.TextField(_("quality assurance (English)"))
    quality_assurance_nl = models.TextField(_("quality assurance (Dutch)"))
    # --- the certificate ---
    title_en = models.CharField(_("certificate title (English)"), max_length=200)
    title_nl = models.CharField(_("certificate title (Dutch)"), max_length=200)
    description_en = models.TextField(_("certificate description (English)"))
    description_nl = models.TextField(_("certificate description (Dutch)"))
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("title_en"), FieldPanel("title_nl")]),
        FieldPanel("description_en"),
        FieldPanel("description_nl"),
        FieldPanel("programme"),
        FieldPanel("framework"),
        FieldPanel("rubric"),
        FieldPanel("is_active"),
        MultiFieldPanel(
            [
                FieldPanel("min_attendance_percent"),
                FieldPanel("mandatory_sessions"),
                FieldPanel("required_assignments"),
                FieldPanel("min_reflections"),
                FieldPanel("evidence_for_every_competency"),
            ],
            heading=_("Rules for submitting a portfolio"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("learning_outcomes_en"),
                FieldPanel("learning_outcomes_nl"),
                FieldRowPanel([FieldPanel("workload_hours"), FieldPanel("eqf_level")]),
                FieldPanel("assessment_type"),
                FieldPanel("participation_form"),
                FieldPanel("quality_assurance_en"),
                FieldPanel("quality_assurance_nl"),
                FieldPanel("validity_months"),
            ],
            heading=_("EU micro-credential elements"),
        ),
    ]

    class Meta:
        ordering = ["title_en", "pk"]
        verbose_name = _("certification scheme")
        verbose_name_plural = _("certification schemes")

    def __str__(self) -> str:
        return self.title

    title = Bilingual()

    description = Bilingual()

    learning_outcomes = Bilingual()

    quality_assurance = Bilingual()

    def mandatory_session_numbers(self) -> list[int]:
        return sorted({int(n) for n in self.mandatory_sessions or []})

    def required_assignment_keys(self) -> list[str]:
        return [str(key) for key in self.required_assignments or []]
