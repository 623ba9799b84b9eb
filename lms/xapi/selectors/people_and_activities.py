"""Reads for the Agents and Activities resources: what the stored statements say
about one Agent (a Person) or one Activity (its merged definition)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..models import Statement, StatementActivity, StatementAgent, agent_key
from ..rules.activity_definition import full_activity
from ..rules.person import person

# Payloads are streamed in chunks, oldest first: memory stays bounded however
# many statements mention the agent or activity; the time grows with them.
CHUNK = 500


def _payloads(pks: Any) -> Iterator[dict[str, Any]]:
    rows = (
        Statement.objects.filter(pk__in=pks, is_voided=False)
        .order_by("stored", "pk")
        .values_list("payload", flat=True)
    )
    yield from rows.iterator(chunk_size=CHUNK)


def person_for(agent: dict[str, Any]) -> dict[str, Any]:
    """The Person object for a validated Agent (one query): its identifier and the
    names the statements that mention it (not voided) use with it."""
    mentions = StatementAgent.objects.filter(agent_key=agent_key(agent)).values(
        "statement_id"
    )
    return person(agent, _payloads(mentions))


def activity_for(iri: str) -> dict[str, Any]:
    """The Activity `iri` with the definition merged from the statements that
    mention it (not voided), oldest first (one query)."""
    mentions = StatementActivity.objects.filter(activity_iri=iri).values("statement_id")
    return full_activity(iri, _payloads(mentions))
