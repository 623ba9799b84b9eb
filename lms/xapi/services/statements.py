"""Writes of lms.xapi: recording learning events and storing statements."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.input_limits import InputRefused, ensure_round_trip

from ..builder import statement_json
from ..data import LearningEvent, ReceivedAttachment
from ..exceptions import BadRequest, StatementConflict
from ..models import (
    AttachmentContent,
    LRSClient,
    Statement,
    StatementActivity,
    StatementAgent,
    agent_key,
)
from ..rules.comparison import statements_match
from ..rules.normalisation import context_activities_as_arrays
from ..rules.validation import parse_timestamp, validate_statement
from ..vocabulary import Verbs
from . import activity, recording
from .forwarding import add_to_outbox


def platform_authority() -> dict[str, Any]:
    from ..conf import xapi_settings

    return {
        "objectType": "Agent",
        "name": xapi_settings.platform,
        "account": {"homePage": xapi_settings.site_iri, "name": "platform"},
    }


def record(event: LearningEvent) -> uuid.UUID:
    """Store the statement for `event` in the caller's transaction; idempotent by id.

    Call it inside the service's `transaction.atomic()` block, so the statement
    exists exactly when the domain change does.
    """
    data = statement_json(event)
    validate_statement(data)  # a builder bug must fail loudly, not reach an LRS
    now = timezone.now()
    stored = _as_stored(
        data, stored_text=_stored_text(now), authority=platform_authority()
    )
    row = _row(stored, stored=now, client=None)
    # One query on PostgreSQL (see `recording`); an id already stored (the same
    # event again, even from a concurrent transaction) writes nothing. No
    # savepoint: a failure here fails the caller's transaction, as any query would.
    with transaction.atomic(savepoint=False):
        _insert_one(row)
    return row.statement_id


def store_statements(
    statements: list[dict[str, Any]],
    *,
    client: LRSClient | None,
    attachments: Mapping[str, ReceivedAttachment] | None = None,
) -> list[uuid.UUID]:
    """Store validated statements all-or-nothing; return their ids in order.

    `attachments` holds the received attachment data by sha2 (already matched
    to the statements); the data the new statements refer to is kept once per
    hash. Raises BadRequest for a batch with a repeated id or an invalid voiding
    target, StatementConflict for an id already stored with different content,
    and BadRequest for a statement the JSON it is stored and forwarded as would
    not give back whole (what is accepted can be fetched back unchanged).
    """
    for index, statement in enumerate(statements):
        try:
            ensure_round_trip(statement)
        except InputRefused as refused:
            raise BadRequest(f"Statement {index}: {refused.message}") from None
    ids: list[uuid.UUID] = []
    for statement in statements:
        if "id" not in statement:
            statement["id"] = str(uuid.uuid4())
        ids.append(uuid.UUID(statement["id"]))
    if len(set(ids)) != len(ids):
        raise BadRequest("The batch contains two or more statements with the same id.")
    existing = {
        row.statement_id: row.payload
        for row in Statement.objects.filter(statement_id__in=ids).only(
            "statement_id", "payload"
        )
    }
    authority = client.authority() if client else platform_authority()
    new = []
    for statement, statement_id in zip(statements, ids, strict=True):
        if statement_id not in existing:
            new.append(statement)
        elif not statements_match(existing[statement_id], statement):
            raise StatementConflict(
                f"Statement {statement_id} is already stored with different content."
            )
    if len(new) == 1 and _plain(new[0]):
        _store_one(new[0], authority=authority, client=client)
        return ids
    with transaction.atomic():
        rows = _store_many(new, authority=authority, client=client)
        _store_attachments(new, attachments or {})
        add_to_outbox(rows)
    return ids


def _plain(statement: dict[str, Any]) -> bool:
    """Neither voiding nor carrying attachments: what most single POSTs are."""
    return (
        statement["verb"]["id"] != Verbs.VOIDED.iri
        and "attachments" not in statement
        and "attachments" not in statement["object"]
    )


def _store_one(
    statement: dict[str, Any], *, authority: dict[str, Any], client: LRSClient | None
) -> None:
    """One plain statement with its index rows, monthly count and outbox entries in
    one query on PostgreSQL (`recording`, as `record()` does): a single POST makes
    five round trips instead of eleven."""
    now = timezone.now()
    row = _row(
        _as_stored(statement, stored_text=_stored_text(now), authority=authority),
        stored=now,
        client=client,
    )
    with transaction.atomic():
        if _insert_one(row) is None:  # stored concurrently by another request
            raise StatementConflict("A statement id was stored concurrently.")


def _insert_one(row: Statement) -> int | None:
    """`recording.insert_statement` with the row's own agents and activities."""
    return recording.insert_statement(
        row,
        agents=[(key, direct) for key, direct in _agent_keys(row.payload) if key],
        activities=list(_activity_iris(row.payload)),
    )


