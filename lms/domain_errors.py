"""A domain error no page caught answers as the refusal it is, never a 500.

Pages show a service's refusal on the form (`lms.forms.add_domain_error`) or as a
message; this middleware is the net below them, as `lms.api.exception_handler` is
for the API: `Forbidden` → the 403 page, `NotFound` → the 404 page, `Conflict` →
409, any other `DomainError` → 400, each with the error's message.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.deprecation import MiddlewareMixin

from .exceptions import DomainError, Forbidden, NotFound


class DomainErrorMiddleware(MiddlewareMixin):
    def process_exception(
        self, request: HttpRequest, exception: Exception
    ) -> HttpResponse | None:
        if not isinstance(exception, DomainError):
            return None
        if isinstance(exception, Forbidden):
            return response_for_exception(request, PermissionDenied(exception.message))
        if isinstance(exception, NotFound):
            return response_for_exception(request, Http404(exception.message))
        return _plain(str(exception.message), exception.status_code)


def _plain(message: Any, status: int) -> HttpResponse:
    return HttpResponse(
        message, status=status, content_type="text/plain; charset=utf-8"
    )
