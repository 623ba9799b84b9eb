"""Operational endpoints of the platform core."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .accounts.access import public
from .health import run_checks


@public
@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """The database, the cache and the broker, each ok or error with a reason.
    503 when the database does not answer; 200 ("degraded") when only the cache
    or the broker does not: the site still serves, with e-mail and other work
    queued later."""
    checks = run_checks(("database", "cache", "broker"))
    if not checks["database"].ok:
        status, code = "unavailable", 503
    elif all(check.ok for check in checks.values()):
        status, code = "ok", 200
    else:
        status, code = "degraded", 200
    return JsonResponse(
        {"status": status, "checks": {n: c.as_json() for n, c in checks.items()}},
        status=code,
    )


@public
@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 while the database answers, else 503 (the cache
    and the broker are not needed to serve)."""
    database = run_checks(("database",))["database"]
    return JsonResponse(
        {
            "status": "ok" if database.ok else "unavailable",
            "checks": {"database": database.as_json()},
        },
        status=200 if database.ok else 503,
    )
