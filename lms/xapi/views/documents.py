"""The Document resources of the embedded LRS (xAPI 1.0.3 Communication 2.2,
2.3, 2.6, 2.7): State (`activities/state`), Activity Profile
(`activities/profile`) and Agent Profile (`agents/profile`).

Each view parses the parameters of its resource into a `DocumentAddress` (one
document) or `DocumentContext` (a list, or all state of an activity and agent)
and calls one selector or service; authentication, the alternate request syntax,
the version header and the error format are `XapiView`'s, as for statements.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.access import public
from lms.input_limits import text_problem

from ..conf import xapi_settings
from ..data import DocumentAddress, DocumentContext, Preconditions
from ..exceptions import BadRequest, NotFound, XapiForbidden
from ..models import Document, LRSClient, agent_key
from ..rules.documents import etag_of, quoted
from ..rules.validation import validate_agent
from ..rules.validation.syntax import is_absolute_iri
from ..selectors.documents import document_ids, get_document
from ..services.documents import (
    delete_document,
    delete_documents,
    post_document,
    put_document,
)
from .lrs_request import LrsRequest
from .protocol import (
    XapiView,
    read_json,
    timestamp_parameter,
    uuid_parameter,
    with_xapi_headers,
    xapi_response,
)

# Longest activity IRI and document id the LRS keeps (statements keep IRIs of
# up to 2048 characters too).
MAX_IDENTIFIER_CHARS = 2048
DEFAULT_CONTENT_TYPE = "application/octet-stream"


class DocumentView(XapiView):
    """What the three Document resources share; a subclass names its resource,
    its id parameter and how it reads its context from the parameters."""

    resource: str
    id_param: str
    context_params: frozenset[str]
    # State deletes all documents of its context without an id (2.3.s5).
    deletes_context = False

    # --- parameters -----------------------------------------------------------

    def context(self, params: Any) -> DocumentContext:
        raise NotImplementedError

    def _params(self, lrs: LrsRequest, *, listing: bool = False) -> Any:
        params = lrs.params
        allowed = self.context_params | {self.id_param}
        if listing:
            allowed = allowed | {"since"}
        unknown = set(params) - allowed
        if unknown:
            names = ", ".join(sorted(unknown))
            if "since" in unknown and self.id_param in params:
                raise BadRequest(
                    f"Parameter 'since' lists documents; it cannot be combined "
                    f"with '{self.id_param}', which names one."
                )
            raise BadRequest(f"Unknown parameter(s): {names}.")
        for name in params:
            if len(params.getlist(name)) > 1:
                raise BadRequest(f"Parameter '{name}' must be given once.")
        return params

    def _address(self, params: Any) -> DocumentAddress:
        context = self.context(params)
        return DocumentAddress(
            resource=context.resource,
            document_id=_identifier(params, self.id_param),
            activity_iri=context.activity_iri,
            agent=context.agent,
            agent_key=context.agent_key,
            registration=context.registration,
        )

    @staticmethod
    def _agent(params: Any) -> tuple[str, dict[str, Any]]:
        """The agent parameter's key and JSON; BadRequest naming it."""
        if "agent" not in params:
            raise BadRequest("Parameter 'agent' is required (a JSON Agent).")
        try:
            data = read_json(params["agent"], "Parameter 'agent' must be a JSON Agent")
        except BadRequest as refused:
            message = str(refused)
            if not message.startswith("Parameter 'agent'"):
                message = f"Parameter 'agent': {message}"
            raise type(refused)(message) from None
        validate_agent(data, path="agent")
        if data.get("objectType") == "Group":
            raise BadRequest(
                "Parameter 'agent' must be an Agent, not a Group; to store data "
                "for an identified Group, send its identifier in an Agent object "
                "(Communication 2.6.s3)."
            )
        return agent_key(data), data

    # --- handlers -------------------------------------------------------------

    @staticmethod
    def _require(client: LRSClient, scope: str) -> None:
        allowed = client.can_write if scope == "write" else client.can_read
        if not allowed:
            raise XapiForbidden(f"These credentials may not {scope} documents.")

    def handle_get(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        response = self._get(lrs, client)
        if lrs.method == "HEAD":
            # 1.1.s3.b1: the headers of the GET, without its body (whatever the
            # server in front does with HEAD).
            response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response

    def _get(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        self._require(client, "read")
        params = self._params(lrs, listing=self.id_param not in lrs.params)
        if self.id_param in params:
            row = get_document(self._address(params))
            if row is None:
                raise NotFound(f"No document with that {self.id_param}.")
            response = HttpResponse(bytes(row.content), content_type=row.content_type)
            return with_xapi_headers(
                response,
                {"ETag": quoted(row.etag), "Last-Modified": _http_date(row.updated)},
            )
        since = (
            timestamp_parameter(params["since"], "since") if "since" in params else None
        )
        ids, newest = document_ids(self.context(params), since=since)
        response = xapi_response(ids)
        response["ETag"] = quoted(etag_of(response.content))
        if newest is not None:
            response["Last-Modified"] = _http_date(newest)
        return response

    def handle_put(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        return self._store(lrs, client, put_document)

    def handle_post(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        return self._store(lrs, client, post_document)

    def _store(
        self, lrs: LrsRequest, client: LRSClient, write: Callable[..., None]
    ) -> HttpResponse:
        """PUT (replace) or POST (merge) the request's body at its address."""
        self._require(client, "write")
        address = self._address(self._required_id(lrs))
        write(
            address=address,
            content=lrs.body(xapi_settings.max_document_bytes),
            content_type=_content_type(lrs),
            conditions=_conditions(lrs),
        )
        return xapi_response(status=204)

    def handle_delete(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        self._require(client, "write")
        params = self._params(lrs)
        if self.id_param in params:
            delete_document(address=self._address(params), conditions=_conditions(lrs))
        elif self.deletes_context:
            delete_documents(context=self.context(params))
        else:
            raise BadRequest(f"Parameter '{self.id_param}' is required.")
        return xapi_response(status=204)

    def _required_id(self, lrs: LrsRequest) -> Any:
        params = self._params(lrs)
        if self.id_param not in params:
            raise BadRequest(f"Parameter '{self.id_param}' is required.")
        return params


def _activity(params: Any) -> str:
    if "activityId" not in params:
        raise BadRequest("Parameter 'activityId' is required (an IRI).")
    value = params["activityId"]
    problem = text_problem(value)
    if problem:
        raise BadRequest(f"Parameter 'activityId': {problem}")
    if len(value) > MAX_IDENTIFIER_CHARS:
        raise BadRequest(
            f"Parameter 'activityId' is longer than {MAX_IDENTIFIER_CHARS} characters."
        )
    if not is_absolute_iri(value):
        raise BadRequest(
            f"Parameter 'activityId' must be an absolute IRI with a scheme, got "
            f"{value!r}."
        )
    return str(value)


def _identifier(params: Any, name: str) -> str:
    value = params[name]
    problem = text_problem(value)
    if problem:
        raise BadRequest(f"Parameter '{name}': {problem}")
    if not value:
        raise BadRequest(f"Parameter '{name}' must not be empty.")
    if len(value) > MAX_IDENTIFIER_CHARS:
        raise BadRequest(
            f"Parameter '{name}' is longer than {MAX_IDENTIFIER_CHARS} characters."
        )
    return str(value)


def _content_type(lrs: LrsRequest) -> str:
    value = lrs.content_type.strip() or DEFAULT_CONTENT_TYPE
    if len(value) > 255 or text_problem(value):
        raise BadRequest("The Content-Type header is too long or not text.")
    return value


def _conditions(lrs: LrsRequest) -> Preconditions:
    return Preconditions(
        if_match=lrs.headers.get("If-Match"),
        if_none_match=lrs.headers.get("If-None-Match"),
    )


def _http_date(moment: datetime) -> str:
    return http_date(moment.timestamp())


# Public to Django: LRS clients authenticate by HTTP Basic in XapiView.dispatch.
@public
@method_decorator(csrf_exempt, name="dispatch")
class StateView(DocumentView):
    """activities/state: documents of an activity, agent and registration."""

    resource = Document.Resource.STATE
    id_param = "stateId"
    context_params = frozenset({"activityId", "agent", "registration"})
    deletes_context = True

    def context(self, params: Any) -> DocumentContext:
        activity = _activity(params)
        key, agent = self._agent(params)
        return DocumentContext(
            resource=self.resource,
            activity_iri=activity,
            agent_key=key,
            agent=agent,
            registration=uuid_parameter(params["registration"], "registration")
            if "registration" in params
            else None,
        )


@public
@method_decorator(csrf_exempt, name="dispatch")
class ActivityProfileView(DocumentView):
    """activities/profile: documents about an activity."""

    resource = Document.Resource.ACTIVITY_PROFILE
    id_param = "profileId"
    context_params = frozenset({"activityId"})

    def context(self, params: Any) -> DocumentContext:
        return DocumentContext(resource=self.resource, activity_iri=_activity(params))


@public
@method_decorator(csrf_exempt, name="dispatch")
class AgentProfileView(DocumentView):
    """agents/profile: documents about an agent."""

    resource = Document.Resource.AGENT_PROFILE
    id_param = "profileId"
    context_params = frozenset({"agent"})

    def context(self, params: Any) -> DocumentContext:
        key, agent = self._agent(params)
        return DocumentContext(resource=self.resource, agent_key=key, agent=agent)
