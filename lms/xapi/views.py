"""The embedded LRS: xAPI 1.0.3 Statements and About resources, and the profile.

Plain Django views, not DRF: the xAPI specification fixes headers, status codes and
parameters exactly, and these views follow its text.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import (
    HttpRequest,
    HttpResponse,
    JsonResponse,
    QueryDict,
    StreamingHttpResponse,
)
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.selectors import profile_of

from . import multipart, selectors, services
from .attachments import match_attachments, split_body
from .authentication import client_from_authorization
from .conf import xapi_settings
from .data import ReceivedAttachment
from .exceptions import BadRequest, NotFound, XapiError, XapiForbidden, XapiTooLarge
from .formats import apply_format
from .lrs_request import LrsRequest, from_http
from .models import LRSClient, Statement, agent_key
from .profile import build_profile
from .validation import (
    StatementValidationError,
    parse_timestamp,
    validate_agent,
    validate_statements,
)

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


def _xapi_response(
    body: Any = None, *, status: int = 200, headers: dict[str, str] | None = None
) -> HttpResponse:
    if body is None:
        response = HttpResponse(status=status)
    else:
        response = JsonResponse(body, status=status, safe=False)
    return _with_xapi_headers(response, headers)


def _with_xapi_headers(
    response: HttpResponse, headers: dict[str, str] | None
) -> HttpResponse:
    response["X-Experience-API-Version"] = VERSION
    response["X-Experience-API-Consistent-Through"] = (
        timezone.now().isoformat().replace("+00:00", "Z")
    )
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def _error(message: str, status: int = 400) -> HttpResponse:
    return _xapi_response({"error": message}, status=status)


def _bool(params: Any, name: str) -> bool:
    value = params.get(name, "false").lower()
    if value not in ("true", "false"):
        raise BadRequest(f"Parameter '{name}' must be true or false.")
    return value == "true"


def _uuid(value: str, name: str) -> uuid.UUID:
    try:
        return uuid.UUID(value)
    except ValueError:
        raise BadRequest(f"Parameter '{name}' must be a UUID.") from None


def _timestamp(value: str, name: str) -> datetime:
    try:
        return parse_timestamp(value)
    except ValueError:
        raise BadRequest(f"Parameter '{name}' must be an ISO 8601 timestamp.") from None


def _refuse_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """The spec forbids using a property twice; plain json.loads keeps the last."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BadRequest(f"Property '{key}' appears more than once in one object.")
        result[key] = value
    return result


