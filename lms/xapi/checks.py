"""System checks for lms.xapi settings."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.checks import Error, register

from .conf import xapi_settings

_ORIGIN_RE = re.compile(r"https?://[A-Za-z0-9.\-]+(?::[0-9]{1,5})?")


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
    for name in (
        "ENGAGE_XAPI_MAX_BATCH",
        "ENGAGE_XAPI_PAGE_SIZE",
        "ENGAGE_XAPI_MAX_BODY_BYTES",
        "ENGAGE_XAPI_MAX_ATTACHMENT_BYTES",
        "ENGAGE_XAPI_MAX_DOCUMENT_BYTES",
    ):
        value = getattr(settings, name, 1)
        if not isinstance(value, int) or value < 1:
            errors.append(
                Error(f"{name} must be a positive whole number.", id="engage_xapi.E002")
            )
    depth = getattr(settings, "ENGAGE_XAPI_MAX_JSON_DEPTH", 64)
    if not isinstance(depth, int) or not 16 <= depth <= 256:
        # A statement with a SubStatement nests about 12 levels; much deeper than
        # 256 and other LRSs (and Python's own parser) run out of stack.
        errors.append(
            Error(
                "ENGAGE_XAPI_MAX_JSON_DEPTH must be a whole number from 16 to 256.",
                id="engage_xapi.E004",
            )
        )
    errors += _cors_errors(getattr(settings, "ENGAGE_XAPI_CORS_ORIGINS", ()))
    return errors


def _cors_errors(origins: object) -> list[Error]:
    """ENGAGE_XAPI_CORS_ORIGINS: ["*"] or origins like https://h5p.example.org."""
    message = (
        "ENGAGE_XAPI_CORS_ORIGINS must be a list of origins (scheme://host[:port], "
        'no path) or ["*"].'
    )
    if isinstance(origins, str) or not isinstance(origins, list | tuple):
        return [Error(message, id="engage_xapi.E003")]
    for origin in origins:
        if origin == "*":
            continue
        if not isinstance(origin, str) or not _ORIGIN_RE.fullmatch(origin):
            return [Error(f"{message} Got {origin!r}.", id="engage_xapi.E003")]
    return []
