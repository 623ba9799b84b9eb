"""System checks for the certification app's settings, ids engage_certification.*."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from .openbadges.keys import (
    DEV_KEY_FILE_SETTING,
    SETTING,
    KeyConfigurationError,
    parse_key_ring,
)


def check_issuing_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Production refuses to start without an issuing key; a broken key is an error."""
    try:
        ring = parse_key_ring(getattr(settings, SETTING, None))
    except KeyConfigurationError as exc:
        return [Error(f"{SETTING}: {exc}", id="engage_certification.E002")]
    if ring.keys or getattr(settings, DEV_KEY_FILE_SETTING, None):
        return []
    hint = (
        f"Set {SETTING} to 'key-id:z3u2…' with a key from "
        "certification.openbadges.keys.generate_private_key_multibase() "
        "(see certification/openbadges/README.md)."
    )
    if settings.DEBUG:
        return [
            Warning(
                "No certificate issuing key is configured: awards cannot be issued.",
                hint=hint,
                id="engage_certification.W001",
            )
        ]
    return [
        Error(
            "No certificate issuing key is configured; Engage PD does not start "
            "without one when DEBUG is off.",
            hint=hint,
            id="engage_certification.E001",
        )
    ]


def register_checks() -> None:
    """Called from CertificationConfig.ready()."""
    register(check_issuing_keys, Tags.security)
