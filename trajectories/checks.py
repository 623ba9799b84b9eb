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


@register()
def check_attachment_storage(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    alias = getattr(
        settings, "ENGAGE_TRAJECTORIES_ATTACHMENT_STORAGE", "engage_private"
    )
    if alias not in getattr(settings, "STORAGES", {}) or alias == "default":
        return [
            Error(
                f"STORAGES has no private storage {alias!r} for journal attachments.",
                hint=(
                    "Add a storage that is not served as public media to STORAGES "
                    "(for example a FileSystemStorage outside MEDIA_ROOT) and name it "
                    "in ENGAGE_TRAJECTORIES_ATTACHMENT_STORAGE (default "
                    "'engage_private'); never the public 'default' storage."
                ),
                id="engage_trajectories.E002",
            )
        ]
    return []


@register()
def check_evaluation_days(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    value = getattr(settings, "ENGAGE_TRAJECTORIES_EVALUATION_DAYS", 14)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 365:
        return [
            Error(
                "ENGAGE_TRAJECTORIES_EVALUATION_DAYS must be a whole number of days "
                "from 1 to 365.",
                id="engage_trajectories.E003",
            )
        ]
    return []
