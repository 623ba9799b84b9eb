from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    name = "trajectories"
    label = "engage_trajectories"
    verbose_name = _("Reflective trajectories")
    default_auto_field = "django.db.models.BigAutoField"
