"""The practice taxonomies, managed by the programme team in the Wagtail admin."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from lms.bilingual import Bilingual

# A term's bit in the search index's facet masks (signed 64-bit columns).
MAX_TERMS_PER_VOCABULARY = 63


class Vocabulary(models.TextChoices):
    DIMENSION = "dimension", _("Diversity dimension")
    ASPECT = "aspect", _("Teaching aspect")
    SDG = "sdg", _("Sustainable Development Goal")
    LEVEL = "level", _("Course level")
    FORMAT = "format", _("Teaching format")


class Term(models.Model):
    """One value of one taxonomy, named in English and Dutch."""

    vocabulary = models.CharField(
        _("taxonomy"), max_length=16, choices=Vocabulary.choices, db_index=True
    )
    slug = models.SlugField(_("slug"), max_length=64)
    name_en = models.CharField(_("name (English)"), max_length=120)
    name_nl = models.CharField(_("name (Dutch)"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive terms stay on existing practices but cannot be chosen."),
    )
    # The term's bit in the search index masks; assigned once, never reused while
    # the term exists, so the index never needs a rebuild when terms are added.
    bit = models.PositiveSmallIntegerField(editable=False)

    class Meta:
        ordering = ["vocabulary", "sort_order", "name_en"]
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        constraints = [
            models.UniqueConstraint(
                fields=["vocabulary", "slug"], name="engage_practices_term_slug"
            ),
            models.UniqueConstraint(
                fields=["vocabulary", "bit"], name="engage_practices_term_bit"
            ),
            models.CheckConstraint(
                condition=models.Q(bit__lt=MAX_TERMS_PER_VOCABULARY),
                name="engage_practices_term_bit_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_vocabulary_display()}: {self.name}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        with transaction.atomic():
            if self.bit is None:
                free = self._free_bit()
                if free is None:
                    raise ValidationError(
                        _("A taxonomy holds at most %(max)d terms.")
                        % {"max": MAX_TERMS_PER_VOCABULARY}
                    )
                self.bit = free
            super().save(*args, **kwargs)

    name = Bilingual()

    @property
    def mask(self) -> int:
        return 1 << self.bit

    def clean(self) -> None:
        super().clean()
        if self.bit is None and self._free_bit() is None:
            raise ValidationError(
                _("A taxonomy holds at most %(max)d terms; deactivate one instead.")
                % {"max": MAX_TERMS_PER_VOCABULARY}
            )

    def _free_bit(self) -> int | None:
        used = set(
            Term.objects.filter(vocabulary=self.vocabulary).values_list(
                "bit", flat=True
            )
        )
        return next((b for b in range(MAX_TERMS_PER_VOCABULARY) if b not in used), None)
