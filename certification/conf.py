"""Settings of the certification app, read at access time (ENGAGE_CERTIFICATION_*).

The issuing keys themselves are read by `openbadges/keys.py` only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings

from lms.conf import engage_settings

ISSUER_PATH = "/certification/issuer"
DEFAULT_REMINDER_DAYS = (60, 14)
DEFAULT_VERIFY_PER_MINUTE = 30
DEFAULT_STATUS_LIST_HOURS = 24
# How long a cache may keep a status list: a revocation reaches every verifier
# that fetches the list within this time (docs/decisions/0006).
STATUS_LIST_MAX_AGE = 60


@dataclass(frozen=True)
class _Settings:
    @property
    def site_url(self) -> str:
        """Base of every public URL a credential names (status list, issuer)."""
        return engage_settings.site_url.rstrip("/")

    @property
    def issuer_id(self) -> str:
        """The issuer's id: ``<site>/certification/issuer`` (Open Badges' https
        form) unless ``ENGAGE_CERTIFICATION_ISSUER_ID`` names one, e.g.
        ``did:web:pd.example.edu``. It is signed into every credential: changing
        it only affects credentials issued afterwards."""
        configured = str(getattr(settings, "ENGAGE_CERTIFICATION_ISSUER_ID", ""))
        return configured.strip() or self.site_url + ISSUER_PATH

    @property
    def issuer_name(self) -> str:
        return str(
            getattr(
                settings,
                "ENGAGE_CERTIFICATION_ISSUER_NAME",
                engage_settings.platform_name,
            )
        )

    @property
    def issuer_url(self) -> str:
        return str(getattr(settings, "ENGAGE_CERTIFICATION_ISSUER_URL", self.site_url))

    @property
    def issuer_description(self) -> str:
        return str(getattr(settings, "ENGAGE_CERTIFICATION_ISSUER_DESCRIPTION", ""))

    @property
    def issuer_email(self) -> str:
        return str(getattr(settings, "ENGAGE_CERTIFICATION_ISSUER_EMAIL", ""))

    @property
    def reminder_days(self) -> tuple[int, ...]:
        """Days before a certificate lapses that its holder is reminded, once each."""
        value = getattr(
            settings, "ENGAGE_CERTIFICATION_REMINDER_DAYS", DEFAULT_REMINDER_DAYS
        )
        return tuple(sorted({int(day) for day in value}, reverse=True))

    @property
    def verify_per_minute(self) -> int:
        """Pasted or uploaded credentials one address may verify per minute
        (each costs two JSON-LD canonicalizations)."""
        return int(
            getattr(
                settings,
                "ENGAGE_CERTIFICATION_VERIFY_PER_MINUTE",
                DEFAULT_VERIFY_PER_MINUTE,
            )
        )

    @property
    def status_list_validity(self) -> timedelta:
        """How long a signed status list is valid (its ``validUntil``): a copy
        fetched before a revocation can be replayed to a verifier at most this
        long. Beat re-signs each list when half of it has passed."""
        hours = getattr(
            settings,
            "ENGAGE_CERTIFICATION_STATUS_LIST_HOURS",
            DEFAULT_STATUS_LIST_HOURS,
        )
        return timedelta(hours=float(hours))


certification_settings = _Settings()
