from __future__ import annotations

from django.http import HttpRequest

from .conf import engage_settings


def platform(request: HttpRequest) -> dict[str, str]:
    return {"platform_name": engage_settings.platform_name}
