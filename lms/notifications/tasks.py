"""Celery tasks for e-mail: thin, idempotent, keyed by primary key."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True)
def send_email(self, email_id: int) -> bool:  # type: ignore[no-untyped-def]
    delivered = services.deliver_email(email_id=email_id)
    if not delivered:
        raise self.retry(countdown=min(60 * 2**self.request.retries, 3600))
    return delivered


@shared_task
def send_pending_emails() -> int:
    """Re-enqueue e-mails whose first delivery failed or was never picked up."""
    ids = services.pending_email_ids()
    for email_id in ids:
        send_email.delay(email_id)
    return len(ids)
