"""Settings of lms.xapi, read at access time (ENGAGE_XAPI_* prefix)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings

from lms.conf import engage_settings
from lms.input_limits import INT64, JSONLimits


@dataclass(frozen=True)
class _XapiSettings:
    @property
    def site_iri(self) -> str:
        """Base of every IRI the suite mints; never change it once statements exist."""
        configured = getattr(settings, "ENGAGE_XAPI_IRI_BASE", "")
        return (configured or engage_settings.site_url).rstrip("/")

    @property
    def actor_home_page(self) -> str:
        return str(getattr(settings, "ENGAGE_XAPI_HOME_PAGE", self.site_iri))

    @property
    def platform(self) -> str:
        return str(
            getattr(settings, "ENGAGE_XAPI_PLATFORM", engage_settings.platform_name)
        )

    @property
    def max_batch(self) -> int:
        return int(getattr(settings, "ENGAGE_XAPI_MAX_BATCH", 1000))

    @property
    def max_body_bytes(self) -> int:
        return int(getattr(settings, "ENGAGE_XAPI_MAX_BODY_BYTES", 10 * 1024 * 1024))

    @property
    def max_json_depth(self) -> int:
        """Deepest nesting of arrays and objects a request may carry (a statement
        needs about ten levels; the rest is for extensions)."""
        return int(getattr(settings, "ENGAGE_XAPI_MAX_JSON_DEPTH", 64))

    @property
    def json_limits(self) -> JSONLimits:
        """What the LRS reads: integers must fit 64 bits, as other LRSs store them;
        other numbers must stay below 2**53, so that they come back unchanged."""
        return JSONLimits(
            max_bytes=self.max_body_bytes,
            max_depth=self.max_json_depth,
            int_range=INT64,
            # Beyond 2**53 a number with a fraction or exponent does not come
            # back from PostgreSQL as the same float.
            float_magnitude=2.0**53,
        )

    @property
    def page_size(self) -> int:
        return int(getattr(settings, "ENGAGE_XAPI_PAGE_SIZE", 100))

    @property
    def max_attachment_bytes(self) -> int:
        """Largest single attachment part; the body limit caps their total."""
        return int(
            getattr(settings, "ENGAGE_XAPI_MAX_ATTACHMENT_BYTES", 5 * 1024 * 1024)
        )

    @property
    def max_document_bytes(self) -> int:
        """Largest document of the State, Activity Profile and Agent Profile
        resources (also the largest result of a JSON merge); capped by the body
        limit, which every request has."""
        configured = int(
            getattr(settings, "ENGAGE_XAPI_MAX_DOCUMENT_BYTES", 1024 * 1024)
        )
        return min(configured, self.max_body_bytes)

    @property
    def cors_origins(self) -> tuple[str, ...]:
        """Origins whose browser scripts may call the LRS; "*" for any. None by
        default: a production site names the content hosts it trusts."""
        return tuple(getattr(settings, "ENGAGE_XAPI_CORS_ORIGINS", ()))

    @property
    def circuit_threshold(self) -> int:
        """Outage failures in a row after which forwarding stops sending batches
        to a destination and probes it instead (`rules/circuit.py`)."""
        return max(1, int(getattr(settings, "ENGAGE_XAPI_CIRCUIT_THRESHOLD", 3)))

    @property
    def probe_base(self) -> timedelta:
        """The first interval between probes of a destination that is down."""
        seconds = float(getattr(settings, "ENGAGE_XAPI_PROBE_BASE_SECONDS", 30))
        return timedelta(seconds=max(1.0, seconds))  # 0 would probe every drain

    @property
    def probe_max(self) -> timedelta:
        """The longest interval between probes (each failed probe doubles it)."""
        seconds = float(getattr(settings, "ENGAGE_XAPI_PROBE_MAX_SECONDS", 900))
        return timedelta(seconds=max(1.0, seconds))


xapi_settings = _XapiSettings()
