"""What forwarding records about each destination: its circuit breaker, the last
error and success, and how many statements it took this hour and the last.

The decisions are `rules/circuit.py`'s; this module loads and stores them. Each
change runs in a transaction that locks the destination's health row, so
workers draining at once count every failure and delivery.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from lms.queueing import enqueue_on_commit

from ..models import DestinationHealth, OutboxEntry
from ..rules import circuit as rules
from ..rules.circuit import Circuit, Decision, Throughput
from ..selectors.forwarding import circuit_of, circuit_policy, throughput_of

FORWARD_STATEMENTS = "lms.xapi.tasks.forward_statements"


def _store_circuit(health: DestinationHealth, circuit: Circuit) -> None:
    health.consecutive_failures = circuit.consecutive_failures
    health.failing_since = circuit.failing_since
    health.next_probe_at = circuit.next_probe_at
    health.probe_interval = circuit.probe_interval


def _locked(destination_id: int) -> DestinationHealth:
    """The destination's health row, locked until the transaction ends."""
    DestinationHealth.objects.get_or_create(destination_id=destination_id)
    return DestinationHealth.objects.select_for_update().get(
        destination_id=destination_id
    )


def decision(destination_id: int, now: datetime) -> Decision:
    """Whether the drain may send batches, should probe, or must wait."""
    health = DestinationHealth.objects.filter(destination_id=destination_id).first()
    if health is None:
        return Decision.SEND
    return rules.decide(circuit_of(health), circuit_policy(), now)


def claim_probe(destination_id: int, now: datetime) -> bool:
    """Take the due probe, so that one worker sends it and the others wait:
    the next probe moves on by the current interval until the answer is in."""
    policy = circuit_policy()
    health = DestinationHealth.objects.filter(destination_id=destination_id).first()
    if health is None:
        return False
    claimed = (
        DestinationHealth.objects.filter(destination_id=destination_id)
        .filter(Q(next_probe_at__isnull=True) | Q(next_probe_at__lte=now))
        .update(next_probe_at=now + max(health.probe_interval, policy.probe_base))
    )
    return bool(claimed)


def record_delivery(destination_id: int, sent: int) -> bool:
    """The destination accepted or judged statements: close its circuit and
    count what arrived. True when this closed an open circuit; then its
    pending entries are due at once and a drain is queued (no wait for beat)."""
    now = timezone.now()
    policy = circuit_policy()
    with transaction.atomic():
        health = _locked(destination_id)
        was_open = circuit_of(health).state(policy) is rules.State.OPEN
        _store_circuit(health, rules.after_success(circuit_of(health)))
        health.last_success_at = now
        _store_throughput(health, rules.roll(throughput_of(health), now, add=sent))
        health.save()
        if was_open:
            _wake(destination_id, now)
    return was_open


def record_error(destination_id: int, status: int, error: str, *, outage: bool) -> None:
    """Keep the destination's answer (status 0: none) as its last error; an
    outage also counts towards opening the circuit."""
    now = timezone.now()
    with transaction.atomic():
        health = _locked(destination_id)
        if outage:
            policy = circuit_policy()
            _store_circuit(health, rules.after_outage(circuit_of(health), policy, now))
        health.last_error_status = status or None
        # The status has a column of its own: not repeated in the excerpt.
        health.last_error = rules.error_excerpt(error.removeprefix(f"HTTP {status}:"))
        health.last_error_at = now
        health.save()


def request_probe(destination_id: int) -> None:
    """An operator's "probe now": the next drain probes at once, and one is queued."""
    now = timezone.now()
    with transaction.atomic():
        health = _locked(destination_id)
        policy = circuit_policy()
        _store_circuit(health, rules.probe_now(circuit_of(health), policy, now))
        health.save()
        enqueue_on_commit(FORWARD_STATEMENTS, destination_id)


def _wake(destination_id: int, now: datetime) -> None:
    """Make what waited for the destination due now, and queue its drain."""
    OutboxEntry.objects.filter(
        destination_id=destination_id,
        state=OutboxEntry.State.PENDING,
        next_attempt_at__gt=now,
    ).update(next_attempt_at=now)
    enqueue_on_commit(FORWARD_STATEMENTS, destination_id)


def _store_throughput(health: DestinationHealth, throughput: Throughput) -> None:
    health.hour = throughput.hour
    health.sent_this_hour = throughput.this_hour
    health.sent_previous_hour = throughput.previous_hour
