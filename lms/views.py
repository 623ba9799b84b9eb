"""Operational endpoints of the platform core."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.http import content_disposition_header
from django.views import static
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


# Raster images may be shown in the page (Wagtail's renditions are); anything else a
# person uploaded is a download. SVG is not among them: it can carry script.
INLINE_MEDIA_TYPES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})
UPLOADED_FILE_CSP = "default-src 'none'; sandbox"


def as_uploaded_file(response: HttpResponse, name: str) -> HttpResponse:
    """A file a person uploaded, sent so no browser runs it: a download unless it is
    a raster image, never sniffed, and under a policy that allows no script."""
    if response.get("Content-Type", "").split(";")[0] not in INLINE_MEDIA_TYPES:
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = UPLOADED_FILE_CSP
    return response


@public
@require_GET
def media(request: HttpRequest, path: str) -> HttpResponse:
    """MEDIA_ROOT for development (mounted only with DEBUG); in production the proxy
    serves the same way (docs/deploy/nginx.conf)."""
    response = static.serve(request, path, document_root=settings.MEDIA_ROOT)
    return as_uploaded_file(response, path.rsplit("/", 1)[-1])
