"""Issue 23 (4): a Redis cache that refuses or does not answer is a miss, never
an error or a wait per call; and with the one Redis of a production site (cache
and broker) hanging, check-in, sharing a journal entry, a password reset, an
xAPI POST and the API all finish without a 5xx.
"""

from __future__ import annotations

import logging
import time
from datetime import timedelta
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from lms.cache import breaker as cache_breaker
from lms.notifications.models import NotificationPreference
from lms.queueing import broker
from lms.xapi.models import Destination
from tests.lms.outage_parts import broker_at, lrs_post, redis_cache_at
from tests.lms.tcp_proxy import TcpProxy
from tests.lms.xapi.factories import lrs_client
from tests.trajectories.factories import make_cohort
from trajectories import services as trajectories
from trajectories.models import Attendance


def test_a_refusing_cache_is_a_miss_and_then_left_alone(
    dead_end: TcpProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="lms.outages")
    dead_end.refuse()
    with redis_cache_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        assert cache.get("badge", "miss") == "miss"
        assert cache_breaker.is_open
        cache.set("badge", 3)
        assert cache.add("badge", 3) is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.delete("badge") is False
        with pytest.raises(ValueError, match="not found"):
            cache.incr("attempts")
        assert cache.get_or_set("badge", 7) == 7

    failures = [r for r in caplog.records if r.getMessage().startswith("The cache")]
    assert len(failures) == 1  # one refused connection; the rest skipped it


def test_a_hanging_cache_is_waited_on_once(dead_end: TcpProxy) -> None:
    dead_end.hang()
    with redis_cache_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        assert cache.get("badge") is None
        accepted = dead_end.accepted
        for _ in range(5):
            assert cache.get("badge") is None
            cache.set("badge", 1)

    assert dead_end.accepted == accepted  # skipped while the back-off lasts


@pytest.mark.django_db
def test_the_cache_through_redis_comes_back(
    redis_server: tuple[str, int, int], redis_proxy: TcpProxy
) -> None:
    with redis_cache_at(f"redis://127.0.0.1:{redis_proxy.port}/{redis_server[2]}"):
        cache.set("outage-probe", "kept", 30)
        assert cache.get("outage-probe") == "kept"
        redis_proxy.refuse()
        assert cache.get("outage-probe") is None
        redis_proxy.pass_through()
        cache_breaker.close()  # the back-off is over
        assert cache.get("outage-probe") == "kept"
        cache.delete("outage-probe")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_requests_finish_with_the_sites_redis_hanging(
    lecturer: Any,
    coach: Any,
    client_for: Any,
    dead_end: TcpProxy,
    caplog: pytest.LogCaptureFixture,
    record_property: Any,
) -> None:
    caplog.set_level(logging.WARNING)
    cohort = make_cohort(coaches=(coach,), first_session_in_days=0)
    session = cohort.sessions.get(number=1)
    session.starts_at = timezone.now() - timedelta(minutes=30)
    session.ends_at = timezone.now() + timedelta(hours=2)
    session.save()
    enrolment = trajectories.enrol(user=lecturer, cohort=cohort)
    code = trajectories.new_checkin_code(actor=coach, session=session)
    entry = trajectories.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )
    NotificationPreference.objects.create(user=coach, email_immediately=True)
    Destination.objects.create(
        name="second", endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    writer, secret = lrs_client("Writer")
    signed_in = client_for(lecturer)
    requests = {
        "check-in": lambda: signed_in.post("/trajectory/check-in/", {"code": code}),
        "journal share": lambda: signed_in.post(
            f"/journal/{entry.pk}/share/", {"visibility": "coach"}
        ),
        "password reset": lambda: Client().post(
            "/accounts/password/reset/", {"email": lecturer.email}
        ),
        "xAPI statement": lambda: lrs_post(writer.key, secret),
        "API": lambda: signed_in.get("/api/v1/me/enrolments/"),
        "notifications": lambda: signed_in.get("/notifications/"),
    }
    dead_end.hang()
    url = f"redis://127.0.0.1:{dead_end.port}/0"
    with broker_at(url), redis_cache_at(url):
        for name, request in requests.items():
            broker.close()  # every request meets the hanging Redis itself
            cache_breaker.close()
            started = time.monotonic()
            response = request()
            record_property(f"{name} seconds", round(time.monotonic() - started, 2))
            assert response.status_code < 500, (name, response.status_code)

    assert Attendance.objects.get(enrolment=enrolment, session=session).checked_in
    waited = " ".join(r.getMessage() for r in caplog.records)
    assert "The cache failed (TimeoutError" in waited
    assert "The Celery broker failed (OperationalError: Timeout" in waited
