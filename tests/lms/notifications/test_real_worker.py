"""E-mail is delivered by a real Celery worker process over the configured broker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from lms.notifications.models import OutgoingEmail
from tests.celery_worker import wait_for
from tests.factories import UserFactory

pytestmark = [
    pytest.mark.celery_worker,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_password_reset_mail_is_sent_by_the_worker(
    celery_worker: dict[str, str],
) -> None:
    UserFactory(username="noor", email="noor@example.org")

    response = Client().post("/accounts/password/reset/", {"email": "noor@example.org"})

    assert response.status_code == 302
    email = OutgoingEmail.objects.get(to="noor@example.org")
    assert wait_for(lambda: OutgoingEmail.objects.get(pk=email.pk).sent_at is not None)
    sent = OutgoingEmail.objects.get(pk=email.pk)
    assert sent.attempts == 1
    mail_files = list(Path(celery_worker["EMAIL_FILE_PATH"]).glob("*.log"))
    assert len(mail_files) == 1
    content = mail_files[0].read_text()
    assert "To: noor@example.org" in content
    assert "/accounts/password/reset/" in content


def test_the_worker_sends_each_email_once(celery_worker: dict[str, str]) -> None:
    from lms.notifications.tasks import send_email

    email = OutgoingEmail.objects.create(to="a@example.org", subject="Hi", body="Body")
    for _ in range(3):
        send_email.delay(email.pk)

    assert wait_for(lambda: OutgoingEmail.objects.get(pk=email.pk).sent_at is not None)
    # All three messages are consumed before the mail count is read.
    wait_for(lambda: False, timeout=2)
    assert OutgoingEmail.objects.get(pk=email.pk).attempts == 1
    files: Any = list(Path(celery_worker["EMAIL_FILE_PATH"]).glob("*.log"))
    assert len(files) == 1