def _attachment_hashes(statement: dict[str, Any]) -> Iterator[str]:
    for attachment in statement.get("attachments", []):
        yield attachment["sha2"].lower()
    if statement["object"].get("objectType") == "SubStatement":
        yield from _attachment_hashes(statement["object"])


def _store_attachments(
    statements: list[dict[str, Any]], received: Mapping[str, ReceivedAttachment]
) -> None:
    """Keep the data new statements refer to; a hash already stored is skipped.

    Data for statements that were already stored is not kept: a re-sent
    statement changes nothing (Communication 2.1.2.s2.b4).
    """
    wanted = {sha2 for s in statements for sha2 in _attachment_hashes(s)}
    AttachmentContent.objects.bulk_create(
        [
            AttachmentContent(
                sha2=sha2,
                content_type=received[sha2].content_type,
                length=len(received[sha2].data),
                data=received[sha2].data,
            )
            for sha2 in sorted(wanted & set(received))
        ],
        ignore_conflicts=True,
    )


def _store_many(
    statements: list[dict[str, Any]],
    *,
    authority: dict[str, Any],
    client: LRSClient | None,
) -> list[Statement]:
    """Insert new statements and their index rows in a handful of queries."""
    if not statements:
        return []
    now = timezone.now()
    stored_text = _stored_text(now)
    rows = [
        _row(
            _as_stored(received, stored_text=stored_text, authority=authority),
            stored=now,
            client=client,
        )
        for received in statements
    ]
    targets = _voiding_targets(rows)
    try:
        with transaction.atomic():
            Statement.objects.bulk_create(rows)
    except IntegrityError as exc:  # stored concurrently by another request
        raise StatementConflict("A statement id was stored concurrently.") from exc
    if any(row.pk is None for row in rows):  # backends that cannot return ids
        pks = dict(
            Statement.objects.filter(
                statement_id__in=[row.statement_id for row in rows]
            ).values_list("statement_id", "pk")
        )
        for row in rows:
            row.pk = pks[row.statement_id]
    StatementAgent.objects.bulk_create(
        StatementAgent(statement=row, agent_key=key, is_direct=direct)
        for row in rows
        for key, direct in _agent_keys(row.payload)
        if key
    )
    StatementActivity.objects.bulk_create(
        StatementActivity(statement=row, activity_iri=iri, is_direct=direct)
        for row in rows
        for iri, direct in _activity_iris(row.payload)
    )
    changes = activity.count(rows)
    if targets:
        voided = Statement.objects.filter(statement_id__in=targets, is_voided=False)
        # Voided statements leave the activity figures (their voiding ones count).
        changes.subtract(activity.count(voided.only("timestamp", "verb_iri")))
        voided.update(is_voided=True)
    activity.adjust(changes)
    return rows


def _stored_text(now: datetime) -> str:
    return now.isoformat().replace("+00:00", "Z")


def _as_stored(
    received: dict[str, Any], *, stored_text: str, authority: dict[str, Any]
) -> dict[str, Any]:
    """The statement as the LRS keeps and returns it: with stored and authority,
    every contextActivities value an array (Data 2.4.6.2.s4.b3)."""
    data = dict(context_activities_as_arrays(received))
    data["stored"] = stored_text
    data["authority"] = authority
    data.setdefault("version", "1.0.0")
    data.setdefault("timestamp", stored_text)
    return data


