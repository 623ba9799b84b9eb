"""The e-mail outbox: queue, deliver once, remember failures, retry what is pending."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from lms.notifications import services
from lms.notifications.models import OutgoingEmail
from lms.notifications.services import (
    MAX_ATTEMPTS,
    deliver_email,
    pending_email_ids,
    queue_email,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def delayed(monkeypatch) -> list[int]:
    """The ids handed to the Celery task's delay(), instead of a broker."""
    from lms.notifications import tasks

    calls: list[int] = []
    monkeypatch.setattr(tasks.send_email, "delay", calls.append)
    return calls


@pytest.fixture
def smtp_down(monkeypatch) -> None:
    def refuse(self, fail_silently: bool = False) -> int:  # type: ignore[no-untyped-def]
        raise OSError("[Errno 111] Connection refused")

    monkeypatch.setattr(services.EmailMessage, "send", refuse)


def queued(**overrides: str) -> OutgoingEmail:
    fields = {"to": "noor@example.org", "subject": "Welcome", "body": "Hello Noor"}
    fields.update(overrides)
    return OutgoingEmail.objects.create(**fields)


def test_queue_email_stores_the_message(delayed) -> None:
    email = queue_email(to="noor@example.org", subject="Welcome", body="Hello Noor")

    stored = OutgoingEmail.objects.get()
    assert stored == email
    assert (stored.to, stored.subject, stored.body) == (
        "noor@example.org",
        "Welcome",
        "Hello Noor",
    )
    assert stored.sent_at is None
    assert stored.attempts == 0
    assert str(stored) == "Welcome → noor@example.org"


def test_queue_email_enqueues_delivery_only_after_commit(
    delayed, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = queue_email(to="a@example.org", subject="S", body="B")
    assert delayed == []
    assert len(callbacks) == 1

    callbacks[0]()

    assert delayed == [email.pk]
    assert mail.outbox == []  # delivery is the worker's job


def test_queue_email_cuts_an_overlong_subject(delayed) -> None:
    email = queue_email(to="a@example.org", subject="S" * 400, body="B")

    assert len(OutgoingEmail.objects.get(pk=email.pk).subject) == 300


@override_settings(DEFAULT_FROM_EMAIL="Engage PD <pd@example.org>")
def test_deliver_email_sends_and_marks_it_sent() -> None:
    email = queued()

    assert deliver_email(email_id=email.pk) is True

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["noor@example.org"]
    assert message.subject == "Welcome"
    assert message.body == "Hello Noor"
    assert message.from_email == "Engage PD <pd@example.org>"
    email.refresh_from_db()
    assert email.sent_at is not None
    assert email.attempts == 1
    assert email.last_error == ""


def test_deliver_email_is_idempotent() -> None:
    email = queued()

    assert deliver_email(email_id=email.pk) is True
    sent_at = OutgoingEmail.objects.get(pk=email.pk).sent_at
    assert deliver_email(email_id=email.pk) is True
    assert deliver_email(email_id=email.pk) is True

    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1
    assert email.sent_at == sent_at


def test_delivering_a_deleted_email_is_a_no_op() -> None:
    email = queued()
    email.delete()

    assert deliver_email(email_id=email.pk) is True
    assert mail.outbox == []


def test_a_failing_mail_server_is_recorded_and_reported(smtp_down) -> None:
    email = queued()

    assert deliver_email(email_id=email.pk) is False
    assert deliver_email(email_id=email.pk) is False

    email.refresh_from_db()
    assert email.sent_at is None
    assert email.attempts == 2
    assert "Connection refused" in email.last_error
    assert mail.outbox == []


def test_a_long_error_is_cut(monkeypatch) -> None:
    def refuse(self, fail_silently: bool = False) -> int:  # type: ignore[no-untyped-def]
        raise OSError("x" * 5000)

    monkeypatch.setattr(services.EmailMessage, "send", refuse)
    email = queued()

    deliver_email(email_id=email.pk)

    assert len(OutgoingEmail.objects.get(pk=email.pk).last_error) == 2000


def test_delivery_after_a_failure_clears_the_error(monkeypatch, smtp_down) -> None:
    email = queued()
    deliver_email(email_id=email.pk)
    monkeypatch.undo()

    assert deliver_email(email_id=email.pk) is True

    email.refresh_from_db()
    assert email.attempts == 2
    assert email.last_error == ""
    assert email.sent_at is not None
    assert len(mail.outbox) == 1


def age(email: OutgoingEmail, minutes: int) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes)
    )


def test_pending_email_ids_are_old_unsent_and_not_given_up() -> None:
    old = queued(subject="old")
    age(old, 10)
    failed_before = queued(subject="failed before", last_error="refused")
    OutgoingEmail.objects.filter(pk=failed_before.pk).update(attempts=MAX_ATTEMPTS - 1)
    age(failed_before, 60)
    recent = queued(subject="recent")  # less than a minute old: its task may still run
    sent = queued(subject="sent")
    age(sent, 10)
    OutgoingEmail.objects.filter(pk=sent.pk).update(sent_at=timezone.now())
    given_up = queued(subject="given up")
    age(given_up, 10)
    OutgoingEmail.objects.filter(pk=given_up.pk).update(attempts=MAX_ATTEMPTS)

    assert sorted(pending_email_ids()) == sorted([old.pk, failed_before.pk])
    assert sorted(pending_email_ids(older_than=timedelta(0))) == sorted(
        [old.pk, failed_before.pk, recent.pk]
    )


def test_pending_email_ids_are_limited_per_run() -> None:
    OutgoingEmail.objects.bulk_create(
        [
            OutgoingEmail(to=f"p{n}@example.org", subject="s", body="b")
            for n in range(510)
        ]
    )
    OutgoingEmail.objects.update(created_at=timezone.now() - timedelta(hours=1))

    assert len(pending_email_ids()) == 500


def test_pending_email_ids_is_one_query(django_assert_num_queries) -> None:
    for n in range(5):
        age(queued(to=f"p{n}@example.org"), 10)

    with django_assert_num_queries(1):
        assert len(pending_email_ids()) == 5
