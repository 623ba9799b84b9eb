"""Queueing statements for a destination again: a time range, the dead letters,
or one dead letter after the destination was fixed (`manage.py xapi_replay`,
the forwarding admin page)."""

from __future__ import annotations

import uuid
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..models import Destination, OutboxEntry, Statement
from .forwarding import kick


def replay(
    *,
    destination: Destination,
    since: datetime | None = None,
    until: datetime | None = None,
    dead_only: bool = False,
    statement_id: uuid.UUID | None = None,
) -> int:
    """Queue statements (stored in the range, or the one `statement_id`) for
    `destination` again; returns count.

    Statements that never had an entry (stored before the destination existed)
    get one; existing entries go back to pending with their attempts reset. A
    replayed statement that still poisons its batch is isolated again (`_deliver`).
    """
    statements = Statement.objects.all()
    if statement_id is not None:
        statements = statements.filter(statement_id=statement_id)
    if since is not None:
        statements = statements.filter(stored__gte=since)
    if until is not None:
        statements = statements.filter(stored__lte=until)
    now = timezone.now()
    with transaction.atomic():
        entries = OutboxEntry.objects.filter(
            destination=destination, statement__in=statements
        )
        if dead_only:
            entries = entries.filter(state=OutboxEntry.State.DEAD)
        count = entries.update(
            state=OutboxEntry.State.PENDING,
            attempts=0,
            next_attempt_at=now,
            last_error="",
        )
        if not dead_only:
            missing = statements.exclude(
                pk__in=OutboxEntry.objects.filter(destination=destination).values(
                    "statement_id"
                )
            )
            new = OutboxEntry.objects.bulk_create(
                [
                    OutboxEntry(
                        destination=destination,
                        statement=statement,
                        next_attempt_at=now,
                        created_at=now,
                    )
                    for statement in missing.only("pk").iterator()
                ],
                ignore_conflicts=True,
            )
            count += len(new)
        transaction.on_commit(lambda: kick([destination.pk]))
    return count
