"""Forwarding stored statements to external LRSs through a transactional outbox.

Every stored statement gets one OutboxEntry per enabled Destination in the same
transaction. Workers claim due entries with a lease, POST them in batches and mark
them sent; a failure backs off exponentially and, after `max_attempts`, parks the
entry as a dead letter. A statement the destination refuses or fails on (5xx) while
it takes the rest is split out of its batch and dead-lettered at once (`_deliver`).
A worker that dies mid-batch leaves its entries leased; when the lease runs out
they are sent again, which an LRS treats as a no-op because statement ids are
stable. Nothing is lost, nothing arrives twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import requests
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from lms.queueing import enqueue_or_log

from ..models import Destination, OutboxEntry, Statement
from ..rules import multipart
from ..rules.circuit import Decision, storable
from ..selectors.forwarding import circuit_policy, enabled_destinations
from ..selectors.statements import attachments_of
from . import destination_health as health

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 3600
# The receiving LRS sets these itself, from its own clock and our credentials.
NOT_FORWARDED = ("stored", "authority")


@dataclass(frozen=True)
class BatchResult:
    sent: int = 0
    failed: int = 0
    dead: int = 0


def add_to_outbox(statements: Sequence[Statement]) -> list[int]:
    """Create outbox entries for enabled destinations; returns their ids.

    Call inside the transaction that stores the statements.
    """
    destination_ids = list(enabled_destinations().values_list("pk", flat=True))
    if not destination_ids or not statements:
        return []
    now = timezone.now()
    OutboxEntry.objects.bulk_create(
        [
            OutboxEntry(
                destination_id=destination_id,
                statement=statement,
                next_attempt_at=now,
                created_at=now,
            )
            for destination_id in destination_ids
            for statement in statements
        ],
        ignore_conflicts=True,
    )
    kick_after_commit(destination_ids)
    return destination_ids


def kick_after_commit(destination_ids: list[int]) -> None:
    """Start forwarding to these destinations once the transaction commits."""
    transaction.on_commit(lambda: kick(destination_ids))


KICK_DEBOUNCE_SECONDS = 2
FORWARD_STATEMENTS = health.FORWARD_STATEMENTS


def kick(destination_ids: Iterable[int]) -> None:
    for destination_id in destination_ids:
        # One task per destination every couple of seconds is enough: a drain
        # sends everything due, and beat's forward_all catches any stragglers.
        if not cache.add(
            f"engage_xapi:kick:{destination_id}", 1, KICK_DEBOUNCE_SECONDS
        ):
            continue
        # A broker that is down is logged; beat's forward_all picks it up.
        enqueue_or_log(FORWARD_STATEMENTS, destination_id)


def backoff(attempts: int) -> timedelta:
    """Delay before the next try after `attempts` failures (30 s doubling, max 1 h)."""
    seconds = BACKOFF_BASE_SECONDS * 2 ** max(0, attempts - 1)
    return timedelta(seconds=min(seconds, BACKOFF_MAX_SECONDS))


def _claim(destination: Destination) -> list[OutboxEntry]:
    """Lease the next due batch so no other worker sends it meanwhile."""
    now = timezone.now()
    lease = timedelta(seconds=destination.timeout_seconds * 3 + 30)
    with transaction.atomic():
        ids = list(
            OutboxEntry.objects.select_for_update()
            .filter(
                destination=destination,
                state=OutboxEntry.State.PENDING,
                next_attempt_at__lte=now,
            )
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[: destination.batch_size]
        )
        # The update re-checks the due time, and only rows carrying this lease
        # are returned: a concurrent claimer that read the same rows (SQLite has
        # no row locks) gets none of them.
        lease_until = now + lease
        OutboxEntry.objects.filter(pk__in=ids, next_attempt_at__lte=now).update(
            next_attempt_at=lease_until
        )
    return list(
        OutboxEntry.objects.filter(pk__in=ids, next_attempt_at=lease_until)
        .select_related("statement")
        .order_by("pk")
    )


def _payload(entry: OutboxEntry) -> dict[str, Any]:
    return {k: v for k, v in entry.statement.payload.items() if k not in NOT_FORWARDED}


def _body(entries: Sequence[OutboxEntry]) -> tuple[bytes, str]:
    """The batch as JSON, or as multipart/mixed when the LRS holds attachment data
    for it: an LRS MUST NOT push statements without the attachment data it
    received (Communication 1.5.2.s3.b3)."""
    payloads = [_payload(entry) for entry in entries]
    document = json.dumps(payloads).encode("utf-8")
    rows = attachments_of(payloads)
    if not rows:
        return document, "application/json"
    parts = [({"Content-Type": "application/json"}, document)]
    parts += [
        multipart.attachment_part(row.content_type, row.sha2, bytes(row.data))
        for row in rows
    ]
    content, boundary = multipart.build(parts)
    return content, f"multipart/mixed; boundary={boundary}"


def _post(destination: Destination, entries: Sequence[OutboxEntry]) -> tuple[int, str]:
    """POST the batch; (status, error text). Status 0 means no answer."""
    body, content_type = _body(entries)
    try:
        response = requests.post(
            destination.statements_url,
            data=body,
            auth=(destination.username, destination.password),
            headers={
                "X-Experience-API-Version": "1.0.3",
                "Content-Type": content_type,
            },
            timeout=destination.timeout_seconds,
        )
    except requests.RequestException as exc:
        return 0, f"{type(exc).__name__}: {exc}"[:2000]
    if response.status_code in (200, 204):
        return response.status_code, ""
    return response.status_code, f"HTTP {response.status_code}: {response.text[:1500]}"


def _mark_sent(entries: Sequence[OutboxEntry]) -> None:
    OutboxEntry.objects.filter(pk__in=[e.pk for e in entries]).update(
        state=OutboxEntry.State.SENT, sent_at=timezone.now(), last_error=""
    )


def _mark_failed(
    destination: Destination, entries: Sequence[OutboxEntry], error: str, *, final: bool
) -> BatchResult:
    dead = 0
    now = timezone.now()
    for entry in entries:
        entry.attempts += 1
        entry.last_error = storable(error)
        if final or entry.attempts >= destination.max_attempts:
            entry.state = OutboxEntry.State.DEAD
            dead += 1
        entry.next_attempt_at = now + backoff(entry.attempts)
    OutboxEntry.objects.bulk_update(
        entries, ["attempts", "last_error", "state", "next_attempt_at"]
    )
    return BatchResult(failed=len(entries) - dead, dead=dead)


REJECTED = (400, 409, 413)


class _Outage(Exception):
    """Every request so far failed without a verdict: the destination is down."""


class _Probe:
    """Whether the destination has shown, in this delivery, that it is up: it
    accepted a batch or judged one (400, 409, 413)."""

    def __init__(self) -> None:
        self.alive = False


def _sum(results: Iterable[BatchResult]) -> BatchResult:
    results = list(results)
    return BatchResult(
        sent=sum(r.sent for r in results),
        failed=sum(r.failed for r in results),
        dead=sum(r.dead for r in results),
    )


def _deliver(destination: Destination, entries: Sequence[OutboxEntry]) -> BatchResult:
    """POST the batch; on a refusal or a server error, split it until the
    statements the destination cannot take stand alone as dead letters.

    A server error for a whole batch may be an outage or one poisoned statement.
    The halves tell: when one succeeds (or is judged) the destination is up and a
    statement that still fails on its own is poison; when every request down to
    single statements fails, the destination is down and the batch backs off,
    nothing dead-lettered before `max_attempts`.
    """
    status, error = _post(destination, entries)
    try:
        result = _settle(destination, entries, status, error, _Probe())
    except _Outage:
        health.record_error(destination.pk, status, error, outage=True)
        return _mark_failed(destination, entries, error, final=False)
    if result.dead or result.failed:
        health.record_error(destination.pk, status, error, outage=False)
    health.record_delivery(destination.pk, result.sent)
    return result


def _settle(
    destination: Destination,
    entries: Sequence[OutboxEntry],
    status: int,
    error: str,
    probe: _Probe,
) -> BatchResult:
    """Record one answer for `entries`. Nothing is written while the destination
    has not shown it is up, so an outage found later leaves no partial marks."""
    if not error:
        _mark_sent(entries)
        return BatchResult(sent=len(entries))
    if status in REJECTED:
        probe.alive = True  # a verdict: the destination is up
        if len(entries) == 1:
            return _mark_failed(destination, entries, error, final=True)
        return _split(destination, entries, probe)
    if status >= 500 and len(entries) > 1:
        return _split(destination, entries, probe)
    if not probe.alive:
        raise _Outage
    # The destination is up: a statement failing alone with a server error is
    # poison; anything else (no answer, 401, 429 …) is tried again later.
    poison = status >= 500
    return _mark_failed(destination, entries, error, final=poison)


def _split(
    destination: Destination, entries: Sequence[OutboxEntry], probe: _Probe
) -> BatchResult:
    """Send both halves first (either succeeding proves the destination is up),
    then settle each."""
    middle = len(entries) // 2
    halves = (entries[:middle], entries[middle:])
    answers = [_post(destination, half) for half in halves]
    if any(not error or status in REJECTED for status, error in answers):
        probe.alive = True
    return _sum(
        _settle(destination, half, status, error, probe)
        for half, (status, error) in zip(halves, answers, strict=True)
    )


def forward_batch(destination_id: int) -> BatchResult | None:
    """Send the next due batch to one destination; None when nothing is due or
    its circuit is open (`drain` probes it then)."""
    destination = Destination.objects.filter(pk=destination_id, enabled=True).first()
    if destination is None:
        return None
    if health.decision(destination_id, timezone.now()) is not Decision.SEND:
        return None
    entries = _claim(destination)
    if not entries:
        return None
    return _deliver(destination, entries)


def probe(destination_id: int) -> BatchResult:
    """One small request to a destination whose circuit is open, when its probe
    is due: its longest-waiting pending statement, or GET about when none is
    pending. An answer closes the circuit (and queues a drain); no answer
    leaves it open, the statement pending (an outage dead-letters nothing)."""
    destination = Destination.objects.filter(pk=destination_id, enabled=True).first()
    now = timezone.now()
    if destination is None or not health.claim_probe(destination_id, now):
        return BatchResult()
    entry = (
        OutboxEntry.objects.filter(
            destination=destination, state=OutboxEntry.State.PENDING
        )
        .select_related("statement")
        .order_by("next_attempt_at", "pk")
        .first()
    )
    status, error = _post(destination, [entry]) if entry else _get_about(destination)
    if error and status not in REJECTED:
        health.record_error(destination_id, status, error, outage=True)
        if entry is not None:
            # The next probe takes another statement: one that is poison
            # cannot keep the circuit open while others wait.
            later = now + circuit_policy().probe_max
            OutboxEntry.objects.filter(pk=entry.pk).update(next_attempt_at=later)
        return BatchResult()
    up = _Probe()
    up.alive = True
    result = (
        _settle(destination, [entry], status, error, up) if entry else BatchResult()
    )
    if error:
        health.record_error(destination_id, status, error, outage=False)
    health.record_delivery(destination_id, result.sent)
    return result


def _get_about(destination: Destination) -> tuple[int, str]:
    try:
        response = requests.get(
            destination.endpoint.rstrip("/") + "/about",
            headers={"X-Experience-API-Version": "1.0.3"},
            timeout=destination.timeout_seconds,
        )
    except requests.RequestException as exc:
        return 0, f"{type(exc).__name__}: {exc}"[:2000]
    if response.status_code == 200:
        return 200, ""
    return response.status_code, f"HTTP {response.status_code}: {response.text[:1500]}"


def drain(destination_id: int, *, max_batches: int = 1000) -> BatchResult:
    """Send due batches until none is due or a batch fails (then back off).

    A destination whose circuit is open gets one probe when it is due, and
    nothing else: a probe that succeeds queues a drain of its own."""
    decision = health.decision(destination_id, timezone.now())
    if decision is Decision.WAIT:
        return BatchResult()
    if decision is Decision.PROBE:
        return probe(destination_id)
    total = BatchResult()
    for _ in range(max_batches):
        result = forward_batch(destination_id)
        if result is None:
            break
        total = _sum((total, result))
        if result.failed:
            # Back off. Dead letters alone do not stop the drain: a poisoned
            # statement isolated as one says the destination is up.
            break
    return total


def drain_all() -> int:
    """Drain every enabled destination (retries, lost kicks); how many were sent."""
    destination_ids = enabled_destinations().values_list("pk", flat=True)
    return sum(drain(destination_id).sent for destination_id in destination_ids)
