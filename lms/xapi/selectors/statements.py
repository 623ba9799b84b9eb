"""Reads of lms.xapi: single statements and Statement queries with paging."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db.models import Q, QuerySet

from ..models import (
    AttachmentContent,
    MonthlyActivity,
    Statement,
    StatementActivity,
    StatementAgent,
    agent_key,
)


@dataclass(frozen=True)
class StatementQuery:
    """The filters of a GET on the Statements resource (already parsed)."""

    agent_key: str = ""
    verb: str = ""
    activity: str = ""
    registration: uuid.UUID | None = None
    related_activities: bool = False
    related_agents: bool = False
    since: datetime | None = None
    until: datetime | None = None
    limit: int = 0
    ascending: bool = False
    # Paging cursor: (stored, internal id) of the last statement already returned.
    after: tuple[datetime, int] | None = None


def get_statement(statement_id: uuid.UUID, *, voided: bool) -> Statement | None:
    """The statement with that id, if its voided state is `voided`."""
    return Statement.objects.filter(statement_id=statement_id, is_voided=voided).first()


def _content_filter(query: StatementQuery) -> Q | None:
    conditions = Q()
    if query.verb:
        conditions &= Q(verb_iri=query.verb)
    if query.registration is not None:
        conditions &= Q(registration=query.registration)
    if query.agent_key:
        agents = StatementAgent.objects.filter(agent_key=query.agent_key)
        if not query.related_agents:
            agents = agents.filter(is_direct=True)
        conditions &= Q(pk__in=agents.values("statement_id"))
    if query.activity:
        activities = StatementActivity.objects.filter(activity_iri=query.activity)
        if not query.related_activities:
            activities = activities.filter(is_direct=True)
        conditions &= Q(pk__in=activities.values("statement_id"))
    return conditions if conditions.children else None


def query_statements(
    query: StatementQuery, *, page_size: int
) -> tuple[list[Statement], bool]:
    """One page of matching statements (not voided) and whether more follow.

    As the spec requires, a statement that targets a matching statement with a
    StatementRef (e.g. a voiding statement) matches too.
    """
    statements: QuerySet[Statement] = Statement.objects.filter(is_voided=False)
    content = _content_filter(query)
    if content is not None:
        # The OR below defeats the indexes, so add it only when some statement
        # refers to another at all (rare: voiding and explicit references).
        if Statement.objects.filter(object_statement_id__isnull=False).exists():
            targets = Statement.objects.filter(content).values("statement_id")
            content = content | Q(object_statement_id__in=targets)
        statements = statements.filter(content)
    if query.since is not None:
        statements = statements.filter(stored__gt=query.since)
    if query.until is not None:
        statements = statements.filter(stored__lte=query.until)
    if query.after is not None:
        stored, pk = query.after
        if query.ascending:
            statements = statements.filter(
                Q(stored__gt=stored) | Q(stored=stored, pk__gt=pk)
            )
        else:
            statements = statements.filter(
                Q(stored__lt=stored) | Q(stored=stored, pk__lt=pk)
            )
    order = ("stored", "pk") if query.ascending else ("-stored", "-pk")
    limit = min(query.limit, page_size) if query.limit else page_size
    rows = list(
        statements.order_by(*order).only("id", "stored", "payload")[: limit + 1]
    )
    return rows[:limit], len(rows) > limit


def statements_about_person(xapi_id: uuid.UUID) -> Iterator[dict[str, Any]]:
    """Every statement whose actor is this person's pseudonym, oldest first.

    Streams from the database in chunks, so a long learning record never sits in
    memory at once.
    """
    from ..builder import pseudonymous_actor

    account = pseudonymous_actor(xapi_id).account
    key = agent_key({"account": {"homePage": account.home_page, "name": account.name}})
    rows = (
        Statement.objects.filter(actor_key=key)
        .order_by("stored", "pk")
        .values_list("payload", flat=True)
    )
    yield from rows.iterator(chunk_size=500)


def _attachment_hashes(statement: dict[str, Any]) -> Iterator[str]:
    for attachment in statement.get("attachments", []):
        yield attachment["sha2"].lower()
    obj = statement.get("object", {})
    if obj.get("objectType") == "SubStatement":
        yield from _attachment_hashes(obj)


def attachments_of(payloads: Iterable[dict[str, Any]]) -> list[AttachmentContent]:
    """The stored data of every attachment these statements name, in one query.

    Attachments sent only by fileUrl have no stored data and are left out. Each
    hash appears once, in the order the statements first name it.
    """
    order: dict[str, int] = {}
    for payload in payloads:
        for sha2 in _attachment_hashes(payload):
            order.setdefault(sha2, len(order))
    if not order:
        return []
    rows = AttachmentContent.objects.filter(sha2__in=list(order))
    return sorted(rows, key=lambda row: order[row.sha2])


def monthly_activity(*, since: date, until: date) -> list[tuple[date, str, int]]:
    """(first day of month, verb IRI, statements) for the months from `since` up
    to but not including `until`; one query on the kept counts."""
    return list(
        MonthlyActivity.objects.filter(month__gte=since, month__lt=until, count__gt=0)
        .order_by("month", "verb_iri")
        .values_list("month", "verb_iri", "count")
    )
