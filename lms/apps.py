from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    """Platform core: sanitising, security headers, uploads, navigation, demo data."""

    name = "lms"
    label = "engage_lms"
    verbose_name = _("Engage PD platform")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.urls import register_converter

        from . import checks  # noqa: F401  (registers the system checks)
        from .converters import RowIdConverter

        # Before any URLconf is read (the first request, or a check).
        register_converter(RowIdConverter, "id")
