from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    label = "engage_courses"
    verbose_name = _("Learning content")
    default_auto_field = "django.db.models.BigAutoField"
