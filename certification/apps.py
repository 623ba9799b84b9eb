from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    label = "engage_certification"
    verbose_name = _("Certification")
    default_auto_field = "django.db.models.BigAutoField"
