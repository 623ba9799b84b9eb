"""Settings of the platform core, read at access time with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

DEFAULT_UPLOAD_EXTENSIONS = (
    "pdf", "docx", "pptx", "xlsx", "odt", "odp", "ods", "txt", "csv",
    "png", "jpg", "jpeg", "gif", "webp",
)  # fmt: skip

SITE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
# The Wagtail admin uses inline styles and scripts in places; it gets a looser
# policy of its own instead of loosening the site's.
ADMIN_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; "
    "media-src 'self' https:; frame-src 'self' https:; font-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'self'"
)


@dataclass(frozen=True)
class _Settings:
    @property
    def upload_max_bytes(self) -> int:
        return int(getattr(settings, "ENGAGE_UPLOAD_MAX_BYTES", 10 * 1024 * 1024))

    @property
    def upload_extensions(self) -> tuple[str, ...]:
        value = getattr(settings, "ENGAGE_UPLOAD_EXTENSIONS", DEFAULT_UPLOAD_EXTENSIONS)
        return tuple(ext.lower().lstrip(".") for ext in value)

    @property
    def site_csp(self) -> str:
        return str(getattr(settings, "ENGAGE_CSP", SITE_CSP))

    @property
    def admin_csp(self) -> str:
        return str(getattr(settings, "ENGAGE_ADMIN_CSP", ADMIN_CSP))

    @property
    def admin_path_prefixes(self) -> tuple[str, ...]:
        return tuple(getattr(settings, "ENGAGE_ADMIN_PATH_PREFIXES", ("/admin/",)))

    @property
    def platform_name(self) -> str:
        return str(getattr(settings, "ENGAGE_PLATFORM_NAME", "Engage PD"))

    @property
    def academic_year_start_month(self) -> int:
        """The month (1-12) an academic year starts in; reports group by it."""
        return int(getattr(settings, "ENGAGE_ACADEMIC_YEAR_START_MONTH", 9))

    @property
    def site_url(self) -> str:
        return str(getattr(settings, "ENGAGE_SITE_URL", "http://localhost:8000"))


engage_settings = _Settings()
