"""The Statements resource of the embedded LRS (xAPI 1.0.3 Communication 2.1)."""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import Any

from django.core import signing
from django.http import HttpResponse, QueryDict
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.access import public

from .. import selectors, services
from ..conf import xapi_settings
from ..data import ReceivedAttachment
from ..exceptions import BadRequest, NotFound, XapiForbidden, XapiTooLarge
from ..models import LRSClient, Statement, agent_key
from ..rules import multipart
from ..rules.attachments import match_attachments, split_body
from ..rules.formats import apply_format
from ..rules.validation import validate_agent, validate_statements
from .lrs_request import LrsRequest
from .protocol import (
    MORE_SALT,
    QUERY_PARAMETERS,
    SINGLE_PARAMETERS,
    XapiView,
    bool_parameter,
    read_json,
    timestamp_parameter,
    uuid_parameter,
    with_xapi_headers,
    xapi_response,
)


# Public to Django: LRS clients authenticate by HTTP Basic in XapiView.dispatch.
@public
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
        data = read_json(document, "The statements")
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
        statement_uuid = uuid_parameter(statement_id, "statementId")
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
        return xapi_response(status=204)

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
        return xapi_response([str(i) for i in ids])

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
        with_attachments = bool_parameter(params, "attachments")
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
            return xapi_response(body, headers=headers)
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
        return with_xapi_headers(response, headers)

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
        row = selectors.get_statement(uuid_parameter(params[name], name), voided=voided)
        if row is None:
            raise NotFound("No statement with that id.")
        return row

    @staticmethod
    def _query(
        params: Any, after: tuple[datetime, int] | None
    ) -> selectors.StatementQuery:
        agent = ""
        if "agent" in params:
            agent_data = read_json(
                params["agent"], "Parameter 'agent' must be a JSON Agent or Group"
            )
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
            registration=uuid_parameter(params["registration"], "registration")
            if "registration" in params
            else None,
            related_activities=bool_parameter(params, "related_activities"),
            related_agents=bool_parameter(params, "related_agents"),
            since=timestamp_parameter(params["since"], "since")
            if "since" in params
            else None,
            until=timestamp_parameter(params["until"], "until")
            if "until" in params
            else None,
            limit=limit,
            ascending=bool_parameter(params, "ascending"),
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
