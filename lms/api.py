"""What every API view of the suite shares: one exception handler for domain
errors, a JSON parser within the suite's input limits (`lms.input_limits`: size,
nesting, NUL and lone surrogates, numbers), and a clear answer to bodies over the
site's limit. Apps' API views inherit `EngageAPIView` (or mix in
`DomainErrorsMixin`), so the behaviour does not depend on the host's settings.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError, ValidationError
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from .exceptions import DomainError
from .input_limits import InputRefused, JSONLimits, load_json, read_limited


class BodyTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = gettext_lazy("The request body is too large.")
    default_code = "too_large"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, plus: a DomainError answers its status with
    {field or "detail": [message]}; a body over the limit answers 413 in JSON."""
    if isinstance(exc, DomainError):
        return Response(exc.as_errors(), status=exc.status_code)
    if isinstance(exc, RequestDataTooBig):
        # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE with a bare HTML
        # 400; an API client gets JSON saying what went wrong.
        exc = BodyTooLarge(
            _("The request body is larger than %(mb)d MB.")
            % {"mb": settings.DATA_UPLOAD_MAX_MEMORY_SIZE // (1024 * 1024)}
        )
    return drf_exception_handler(exc, context)


class DomainErrorsMixin:
    """Use `exception_handler` whatever the host's REST_FRAMEWORK setting says."""

    def get_exception_handler(self) -> Any:
        return exception_handler


def api_json_limits() -> JSONLimits:
    """The API reads JSON bodies up to the site's upload limit."""
    return JSONLimits(max_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


class SafeJSONParser(JSONParser):
    """JSON within `api_json_limits()`: a body over the size answers 413, and
    hostile nesting, NUL, lone surrogates, NaN and huge numbers answer 400 with
    the reason, before a serializer sees them."""

    def parse(
        self, stream: Any, media_type: Any = None, parser_context: Any = None
    ) -> Any:
        limits = api_json_limits()
        try:
            data = read_limited(stream, limits.max_bytes) if stream else b""
            return load_json(data, limits)
        except InputRefused as refused:
            if refused.status == 413:
                raise BodyTooLarge(refused.message) from None
            if refused.path and isinstance(refused.path[0], str):
                # A refused value inside a field: name the field, as a serializer would.
                raise ValidationError({refused.path[0]: [refused.message]}) from None
            raise ParseError(
                _("JSON parse error - %(reason)s") % {"reason": refused.message}
            ) from None


class EngageAPIView(DomainErrorsMixin, APIView):
    """Base of the suite's API views. Subclasses still name their authentication,
    permission and throttle classes (CONVENTIONS rule 8)."""

    parser_classes = [SafeJSONParser]
