"""Settings of the trajectories app, read at access time with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

DEFAULT_QUIET_DAYS = 21


@dataclass(frozen=True)
class _Settings:
    @property
    def quiet_days(self) -> int:
        """A participant without journal activity, check-in or assignment work for
        this many days shows on the coach's "gone quiet" list."""
        return int(
            getattr(settings, "ENGAGE_TRAJECTORIES_QUIET_DAYS", DEFAULT_QUIET_DAYS)
        )


trajectory_settings = _Settings()
