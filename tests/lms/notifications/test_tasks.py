"""Celery tasks of the outbox, run eagerly in the test process."""

from __future__ import annotations

import pytest
from django.core import mail

from lms.notifications import services, tasks
from lms.notifications.models import OutgoingEmail
from lms.notifications.services import MAX_ATTEMPTS

pytestmark = pytest.mark.django_db


def queued() -> OutgoingEmail:
    return OutgoingEmail.objects.create(to="noor@example.org", subject="S", body="B")


def test_send_email_delivers_without_raising() -> None:
    email = queued()

    result = tasks.send_email.apply(args=[email.pk])

    assert result.successful()
    assert result.get() is True
    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get(pk=email.pk).sent_at is not None


def test_send_email_twice_sends_once() -> None:
    email = queued()

    tasks.send_email.apply(args=[email.pk])
    result = tasks.send_email.apply(args=[email.pk])

    assert result.get() is True
    assert len(mail.outbox) == 1


def test_send_email_for_a_deleted_message_succeeds_quietly() -> None:
    assert tasks.send_email.apply(args=[987654]).get() is True
    assert mail.outbox == []


def test_send_email_retries_a_failing_server_and_then_gives_up(monkeypatch) -> None:
    def refuse(self, fail_silently: bool = False) -> int:  # type: ignore[no-untyped-def]
        raise OSError("Connection refused")

    monkeypatch.setattr(services.EmailMessage, "send", refuse)
    email = queued()

    # Eagerly, each retry runs at once; after max_retries the task fails.
    result = tasks.send_email.apply(args=[email.pk])

    assert result.failed()
    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts == MAX_ATTEMPTS + 1
    assert "Connection refused" in email.last_error
    assert mail.outbox == []


def test_send_email_is_configured_for_safe_redelivery() -> None:
    assert tasks.send_email.max_retries == MAX_ATTEMPTS
    assert tasks.send_email.acks_late is True


def test_send_pending_emails_enqueues_each_pending_message(monkeypatch) -> None:
    enqueued: list[int] = []
    monkeypatch.setattr(tasks.send_email, "delay", enqueued.append)
    monkeypatch.setattr(tasks.services, "pending_email_ids", lambda: [3, 5, 8])

    result = tasks.send_pending_emails.apply()

    assert result.get() == 3
    assert enqueued == [3, 5, 8]


def test_send_pending_emails_with_nothing_pending(monkeypatch) -> None:
    enqueued: list[int] = []
    monkeypatch.setattr(tasks.send_email, "delay", enqueued.append)
    queued()  # brand new: not pending yet

    assert tasks.send_pending_emails.apply().get() == 0
    assert enqueued == []


def test_the_retry_task_is_scheduled() -> None:
    from django.conf import settings

    schedule = settings.CELERY_BEAT_SCHEDULE["retry-unsent-email"]
    assert schedule["task"] == "lms.notifications.tasks.send_pending_emails"
    assert tasks.send_pending_emails.name == schedule["task"]
