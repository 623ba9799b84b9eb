"""System checks for the platform core's settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Warning, register
from django.core.files.storage import storages

from .conf import engage_settings


@register()
def check_upload_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    errors: list[Error] = []
    raw_max = getattr(settings, "ENGAGE_UPLOAD_MAX_BYTES", 1)
    if not isinstance(raw_max, int) or raw_max <= 0:
        errors.append(
            Error(
                "ENGAGE_UPLOAD_MAX_BYTES must be a positive whole number of bytes.",
                id="engage_lms.E001",
            )
        )
    extensions = getattr(settings, "ENGAGE_UPLOAD_EXTENSIONS", ("pdf",))
    if isinstance(extensions, str) or not all(
        isinstance(ext, str) and ext.strip(".").isalnum() for ext in extensions
    ):
        errors.append(
            Error(
                "ENGAGE_UPLOAD_EXTENSIONS must be a list of file extensions "
                "such as ['pdf', 'docx'].",
                id="engage_lms.E002",
            )
        )
    return errors


# The archive limits of lms.uploads, each a whole number of at least this much: a
# ratio under 10 would refuse ordinary Office XML, fewer than 10 parts any docx.
_ARCHIVE_SETTINGS = (
    ("ENGAGE_UPLOAD_MAX_INFLATED_BYTES", "engage_lms.E020", "bytes"),
    ("ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO", "engage_lms.E021", 10),
    ("ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS", "engage_lms.E022", 10),
)


@register()
def check_upload_archive_settings(
    app_configs: Any = None, **kwargs: Any
) -> list[Error | Warning]:
    """The archive limits are whole numbers that leave real files room (the unpacked
    cap at least the upload limit: a stored part unpacks to its own size), and no
    type a browser runs is listed (it would be refused anyway)."""
    from .uploads.sniffing import NEVER_ALLOWED

    found: list[Error | Warning] = []
    for name, error_id, least in _ARCHIVE_SETTINGS:
        floor = engage_settings.upload_max_bytes if least == "bytes" else int(least)
        value = getattr(settings, name, floor)
        if isinstance(value, bool) or not isinstance(value, int) or value < floor:
            found.append(Error(f"{name} must be a whole number, at least {floor}.",
                               id=error_id))  # fmt: skip
    listed = set(getattr(settings, "ENGAGE_UPLOAD_EXTENSIONS", ()) or ())
    never = sorted(NEVER_ALLOWED & {str(e).lower().lstrip(".") for e in listed})
    if never:
        found.append(
            Warning(
                f"ENGAGE_UPLOAD_EXTENSIONS lists {', '.join(never)}: a browser runs "
                "script in these, so uploads of them are always refused.",
                id="engage_lms.W020",
            )
        )
    return found


@register()
def check_site_url(app_configs: Any = None, **kwargs: Any) -> list[Warning]:
    if not engage_settings.site_url.startswith(("http://", "https://")):
        return [
            Warning(
                "ENGAGE_SITE_URL (from SITE_URL) should be an absolute http(s) URL; "
                "links in e-mails and xAPI identifiers are built from it.",
                id="engage_lms.W001",
            )
        ]
    return []


@register(deploy=True)
def check_static_manifest(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """A manifest storage without its manifest (collectstatic not run) cannot
    name a single static file: every page, the 404 page included, would fail.
    A deploy check (`manage.py check --deploy`, after collectstatic): the
    documented deploy migrates before it collects, and migrate runs the checks."""
    storage = storages["staticfiles"]
    if not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.manifest_storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            f"The static files manifest ({storage.manifest_name} in "
            f"{settings.STATIC_ROOT}) is missing: pages cannot name their "
            "stylesheets and scripts.",
            hint="Run `python manage.py collectstatic --no-input` before starting "
            "the site.",
            id="engage_lms.E003",
        )
    ]


_OUTAGE_SETTINGS = (
    ("ENGAGE_OUTAGE_RETRY_AFTER", "engage_lms.E004", 1),
    ("ENGAGE_OUTAGE_BACKOFF", "engage_lms.E005", 0),
    ("ENGAGE_HEALTH_TIMEOUT", "engage_lms.E006", 0.1),
)


@register()
def check_outage_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """The seconds of lms.outages and lms.health are numbers, not too small: a
    Retry-After of 0 invites a storm, a health check of 0 s always fails."""
    errors: list[Error] = []
    for name, error_id, least in _OUTAGE_SETTINGS:
        value = getattr(settings, name, least)
        if isinstance(value, bool) or not isinstance(value, int | float):
            number_ok = False
        else:
            number_ok = value >= least
        if not number_ok:
            errors.append(
                Error(
                    f"{name} must be a number of seconds, at least {least}.",
                    id=error_id,
                )
            )
    return errors
