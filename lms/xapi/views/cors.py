"""Cross-origin access to the LRS endpoints (/xapi/statements, agents, activities,
about, the documents, and the 404 of unknown /xapi/ paths).

Browser content on another site (an H5P or cmi5 package, a dashboard) may call the
LRS when its origin is listed in ENGAGE_XAPI_CORS_ORIGINS, or when that list is
["*"]. Nothing is listed by default.

Credentials never ride on CORS: an xAPI client sends its LRS key and secret in an
Authorization header that its script sets, which only needs Authorization in
Access-Control-Allow-Headers. The LRS never sends Access-Control-Allow-Credentials,
so a browser never attaches cookies or credentials it stored itself, and "*" is
safe to offer (browsers refuse "*" together with credentials anyway).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from ..conf import xapi_settings

ALLOW_METHODS = "GET, HEAD, POST, PUT, DELETE, OPTIONS"
ALLOW_HEADERS = (
    "Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match"
)
EXPOSE_HEADERS = (
    "X-Experience-API-Consistent-Through, X-Experience-API-Version, Last-Modified, ETag"
)
PREFLIGHT_MAX_AGE = "86400"


def allowed_origin(origin: str) -> str | None:
    """The Access-Control-Allow-Origin value for `origin`, or None if not allowed."""
    allowed = xapi_settings.cors_origins
    if not origin:
        return None
    if "*" in allowed:
        return "*"
    return origin if origin in allowed else None


def cors(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer CORS preflights for `view` and add CORS headers to its responses."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        origin = request.headers.get("Origin", "")
        allow = allowed_origin(origin)
        preflight = request.method == "OPTIONS" and (
            "Access-Control-Request-Method" in request.headers
        )
        if preflight:
            # A browser sends no credentials with a preflight; answer it here.
            response = HttpResponse(status=204)
            if allow:
                response["Access-Control-Allow-Methods"] = ALLOW_METHODS
                response["Access-Control-Allow-Headers"] = ALLOW_HEADERS
                response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
        else:
            response = view(request, *args, **kwargs)
        if allow:
            response["Access-Control-Allow-Origin"] = allow
            response["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
        if xapi_settings.cors_origins and "*" not in xapi_settings.cors_origins:
            patch_vary_headers(response, ("Origin",))
        return response

    return wrapper
