"""Queueing and delivering e-mail."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone

from .models import OutgoingEmail

MAX_ATTEMPTS = 8


def queue_email(*, to: str, subject: str, body: str) -> OutgoingEmail:
    """Store an e-mail and have a worker deliver it after this transaction commits."""
    from .tasks import send_email

    email = OutgoingEmail.objects.create(to=to, subject=subject[:300], body=body)
    transaction.on_commit(lambda: send_email.delay(email.pk))
    return email


def deliver_email(*, email_id: int) -> bool:
    """Send one queued e-mail; True when it is (now or already) delivered.

    Locks the row so two workers never send the same message twice.
    """
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.sent_at is not None:
            return True  # deleted or already delivered: nothing left to do
        email.attempts += 1
        try:
            EmailMessage(
                subject=email.subject,
                body=email.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email.to],
            ).send()
        except OSError as exc:  # SMTP and socket errors
            email.last_error = str(exc)[:2000]
            email.save(update_fields=["attempts", "last_error"])
            return False
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def pending_email_ids(*, older_than: timedelta = timedelta(minutes=5)) -> list[int]:
    """E-mails still unsent after `older_than` and not yet given up on."""
    cutoff = timezone.now() - older_than
    return list(
        OutgoingEmail.objects.filter(
            sent_at__isnull=True, created_at__lte=cutoff, attempts__lt=MAX_ATTEMPTS
        ).values_list("pk", flat=True)[:500]
    )
