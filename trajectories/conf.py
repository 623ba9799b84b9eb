"""Settings of the trajectories app, read at access time with their defaults."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings

DEFAULT_QUIET_DAYS = 21
# The STORAGES alias of the private file storage for journal attachments.
DEFAULT_ATTACHMENT_STORAGE = "engage_private"
# Days after a session ends during which participants can evaluate it.
DEFAULT_EVALUATION_DAYS = 14


@dataclass(frozen=True)
class _Settings:
    @property
    def quiet_days(self) -> int:
        """A participant without journal activity, check-in or assignment work for
        this many days shows on the coach's "gone quiet" list."""
        return int(
            getattr(settings, "ENGAGE_TRAJECTORIES_QUIET_DAYS", DEFAULT_QUIET_DAYS)
        )

    @property
    def attachment_storage(self) -> str:
        """The STORAGES alias where journal attachments are kept: a storage that
        is not served to the public (the site sends the files itself)."""
        return str(
            getattr(
                settings,
                "ENGAGE_TRAJECTORIES_ATTACHMENT_STORAGE",
                DEFAULT_ATTACHMENT_STORAGE,
            )
        )

    @property
    def evaluation_days(self) -> int:
        """A session's evaluation is open from the end of the session for this
        many days."""
        return int(
            getattr(
                settings,
                "ENGAGE_TRAJECTORIES_EVALUATION_DAYS",
                DEFAULT_EVALUATION_DAYS,
            )
        )


trajectory_settings = _Settings()