class XapiView(View):
    """Request syntax, version header, authentication and error mapping shared by
    the LRS views. Handlers are ``handle_<method>(lrs, client)``."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            return self.options(request, *args, **kwargs)
        try:
            lrs = from_http(request, max_body_bytes=xapi_settings.max_body_bytes)
            version = lrs.headers.get("X-Experience-API-Version", "")
            if not self._version_ok(version):
                return _error(
                    "The X-Experience-API-Version header is required and must be "
                    f"1.0.x (this LRS speaks {VERSION}).",
                )
            client = client_from_authorization(lrs.headers.get("Authorization", ""))
            if client is None:
                response = _error(
                    "Valid LRS credentials (HTTP Basic) are required.", 401
                )
                response["WWW-Authenticate"] = 'Basic realm="xAPI"'
                return response
            method = "get" if lrs.method == "HEAD" else lrs.method.lower()
            handler = getattr(self, f"handle_{method}", None)
            if handler is None:
                response = _error(f"{lrs.method} is not allowed here.", 405)
                response["Allow"] = ", ".join(self._allowed_methods())
                return response
            result: HttpResponse = handler(lrs, client)
            return result
        except XapiError as exc:
            return _error(str(exc), exc.status)
        except StatementValidationError as exc:
            return _error(str(exc))

    def _allowed_methods(self) -> list[str]:
        methods = [
            m.upper() for m in ("get", "put", "post") if hasattr(self, f"handle_{m}")
        ]
        return [*methods, *(["HEAD"] if "GET" in methods else []), "OPTIONS"]

    @staticmethod
    def _version_ok(version: str) -> bool:
        return version in SUPPORTED_VERSIONS or (
            version.startswith("1.0.") and version[4:].isdigit()
        )


@method_decorator(csrf_exempt, name="dispatch")
class AboutView(View):
    """How a client learns the version: no version header or credentials needed."""

    def get(self, request: HttpRequest) -> HttpResponse:
        return _xapi_response({"version": list(reversed(SUPPORTED_VERSIONS))})

    def post(self, request: HttpRequest) -> HttpResponse:
        """GET in the alternate request syntax (Communication 1.3)."""
        try:
            lrs = from_http(request, max_body_bytes=xapi_settings.max_body_bytes)
        except XapiError as exc:
            return _error(str(exc), exc.status)
        if not lrs.alternate or lrs.method != "GET":
            return self.http_method_not_allowed(request)
        if lrs.params:
            return _error("/about takes no parameters.")
        return self.get(request)

    def http_method_not_allowed(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        return _error("Only GET is allowed on /about.", 405)


@method_decorator(csrf_exempt, name="dispatch")
class StatementsView(XapiView):
    @staticmethod
    def _require(client: LRSClient, scope: str) -> None:
        allowed = client.can_write if scope == "write" else client.can_read
        if not allowed:
            raise XapiForbidden(f"These credentials may not {scope} statements.")

    @staticmethod
    def _content(lrs: LrsRequest) -> tuple[Any, list[multipart.Part]]:
        """The parsed JSON of the statements and the attachment parts."""
        body = lrs.body(xapi_settings.max_body_bytes)
        if not body:
            where = " (form field 'content')" if lrs.alternate else ""
            raise BadRequest(f"The request has no statements in its body{where}.")
        document, parts = split_body(body, lrs.content_type)
        try:
            data = json.loads(document, object_pairs_hook=_refuse_duplicate_keys)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadRequest(f"The statements are not valid JSON: {exc}.") from None
        return data, parts

    @staticmethod
    def _attachments(
        data: Any, statements: list[dict[str, Any]], parts: list[multipart.Part]
    ) -> dict[str, ReceivedAttachment]:
        return match_attachments(
            statements,
            parts,
            single=isinstance(data, dict),
            max_bytes=xapi_settings.max_attachment_bytes,
        )

    def handle_put(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        self._require(client, "write")
        statement_id = lrs.params.get("statementId")
        if not statement_id:
            raise BadRequest("PUT requires the statementId parameter.")
        statement_uuid = _uuid(statement_id, "statementId")
        data, parts = self._content(lrs)
        if isinstance(data, list):
            raise BadRequest("PUT takes one statement, not an array.")
        statements = validate_statements(data)
        received = self._attachments(data, statements, parts)
        statement = statements[0]
        if "id" in statement and uuid.UUID(statement["id"]) != statement_uuid:
            raise BadRequest(
                "The statement's id differs from the statementId parameter."
            )
        statement["id"] = str(statement_uuid)
        services.store_statements([statement], client=client, attachments=received)
        return _xapi_response(status=204)

    def handle_post(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        self._require(client, "write")
        data, parts = self._content(lrs)
        statements = validate_statements(data)
        if len(statements) > xapi_settings.max_batch:
            raise XapiTooLarge(
                f"A batch may hold at most {xapi_settings.max_batch} statements."
            )
        received = self._attachments(data, statements, parts)
        ids = services.store_statements(statements, client=client, attachments=received)
        return _xapi_response([str(i) for i in ids])

    def handle_get(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        self._require(client, "read")
        params: Any = lrs.params
        unknown = set(params) - QUERY_PARAMETERS
        if unknown:
            raise BadRequest(f"Unknown parameter(s): {', '.join(sorted(unknown))}.")
        after = None
        if "more" in params:
            params, after = self._more(params["more"])
        fmt = params.get("format", "exact")
        if fmt not in ("exact", "ids", "canonical"):
            raise BadRequest("Parameter 'format' must be exact, ids or canonical.")
        with_attachments = _bool(params, "attachments")
        languages = self._languages(lrs.headers.get("Accept-Language", ""))
        if "statementId" in params or "voidedStatementId" in params:
            row = self._single(params)
            return self._respond(
                apply_format(row.payload, fmt, languages),
                [row.payload] if with_attachments else None,
                headers={
                    "Last-Modified": row.stored.strftime("%a, %d %b %Y %H:%M:%S GMT")
                },
            )
        query = self._query(params, after)
        rows, has_more = selectors.query_statements(
            query, page_size=xapi_settings.page_size
        )
        more = ""
        if has_more:
            last = rows[-1]
            token = signing.dumps(
                {
                    "q": params.urlencode(),
                    "stored": last.stored.isoformat(),
                    "pk": last.pk,
                },
                salt=MORE_SALT,
                compress=True,
            )
            more = f"{lrs.path}?more={token}"
        return self._respond(
            {
                "statements": [apply_format(r.payload, fmt, languages) for r in rows],
                "more": more,
            },
            [r.payload for r in rows] if with_attachments else None,
        )

    @staticmethod
    def _respond(
        body: Any,
        payloads: list[dict[str, Any]] | None,
        *,
        headers: dict[str, str] | None = None,
    ) -> HttpResponse:
        """JSON, or with `payloads` multipart/mixed: the JSON part first, then one
        part per attachment those statements name whose data the LRS holds."""
        if payloads is None:
            return _xapi_response(body, headers=headers)
        parts: list[tuple[dict[str, str], bytes]] = [
            ({"Content-Type": "application/json"}, json.dumps(body).encode("utf-8"))
        ]
        parts += [
            multipart.attachment_part(row.content_type, row.sha2, bytes(row.data))
            for row in selectors.attachments_of(payloads)
        ]
        content, boundary = multipart.build(parts)
        response = HttpResponse(
            content, content_type=f"multipart/mixed; boundary={boundary}"
        )
        return _with_xapi_headers(response, headers)

    @staticmethod
    def _more(token: str) -> tuple[QueryDict, tuple[datetime, int]]:
        """The query a `more` link continues, and where the last page ended."""
        try:
            state = signing.loads(token, salt=MORE_SALT)
        except signing.BadSignature:
            raise BadRequest("The 'more' link is invalid or has expired.") from None
        after = (datetime.fromisoformat(state["stored"]), int(state["pk"]))
        return QueryDict(state["q"]), after

    @staticmethod
    def _single(params: Any) -> Statement:
        extra = set(params) - SINGLE_PARAMETERS
        if extra or ("statementId" in params and "voidedStatementId" in params):
            raise BadRequest(
                "statementId and voidedStatementId cannot be combined with other "
                "filters."
            )
        voided = "voidedStatementId" in params
        name = "voidedStatementId" if voided else "statementId"
        row = selectors.get_statement(_uuid(params[name], name), voided=voided)
        if row is None:
            raise NotFound("No statement with that id.")
        return row

    @staticmethod
    def _query(
        params: Any, after: tuple[datetime, int] | None
    ) -> selectors.StatementQuery:
        agent = ""
        if "agent" in params:
            try:
                agent_data = json.loads(params["agent"])
            except json.JSONDecodeError:
                raise BadRequest(
                    "Parameter 'agent' must be a JSON Agent or Group."
                ) from None
            validate_agent(agent_data, path="agent")
            agent = agent_key(agent_data)
        try:
            limit = int(params.get("limit", "0"))
        except ValueError:
            raise BadRequest("Parameter 'limit' must be a whole number.") from None
        if limit < 0:
            raise BadRequest("Parameter 'limit' must not be negative.")
        return selectors.StatementQuery(
            agent_key=agent,
            verb=params.get("verb", ""),
            activity=params.get("activity", ""),
            registration=_uuid(params["registration"], "registration")
            if "registration" in params
            else None,
            related_activities=_bool(params, "related_activities"),
            related_agents=_bool(params, "related_agents"),
            since=_timestamp(params["since"], "since") if "since" in params else None,
            until=_timestamp(params["until"], "until") if "until" in params else None,
            limit=limit,
            ascending=_bool(params, "ascending"),
            after=after,
        )

    @staticmethod
    def _languages(header: str) -> list[str]:
        weighted = []
        for part in header.split(","):
            tag, _, quality = part.strip().partition(";q=")
            if tag and tag != "*":
                try:
                    weighted.append((float(quality or 1), tag))
                except ValueError:
                    continue
        return [tag for _, tag in sorted(weighted, key=lambda item: -item[0])]


@login_required
def my_statements(request: HttpRequest) -> StreamingHttpResponse:
    """Download one's own learning record: every statement about oneself, as JSON."""
    xapi_id = profile_of(request.user).xapi_id

    def chunks() -> Iterator[str]:
        yield "["
        for index, payload in enumerate(selectors.statements_about_person(xapi_id)):
            yield ("," if index else "") + json.dumps(payload)
        yield "]"

    response = StreamingHttpResponse(chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-learning-record.json"'
    return response


def profile(request: HttpRequest) -> JsonResponse:
    """The xAPI Profile (JSON-LD) generated from lms.xapi.vocabulary."""
    response = JsonResponse(build_profile(), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/ld+json"
    return response