def _row(data: dict[str, Any], *, stored: Any, client: LRSClient | None) -> Statement:
    obj = data["object"]
    object_type = obj.get("objectType", "Activity")
    return Statement(
        statement_id=uuid.UUID(data["id"]),
        payload=data,
        stored=stored,
        timestamp=parse_timestamp(data["timestamp"]),
        verb_iri=data["verb"]["id"],
        actor_key=agent_key(data["actor"]),
        object_activity_iri=obj["id"] if object_type == "Activity" else "",
        object_agent_key=agent_key(obj) if object_type in ("Agent", "Group") else "",
        object_statement_id=uuid.UUID(obj["id"])
        if object_type == "StatementRef"
        else None,
        registration=_registration(data),
        client=client,
    )


def _registration(data: dict[str, Any]) -> uuid.UUID | None:
    registration = data.get("context", {}).get("registration")
    return uuid.UUID(registration) if registration else None


def _voiding_targets(rows: list[Statement]) -> set[uuid.UUID]:
    """Ids the voiding statements among `rows` target; refuses voiding a voider."""
    targets = {
        row.object_statement_id
        for row in rows
        if row.verb_iri == Verbs.VOIDED.iri and row.object_statement_id is not None
    }
    if not targets:
        return set()
    voiders_in_batch = {
        row.statement_id for row in rows if row.verb_iri == Verbs.VOIDED.iri
    }
    if (
        targets & voiders_in_batch
        or Statement.objects.filter(
            statement_id__in=targets, verb_iri=Verbs.VOIDED.iri
        ).exists()
    ):
        raise BadRequest("A voiding statement cannot itself be voided.")
    return targets


def _agents_in(agent: dict[str, Any]) -> Iterator[str]:
    yield agent_key(agent)
    for member in agent.get("member", []) or []:
        yield agent_key(member)


def _agent_keys(data: dict[str, Any]) -> Iterable[tuple[str, bool]]:
    """(key, is_direct) for the actor, the object, and every other agent mentioned."""
    seen: dict[str, bool] = {}

    def add(agent: dict[str, Any] | None, direct: bool) -> None:
        # A Group's members match the `agent` filter like the Group itself (spec).
        for key in _agents_in(agent) if agent else ():
            seen[key] = seen.get(key, False) or direct

    add(data["actor"], True)
    obj = data["object"]
    if obj.get("objectType") in ("Agent", "Group"):
        add(obj, True)
    add(data.get("authority"), False)
    context = data.get("context", {})
    add(context.get("instructor"), False)
    add(context.get("team"), False)
    if obj.get("objectType") == "SubStatement":
        add(obj.get("actor"), False)
        inner = obj.get("object", {})
        if inner.get("objectType") in ("Agent", "Group"):
            add(inner, False)
        add(obj.get("context", {}).get("instructor"), False)
        add(obj.get("context", {}).get("team"), False)
    return seen.items()


def _context_activity_iris(context: dict[str, Any]) -> Iterator[str]:
    for value in (context.get("contextActivities") or {}).values():
        for item in value if isinstance(value, list) else [value]:
            yield item["id"]


def _activity_iris(data: dict[str, Any]) -> Iterable[tuple[str, bool]]:
    seen: dict[str, bool] = {}
    obj = data["object"]
    if obj.get("objectType", "Activity") == "Activity":
        seen[obj["id"]] = True
    for iri in _context_activity_iris(data.get("context", {})):
        seen.setdefault(iri, False)
    if obj.get("objectType") == "SubStatement":
        inner = obj.get("object", {})
        if inner.get("objectType", "Activity") == "Activity":
            seen.setdefault(inner["id"], False)
        for iri in _context_activity_iris(obj.get("context", {})):
            seen.setdefault(iri, False)
    return seen.items()


def create_client(
    *, name: str, can_read: bool = True, can_write: bool = True
) -> tuple[LRSClient, str]:
    """Create LRS credentials; returns the client and its secret (shown only once)."""
    secret = LRSClient.new_secret()
    client = LRSClient(
        name=name, key=LRSClient.new_key(), can_read=can_read, can_write=can_write
    )
    client.set_secret(secret)
    client.save()
    return client, secret
