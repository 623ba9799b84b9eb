"""Celery tasks of lms.xapi: thin and idempotent, keyed by primary key."""

from __future__ import annotations

from celery import shared_task

from .services import forwarding


@shared_task(acks_late=True, ignore_result=True)
def forward_statements(destination_id: int) -> int:
    """Drain the due outbox of one destination; returns how many were sent."""
    return forwarding.drain(destination_id).sent


@shared_task(ignore_result=True)
def forward_all() -> int:
    """Beat's safety net: drain every enabled destination (retries, lost kicks)."""
    return forwarding.drain_all()
