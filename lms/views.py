"""Operational endpoints of the platform core."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .accounts.access import public


@public
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """Liveness and database readiness, for load balancers and `dev.py run`."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # noqa: BLE001 - any failure means "not ready"
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
