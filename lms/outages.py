"""Outages degrade, they do not hang: a database that does not answer gives a
503 with Retry-After (never a 500 page), and a cache or broker that failed is
left alone for a few seconds (a `Breaker`), so a request waits on it once.

`DatabaseOutageMiddleware` answers the exceptions of views; `answer_outage`
serves the composition root's 500 handler for those raised elsewhere (another
middleware, a response being rendered). The 503 is a page that reads nothing
from the database, the session or the user (no context processors run), JSON
for the API, and an xAPI error for the LRS.
"""

from __future__ import annotations

import logging
import sys
import time

from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.deprecation import MiddlewareMixin
from django.utils.translation import gettext as _

from .conf import engage_settings
from .xapi.builder import XAPI_VERSION

logger = logging.getLogger(__name__)

UNAVAILABLE_TEMPLATE = "engage_lms/unavailable.html"
# OperationalErrors that are faults in the code or schema, not an outage.
_SCHEMA_FAULTS = ("no such table", "no such column", "has no column", "syntax error")


class Breaker:
    """After a failure, `is_open` is true for `ENGAGE_OUTAGE_BACKOFF` seconds in
    this process: callers skip the server instead of waiting on it again."""

    _all: list[Breaker] = []

    def __init__(self, name: str) -> None:
        self.name = name
        self._open_until = 0.0
        Breaker._all.append(self)

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: BaseException) -> None:
        backoff = engage_settings.outage_backoff
        self._open_until = time.monotonic() + backoff
        logger.warning(
            "%s failed (%s: %s); left alone for %.0f s",
            self.name,
            type(error).__name__,
            error,
            backoff,
        )

    def close(self) -> None:
        self._open_until = 0.0

    @classmethod
    def close_all(cls) -> None:
        for breaker in cls._all:
            breaker.close()


def is_database_outage(error: BaseException) -> bool:
    """True for a database that cannot be reached or stopped answering (lost
    connection, refused, timed out, shutting down); false for integrity, data
    and schema errors, which are faults to fix rather than to wait out."""
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    text = str(error).lower()
    return not any(fault in text for fault in _SCHEMA_FAULTS)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """503 with Retry-After, in the format the client of `request.path` reads."""
    message = _(
        "The site cannot reach its database just now. Nothing was lost; "
        "please try again in a moment."
    )
    response: HttpResponse | None = machine_error(request, 503, message)
    if response is None:
        # No request: no context processor (user, messages, menus) reads the
        # database the page is about.
        response = HttpResponse(
            render_to_string(
                UNAVAILABLE_TEMPLATE,
                {"message": message, "retry_after": engage_settings.outage_retry_after},
            ),
            status=503,
        )
    response["Retry-After"] = str(engage_settings.outage_retry_after)
    add_never_cache_headers(response)
    return response


def machine_error(
    request: HttpRequest, status: int, message: str
) -> HttpResponse | None:
    """The error in JSON for a client of the LRS (xAPI's format, with its version
    header) or the API (`{"detail": ...}`), which read no HTML; None for a page."""
    if _is_xapi(request):
        response = JsonResponse({"error": message}, status=status)
        response["X-Experience-API-Version"] = XAPI_VERSION
        return response
    if request.path.startswith(engage_settings.json_path_prefixes):
        return JsonResponse({"detail": message}, status=status)
    return None


def _is_xapi(request: HttpRequest) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and "engage_xapi" in match.namespaces:
        return True
    return request.path.startswith(engage_settings.xapi_path_prefixes)


def answer_outage(request: HttpRequest, error: BaseException | None) -> HttpResponse:
    """The 503 for a database outage: logged once, and every connection that
    failed is closed so the next request connects afresh."""
    logger.warning(
        "Database unavailable at %s %s: %s", request.method, request.path, error
    )
    for connection in connections.all(initialized_only=True):
        if connection.errors_occurred and not connection.in_atomic_block:
            connection.close()
    return unavailable_response(request)


def current_outage() -> BaseException | None:
    """The database outage being handled now (in a 500 handler), if it is one."""
    error = sys.exc_info()[1]
    return error if error is not None and is_database_outage(error) else None


class DatabaseOutageMiddleware(MiddlewareMixin):
    """A view that met a database outage answers 503 with Retry-After."""

    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not is_database_outage(exception):
            return None
        return answer_outage(request, exception)
