"""System checks for the trajectories app's settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, register


@register()
def check_quiet_days(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    value = getattr(settings, "ENGAGE_TRAJECTORIES_QUIET_DAYS", 21)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
        return [
            Error(
                "ENGAGE_TRAJECTORIES_QUIET_DAYS must be a whole number of days "
                "from 1 to 365.",
                id="engage_trajectories.E001",
            )
        ]
    return []
