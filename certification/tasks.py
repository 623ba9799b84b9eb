"""Celery tasks of the certification app: thin, idempotent, keyed by primary key."""

from __future__ import annotations

import logging

from celery import shared_task

from . import services
from .models import Decision
from .openbadges.keys import KeyConfigurationError

logger = logging.getLogger(__name__)

MAX_RETRIES = 8


@shared_task(bind=True, max_retries=MAX_RETRIES, acks_late=True)
def issue_credential(self, decision_id: int) -> int | None:  # type: ignore[no-untyped-def]
    """Issue the credential of an awarded decision (once: a second run returns the
    same credential's id). Retried with back-off while no key can sign."""
    decision = Decision.objects.filter(pk=decision_id).first()
    if decision is None:
        return None
    try:
        return services.issue_credential(decision=decision).pk
    except KeyConfigurationError as exc:
        logger.error("Cannot issue the credential of decision %s: %s", decision_id, exc)
        raise self.retry(countdown=min(60 * 2**self.request.retries, 3600)) from exc


@shared_task
def issue_pending_credentials() -> int:
    """Enqueue every award that has no credential yet (beat: hourly)."""
    return services.enqueue_pending_credentials()


@shared_task
def send_expiry_reminders() -> int:
    """Reminders 60 and 14 days before a certificate lapses (beat: daily)."""
    return services.send_expiry_reminders()


@shared_task
def refresh_status_lists() -> int:
    """Re-sign the status lists before their validUntil (beat: hourly)."""
    return services.refresh_status_lists()
