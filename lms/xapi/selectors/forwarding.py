"""Reads of the forwarding outbox: where statements go, and how far behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from ..conf import xapi_settings
from ..models import Destination, DestinationHealth, OutboxEntry
from ..rules import circuit


@dataclass(frozen=True)
class DestinationStatus:
    destination: Destination
    pending: int
    dead: int
    oldest_pending: datetime | None
    health: DestinationHealth | None = None

    @property
    def state(self) -> circuit.State:
        """healthy, backing off, or open (failing since `health.failing_since`)."""
        if self.health is None:
            return circuit.State.HEALTHY
        return circuit_of(self.health).state(circuit_policy())

    @property
    def throughput(self) -> circuit.Throughput:
        """Statements delivered this clock hour and the one before, as of now."""
        if self.health is None:
            return circuit.Throughput()
        return circuit.roll(throughput_of(self.health), timezone.now())

    @property
    def oldest_pending_age(self) -> timedelta | None:
        return timezone.now() - self.oldest_pending if self.oldest_pending else None


def circuit_policy() -> circuit.Policy:
    """The circuit breaker's settings (ENGAGE_XAPI_CIRCUIT_THRESHOLD, …)."""
    return circuit.Policy(
        threshold=xapi_settings.circuit_threshold,
        probe_base=xapi_settings.probe_base,
        probe_max=xapi_settings.probe_max,
    )


def enabled_destinations() -> QuerySet[Destination]:
    """The destinations every newly stored statement gets an outbox entry for."""
    return Destination.objects.filter(enabled=True)


def destination_statuses() -> list[DestinationStatus]:
    """Pending and dead counts and the oldest pending entry, per destination."""
    rows = Destination.objects.annotate(
        pending=Count("outbox", filter=Q(outbox__state=OutboxEntry.State.PENDING)),
        dead=Count("outbox", filter=Q(outbox__state=OutboxEntry.State.DEAD)),
        oldest_pending=Min(
            "outbox__created_at", filter=Q(outbox__state=OutboxEntry.State.PENDING)
        ),
    ).order_by("name")
    health = {row.pk: row for row in DestinationHealth.objects.all()}
    return [
        DestinationStatus(
            destination=row,
            pending=row.pending,
            dead=row.dead,
            oldest_pending=row.oldest_pending,
            health=health.get(row.pk),
        )
        for row in rows
    ]


def circuit_of(health: DestinationHealth) -> circuit.Circuit:
    return circuit.Circuit(
        consecutive_failures=health.consecutive_failures,
        failing_since=health.failing_since,
        next_probe_at=health.next_probe_at,
        probe_interval=health.probe_interval,
    )


def dead_letters(destination_id: int, *, limit: int = 100) -> list[OutboxEntry]:
    return list(
        OutboxEntry.objects.filter(
            destination_id=destination_id, state=OutboxEntry.State.DEAD
        )
        .select_related("statement")
        .order_by("-pk")[:limit]
    )


def throughput_of(health: DestinationHealth) -> circuit.Throughput:
    return circuit.Throughput(
        hour=health.hour,
        this_hour=health.sent_this_hour,
        previous_hour=health.sent_previous_hour,
    )


def dead_letter_count() -> int:
    """Statements no destination took, over every destination (one query)."""
    return OutboxEntry.objects.filter(state=OutboxEntry.State.DEAD).count()
