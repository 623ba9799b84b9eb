"""The Agents and Activities resources (xAPI 1.0.3 Communication 2.4 and 2.5):
read-only lookups of what the LRS knows about one Agent or one Activity.

Both need read-scoped credentials, answer HEAD like GET without a body, take the
alternate request syntax, and carry an ETag: the quoted lowercase hex SHA-1 of the
JSON they return (Communication 3.1.s4.b1/b2/b4; the Activities resource "has
Concurrency controls associated with it").
"""

from __future__ import annotations

import hashlib
from typing import Any

from django.http import HttpResponse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt

from lms.accounts.access import public

from .. import selectors
from ..exceptions import BadRequest, XapiForbidden
from ..models import LRSClient
from ..rules.validation import (
    MAX_INDEXED_IRI_LENGTH,
    is_absolute_iri,
    validate_agent,
)
from .lrs_request import LrsRequest
from .protocol import XapiView, read_json, xapi_response

# No stored statement mentions a longer Activity id (validation refuses one).
MAX_IRI_LENGTH = MAX_INDEXED_IRI_LENGTH


def _etagged(body: dict[str, Any]) -> HttpResponse:
    response = xapi_response(body)
    response["ETag"] = (
        f'"{hashlib.sha1(response.content, usedforsecurity=False).hexdigest()}"'
    )
    return response


def _only_parameter(lrs: LrsRequest, name: str) -> str:
    """The one value of the resource's only parameter; BadRequest otherwise."""
    unknown = sorted(set(lrs.params) - {name})
    if unknown:
        raise BadRequest(f"Unknown parameter(s): {', '.join(unknown)}.")
    values = lrs.params.getlist(name)
    if not values:
        raise BadRequest(f"The {name} parameter is required.")
    if len(values) > 1:
        raise BadRequest(f"The {name} parameter must be given once.")
    return values[0]


def _require_read(client: LRSClient, what: str) -> None:
    if not client.can_read:
        raise XapiForbidden(f"These credentials may not read {what}.")


# Public to Django: LRS clients authenticate by HTTP Basic in XapiView.dispatch.
@public
@method_decorator(csrf_exempt, name="dispatch")
class AgentsView(XapiView):
    """GET /xapi/agents?agent=<Agent JSON>: the Person object for that Agent."""

    def handle_get(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        _require_read(client, "agents")
        raw = _only_parameter(lrs, "agent")
        agent = read_json(raw, "Parameter 'agent' must be a JSON Agent")
        validate_agent(agent, path="agent")
        # Communication 2.4.s2: "It is not a Person Object, nor is it a Group."
        if agent.get("objectType", "Agent") != "Agent" or "member" in agent:
            raise BadRequest("Parameter 'agent' must be an Agent, not a Group.")
        return _etagged(selectors.person_for(agent))


# Public to Django: LRS clients authenticate by HTTP Basic in XapiView.dispatch.
@public
@method_decorator(csrf_exempt, name="dispatch")
class ActivitiesView(XapiView):
    """GET /xapi/activities?activityId=<IRI>: the Activity with its definition."""

    def handle_get(self, lrs: LrsRequest, client: LRSClient) -> HttpResponse:
        _require_read(client, "activities")
        iri = _only_parameter(lrs, "activityId")
        if len(iri) > MAX_IRI_LENGTH:
            raise BadRequest(
                f"Parameter 'activityId' is longer than {MAX_IRI_LENGTH} characters."
            )
        if "\x00" in iri or not is_absolute_iri(iri):
            raise BadRequest(
                "Parameter 'activityId' must be an absolute IRI with a scheme, "
                f"got {iri[:200]!r}."
            )
        return _etagged(selectors.activity_for(iri))
