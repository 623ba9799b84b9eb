from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesDbConfig(AppConfig):
    name = "practices_db"
    label = "engage_practices"
    verbose_name = _("Inspiring practices")
    default_auto_field = "django.db.models.BigAutoField"
