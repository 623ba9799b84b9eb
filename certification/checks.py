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


def check_issuer_id(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """The issuer id is signed into every credential: it must be an absolute
    http(s) URL or a did:web / did:key DID."""
    from .conf import certification_settings

    issuer_id = certification_settings.issuer_id
    if issuer_id.startswith("did:web:") and ":" in issuer_id[len("did:web:") :]:
        # did:web:<host>:<path> resolves to https://<host>/<path>/did.json, which
        # this site does not serve: every credential would fail verification.
        return [
            Error(
                f"ENGAGE_CERTIFICATION_ISSUER_ID {issuer_id!r} has a path; the site "
                "serves the DID document of did:web:<host> only "
                "(/.well-known/did.json).",
                id="engage_certification.E003",
            )
        ]
    if issuer_id.startswith(("https://", "http://", "did:web:", "did:key:")) and (
        " " not in issuer_id
    ):
        return []
    return [
        Error(
            f"ENGAGE_CERTIFICATION_ISSUER_ID {issuer_id!r} is not an http(s) URL "
            "or a did:web / did:key DID.",
            id="engage_certification.E003",
        )
    ]


def check_status_list_hours(
    app_configs: Any = None, **kwargs: Any
) -> list[CheckMessage]:
    """Status lists must expire, and not before beat (hourly) can re-sign them."""
    from .conf import certification_settings

    try:
        hours = certification_settings.status_list_validity.total_seconds() / 3600
    except (TypeError, ValueError, OverflowError):
        hours = 0
    if 4 <= hours <= 24 * 7:
        return []
    return [
        Error(
            "ENGAGE_CERTIFICATION_STATUS_LIST_HOURS must be a number of hours from "
            "4 to 168: the status list's validUntil (beat re-signs it hourly once "
            "half has passed).",
            id="engage_certification.E004",
        )
    ]


def register_checks() -> None:
    """Called from CertificationConfig.ready()."""
    register(check_issuing_keys, Tags.security)
    register(check_issuer_id)
    register(check_status_list_hours)
