"""Celery tasks of the trajectories app: thin and idempotent."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task
def send_evaluation_invitations() -> int:
    """Invite the participants of sessions that ended to evaluate them (beat:
    every 15 minutes); each person is told once per session."""
    return services.send_evaluation_invitations()
