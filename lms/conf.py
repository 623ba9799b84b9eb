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
    def upload_max_inflated_bytes(self) -> int:
        """The most an uploaded Office/OpenDocument file may unpack to, in all."""
        return int(
            getattr(settings, "ENGAGE_UPLOAD_MAX_INFLATED_BYTES", 200 * 1024 * 1024)
        )

    @property
    def upload_max_compression_ratio(self) -> int:
        """The most one part of an uploaded archive may be compressed (100 means
        100:1), counted once the part unpacks to more than 100 KB."""
        return int(getattr(settings, "ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO", 100))

    @property
    def upload_max_archive_members(self) -> int:
        """The most parts (files) an uploaded archive may hold."""
        return int(getattr(settings, "ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS", 5000))

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
    def outage_retry_after(self) -> int:
        """Seconds a 503 for a database that does not answer asks clients to wait."""
        return int(getattr(settings, "ENGAGE_OUTAGE_RETRY_AFTER", 10))

    @property
    def outage_backoff(self) -> float:
        """Seconds this process leaves a cache or broker alone after it failed to
        answer, so one request (not each of its calls) waits on a dead server."""
        return float(getattr(settings, "ENGAGE_OUTAGE_BACKOFF", 5.0))

    @property
    def health_timeout(self) -> float:
        """Seconds each check of /healthz and /readyz may take."""
        return float(getattr(settings, "ENGAGE_HEALTH_TIMEOUT", 1.0))

    @property
    def json_path_prefixes(self) -> tuple[str, ...]:
        """Paths whose 503 is JSON (the API) rather than a page."""
        return tuple(getattr(settings, "ENGAGE_JSON_PATH_PREFIXES", ("/api/",)))

    @property
    def xapi_path_prefixes(self) -> tuple[str, ...]:
        """Paths of the LRS, whose 503 is an xAPI error."""
        return tuple(getattr(settings, "ENGAGE_XAPI_PATH_PREFIXES", ("/xapi/",)))

    @property
    def site_url(self) -> str:
        return str(getattr(settings, "ENGAGE_SITE_URL", "http://localhost:8000"))


engage_settings = _Settings()
