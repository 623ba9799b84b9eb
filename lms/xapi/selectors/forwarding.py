"""Reads of the forwarding outbox: where statements go, and how far behind."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone

from ..models import Destination, OutboxEntry


@dataclass(frozen=True)
class DestinationStatus:
    destination: Destination
    pending: int
    dead: int
    oldest_pending: datetime | None

    @property
    def oldest_pending_age(self) -> timedelta | None:
        return timezone.now() - self.oldest_pending if self.oldest_pending else None


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
    return [
        DestinationStatus(
            destination=row,
            pending=row.pending,
            dead=row.dead,
            oldest_pending=row.oldest_pending,
        )
        for row in rows
    ]


def dead_letters(destination_id: int, *, limit: int = 100) -> list[OutboxEntry]:
    return list(
        OutboxEntry.objects.filter(
            destination_id=destination_id, state=OutboxEntry.State.DEAD
        )
        .select_related("statement")
        .order_by("-pk")[:limit]
    )


def dead_letter_count() -> int:
    """Statements no destination took, over every destination (one query)."""
    return OutboxEntry.objects.filter(state=OutboxEntry.State.DEAD).count()
