"""People (a profile beside the host's user model) and faculties."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from lms.bilingual import Bilingual


class Faculty(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_nl = models.CharField(_("name (Dutch)"), max_length=200)
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("faculty")
        verbose_name_plural = _("faculties")

    def __str__(self) -> str:
        return self.name

    name = Bilingual()


class Profile(models.Model):
    """What Engage PD knows about a person beyond the login itself."""

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        DUTCH = "nl", _("Dutch")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="engage_profile",
        verbose_name=_("user"),
    )
    faculty = models.ForeignKey(
        Faculty,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("faculty"),
    )
    department = models.CharField(_("department"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=Language.choices,
        default=Language.ENGLISH,
    )
    # The person's pseudonym in xAPI statements (account name). Random, never
    # derived from the user id or e-mail, so statements cannot be joined back to
    # a person once this row is erased. Never change it for an existing person:
    # their learning record would split in two.
    xapi_id = models.UUIDField(
        _("xAPI pseudonym"), default=uuid.uuid4, unique=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        full = self.user.get_full_name().strip()
        return full or self.user.get_username()
