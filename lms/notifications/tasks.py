"""Celery tasks for e-mail and digests: thin, idempotent, keyed by primary key."""

from __future__ import annotations

from celery import shared_task

from . import services
from .models import DigestFrequency


@shared_task(bind=True, max_retries=services.MAX_ATTEMPTS, acks_late=True)
def send_email(self, email_id: int) -> bool:  # type: ignore[no-untyped-def]
    delivered = services.deliver_email(email_id=email_id)
    if not delivered:
        raise self.retry(countdown=min(60 * 2**self.request.retries, 3600))
    return delivered


@shared_task
def send_pending_emails() -> int:
    """Re-enqueue e-mails whose first delivery failed or was never picked up."""
    return services.resend_pending_emails()


@shared_task
def send_daily_digests() -> int:
    """The daily digest e-mails (beat: every day at 06:00); safe to run twice."""
    return services.send_digests(frequency=DigestFrequency.DAILY)


@shared_task
def send_weekly_digests() -> int:
    """The weekly digest e-mails (beat: Mondays at 06:00); safe to run twice."""
    return services.send_digests(frequency=DigestFrequency.WEEKLY)
