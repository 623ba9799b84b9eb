"""What every LRS endpoint shares: the xAPI headers, errors as JSON, request
syntax, the version header and HTTP Basic authentication of LRS clients.

Plain Django views, not DRF: the xAPI specification fixes headers, status codes and
parameters exactly, and these views follow its text. The LRS endpoints are
declared `@public` to Django: an LRS client is not a person with a session; it
authenticates with HTTP Basic credentials, checked here in `XapiView.dispatch`
(401 without valid ones), and its read/write scopes are checked per handler.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.views import View

from lms.input_limits import InputRefused, load_json

from ..conf import xapi_settings
from ..exceptions import BadRequest, XapiError, XapiTooLarge
from ..rules.validation import StatementValidationError, parse_timestamp
from .authentication import client_from_authorization
from .lrs_request import from_http

VERSION = "1.0.3"
SUPPORTED_VERSIONS = ("1.0.0", "1.0.1", "1.0.2", "1.0.3")
QUERY_PARAMETERS = frozenset(
    {
        "statementId", "voidedStatementId", "agent", "verb", "activity",
        "registration", "related_activities", "related_agents", "since", "until",
        "limit", "format", "attachments", "ascending", "more",
    }
)  # fmt: skip
SINGLE_PARAMETERS = frozenset(
    {"statementId", "voidedStatementId", "format", "attachments"}
)
MORE_SALT = "engage_xapi.more"


def xapi_response(
    body: Any = None, *, status: int = 200, headers: dict[str, str] | None = None
) -> HttpResponse:
    if body is None:
        response = HttpResponse(status=status)
    else:
        response = JsonResponse(body, status=status, safe=False)
    return with_xapi_headers(response, headers)


def with_xapi_headers(
    response: HttpResponse, headers: dict[str, str] | None
) -> HttpResponse:
    response["X-Experience-API-Version"] = VERSION
    response["X-Experience-API-Consistent-Through"] = (
        timezone.now().isoformat().replace("+00:00", "Z")
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def error(message: str, status: int = 400) -> HttpResponse:
    return xapi_response({"error": message}, status=status)


def bool_parameter(params: Any, name: str) -> bool:
    value = params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise BadRequest(f"Parameter '{name}' must be true or false.")
    return value == "true"


def uuid_parameter(value: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadRequest(f"Parameter '{name}' must be a UUID.") from None


def timestamp_parameter(value: str, name: str) -> datetime:
    try:
        return parse_timestamp(value)
    except ValueError:
        raise BadRequest(f"Parameter '{name}' must be an ISO 8601 timestamp.") from None


def refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The spec forbids using a property twice; plain json.loads keeps the last."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadRequest(f"Property '{key}' appears more than once in one object.")
        result[key] = value
    return result


def read_json(data: bytes | str, what: str) -> Any:
    """JSON within the LRS's limits (lms.input_limits), each property once;
    BadRequest (XapiTooLarge for size) saying what is wrong with `what`."""
    try:
        return load_json(
            data, xapi_settings.json_limits, object_pairs_hook=refuse_duplicate_keys
        )
    except InputRefused as refused:
        error = XapiTooLarge if refused.status == 413 else BadRequest
        where = f" (at {refused.pointer})" if refused.pointer else ""
        raise error(f"{what}: {refused.message}{where}") from None


class XapiView(View):
    """Request syntax, version header, authentication and error mapping shared by
    the LRS views. Handlers are ``handle_<method>(lrs, client)``."""

    def dispatch(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponseBase:
        if request.method == "OPTIONS":
            return self.options(request, *args, **kwargs)
        try:
            lrs = from_http(request, max_body_bytes=xapi_settings.max_body_bytes)
            version = lrs.headers.get("X-Experience-API-Version", "")
            if not self._version_ok(version):
                return error(
                    "The X-Experience-API-Version header is required and must be "
                    f"1.0.x (this LRS speaks {VERSION}).",
                )
            client = client_from_authorization(lrs.headers.get("Authorization", ""))
            if client is None:
                response = error(
                    "Valid LRS credentials (HTTP Basic) are required.", 401
                )
                response["WWW-Authenticate"] = 'Basic realm="xAPI"'
                return response
            method = "get" if lrs.method == "HEAD" else lrs.method.lower()
            handler = getattr(self, f"handle_{method}", None)
            if handler is None:
                response = error(f"{lrs.method} is not allowed here.", 405)
                response["Allow"] = ", ".join(self._allowed_methods())
                return response
            result: HttpResponse = handler(lrs, client)
            return result
        except XapiError as exc:
            return error(str(exc), exc.status)
        except StatementValidationError as exc:
            return error(str(exc))

    def _allowed_methods(self) -> list[str]:
        methods = [
            m.upper()
            for m in ("get", "put", "post", "delete")
            if hasattr(self, f"handle_{m}")
        ]
        return [*methods, *(["HEAD"] if "GET" in methods else []), "OPTIONS"]

    @staticmethod
    def _version_ok(version: str) -> bool:
        return version in SUPPORTED_VERSIONS or (
            version.startswith("1.0.") and version[4:].isdigit()
        )
