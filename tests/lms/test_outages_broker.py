"""Issue 23 (4, 5): a broker that refuses or does not answer never fails or holds
a request that already committed its work; what could not be queued stays in its
outbox row, and the beat sweeper queues it once the broker is back.

The broker is Redis behind a TCP proxy the test breaks (lms.site.settings give a
Redis broker its timeouts). Requests go through the real views, with real
commits (transactional_db), so the enqueue runs inside the request as in
production. Durations are measured and reported, never asserted.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

import pytest
from celery import current_app
from django.conf import settings
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from lms.notifications.models import NotificationPreference, OutgoingEmail
from lms.notifications.tasks import send_pending_emails
from lms.queueing import broker
from lms.xapi.models import Destination, OutboxEntry
from tests.lms.outage_parts import broker_at, lrs_post, queued, redis_queued
from tests.lms.tcp_proxy import TcpProxy
from tests.lms.xapi.factories import lrs_client
from tests.trajectories.factories import make_cohort
from trajectories import services as trajectories

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

RESET = "/accounts/password/reset/"
SEND_EMAIL = "lms.notifications.tasks.send_email"


def _not_enqueued(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "Not enqueued" in r.getMessage()]


def _broker_failures(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.getMessage().startswith("The Celery broker failed")
    ]


def _age(email: OutgoingEmail) -> None:
    """As if the reset was asked for ten minutes ago: past the sweeper's wait."""
    OutgoingEmail.objects.filter(pk=email.pk).update(
        created_at=timezone.now() - timedelta(minutes=10)
    )


def test_password_reset_with_the_broker_refusing_is_sent_by_the_sweeper(
    lecturer: Any, dead_end: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="lms.queueing")
    dead_end.refuse()
    with broker_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        response = Client().post(RESET, {"email": lecturer.email})

    assert response.status_code == 302, response.content[:500]
    email = OutgoingEmail.objects.get(to=lecturer.email)
    assert email.sent_at is None
    assert _not_enqueued(caplog) == [
        f"Not enqueued: {SEND_EMAIL}({email.pk},); its sweeper will send it."
    ]

    # The configured broker answers again: beat's sweeper queues the e-mail.
    broker.close()
    _age(email)
    before = queued(SEND_EMAIL).count(f"({email.pk},)")
    assert send_pending_emails() == 1
    assert queued(SEND_EMAIL).count(f"({email.pk},)") == before + 1


def test_password_reset_while_redis_refuses_then_comes_back(
    lecturer: Any,
    redis_server: tuple[str, int, int],
    redis_proxy: TcpProxy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="lms.queueing")
    with broker_at(f"redis://127.0.0.1:{redis_proxy.port}/{redis_server[2]}"):
        redis_proxy.refuse()
        response = Client().post(RESET, {"email": lecturer.email})
        assert response.status_code == 302
        email = OutgoingEmail.objects.get(to=lecturer.email)
        assert email.sent_at is None
        assert len(_not_enqueued(caplog)) == 1

        redis_proxy.pass_through()
        broker.close()
        _age(email)
        before = redis_queued(redis_server, SEND_EMAIL)
        try:
            assert send_pending_emails() == 1
            after = redis_queued(redis_server, SEND_EMAIL)
            assert after.count(f"({email.pk},)") == before.count(f"({email.pk},)") + 1
            # What the publish ran with: the settings' timeouts, on the socket.
            with current_app.connection_for_write() as connection:
                kwargs = (
                    connection.default_channel.client.connection_pool.connection_kwargs
                )
                assert kwargs["socket_timeout"] == settings.BROKER_SOCKET_TIMEOUT
                assert (
                    kwargs["socket_connect_timeout"] == settings.BROKER_CONNECT_TIMEOUT
                )
        finally:
            import redis

            redis.Redis(
                host=redis_server[0], port=redis_server[1], db=redis_server[2]
            ).delete(settings.CELERY_TASK_DEFAULT_QUEUE)


def _timed(call: Any) -> tuple[Any, float]:
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


def test_requests_finish_with_the_broker_hanging(
    lecturer: Any,
    coach: Any,
    client_for: Any,
    dead_end: TcpProxy,
    caplog: pytest.LogCaptureFixture,
    record_property: Any,
) -> None:
    caplog.set_level(logging.WARNING)
    cohort = make_cohort(coaches=(coach,))
    enrolment = trajectories.enrol(user=lecturer, cohort=cohort)
    entry = trajectories.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )
    NotificationPreference.objects.create(user=coach, email_immediately=True)
    Destination.objects.create(
        name="second", endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    writer, secret = lrs_client("Writer")
    key = writer.key
    dead_end.hang()

    requests = {
        "password reset": lambda: Client().post(RESET, {"email": lecturer.email}),
        "journal share": lambda: client_for(lecturer).post(
            f"/journal/{entry.pk}/share/", {"visibility": "coach"}
        ),
        "xAPI statement": lambda: lrs_post(key, secret),
    }
    with broker_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        # What every publish runs with: the settings' bounds.
        with current_app.connection_for_write() as connection:
            assert (
                connection.transport_options["socket_timeout"]
                == settings.BROKER_SOCKET_TIMEOUT
            )
            assert (
                connection.transport_options["socket_connect_timeout"]
                == settings.BROKER_CONNECT_TIMEOUT
            )
        assert current_app.conf.task_publish_retry_policy["max_retries"] == 0
        for name, request in requests.items():
            broker.close()  # each request meets the hanging broker itself,
            cache.clear()  # not skipped by the xAPI forwarding's debounce
            failures = len(_broker_failures(caplog))
            response, seconds = _timed(request)
            record_property(f"{name} seconds", round(seconds, 2))
            assert response.status_code < 500, (name, response.status_code)
            # It waited on the broker, which did not answer in time.
            assert "Timeout" in " ".join(_broker_failures(caplog)[failures:]), name

    # The work was committed, and waits in its outbox rows for the sweepers.
    assert OutgoingEmail.objects.filter(to=lecturer.email, sent_at=None).exists()
    assert OutgoingEmail.objects.filter(to=coach.email, sent_at=None).exists()
    # The share's statement and the LRS's, each with its forwarding entry.
    assert OutboxEntry.objects.filter(state=OutboxEntry.State.PENDING).count() == 2
    # The share's e-mail and its xAPI statement, the reset's and the LRS's.
    assert len(_not_enqueued(caplog)) == 4


def test_a_broker_that_failed_is_skipped_for_the_back_off(
    lecturer: Any, dead_end: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    dead_end.hang()
    with broker_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        Client().post(RESET, {"email": lecturer.email})
        accepted = dead_end.accepted
        response = Client().post(RESET, {"email": lecturer.email})

    assert response.status_code == 302
    assert dead_end.accepted == accepted  # the second request did not wait on it
    assert OutgoingEmail.objects.filter(to=lecturer.email).count() == 2
    assert "the broker failed just now" in " ".join(_not_enqueued(caplog))
