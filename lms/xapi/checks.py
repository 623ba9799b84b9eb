"""System checks for lms.xapi settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from .conf import xapi_settings


@register()
def check_xapi_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    errors = []
    if not xapi_settings.site_iri.startswith(("http://", "https://")):
        errors.append(
            Error(
                "ENGAGE_XAPI_IRI_BASE (or SITE_URL) must be an absolute http(s) URL: "
                "every verb, activity and actor IRI is built from it.",
                id="engage_xapi.E001",
            )
        )
    for name in ("ENGAGE_XAPI_MAX_BATCH", "ENGAGE_XAPI_PAGE_SIZE"):
        value = getattr(settings, name, 1)
        if not isinstance(value, int) or value < 1:
            errors.append(
                Error(f"{name} must be a positive whole number.", id="engage_xapi.E002")
            )
    return errors
