"""/healthz (database, cache and broker, each with its state) and /readyz (the
database, for load balancers). Broken parts are real: a TCP proxy refusing or
hanging in front of the cache and the broker, a database whose cursor fails."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.urls import reverse

from tests.lms.outage_parts import broker_at, redis_cache_at
from tests.lms.tcp_proxy import TcpProxy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_check_left_waiting() -> Iterator[None]:
    """A check stuck on a hanging server ends with its socket timeout; the next
    test starts when it has, so it never meets "still waiting"."""
    yield
    for thread in threading.enumerate():
        if thread.name.startswith("engage-health-"):
            thread.join(timeout=10)


ALL_OK = {
    "database": {"status": "ok"},
    "cache": {"status": "ok"},
    "broker": {"status": "ok"},
}


def test_health_is_ok_with_json(client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "checks": ALL_OK}
    assert "no-cache" in response["Cache-Control"]
    assert reverse("engage_lms:health") == "/healthz"


def test_ready_is_ok_while_the_database_answers(client) -> None:
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": {"status": "ok"}}}
    assert "no-cache" in response["Cache-Control"]
    assert reverse("engage_lms:ready") == "/readyz"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_health_needs_no_sign_in_and_sets_no_session(client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_health_only_answers_get(client, method: str, path: str) -> None:
    assert getattr(client, method)(path).status_code == 405


@pytest.fixture
def database_refusing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every connection's cursor, in any thread, fails as a refused one does."""

    def refused(self: Any, *args: Any, **kwargs: Any) -> Any:
        raise self.Database.OperationalError("could not connect to server")

    monkeypatch.setattr(BaseDatabaseWrapper, "_cursor", refused)


def test_health_reports_an_unavailable_database(client, database_refusing) -> None:
    response = client.get("/healthz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {
        "status": "error",
        "reason": "OperationalError: could not connect to server",
    }
    assert body["checks"]["cache"] == {"status": "ok"}


def test_ready_is_503_without_the_database(client, database_refusing) -> None:
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"]["status"] == "error"


@pytest.mark.parametrize("mode", ["refuse", "hang"])
def test_a_broken_cache_is_reported_and_the_site_stays_ready(
    client, dead_end: TcpProxy, mode: str
) -> None:
    getattr(dead_end, mode)()
    with redis_cache_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        health = client.get("/healthz")
        ready = client.get("/readyz")

    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "degraded"
    assert body["checks"]["database"] == {"status": "ok"}
    assert body["checks"]["broker"] == {"status": "ok"}
    assert body["checks"]["cache"]["status"] == "error"
    assert body["checks"]["cache"]["reason"]
    assert ready.status_code == 200


@pytest.mark.parametrize("mode", ["refuse", "hang"])
def test_a_broken_broker_is_reported_and_the_site_stays_ready(
    client, dead_end: TcpProxy, mode: str
) -> None:
    getattr(dead_end, mode)()
    with broker_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        health = client.get("/healthz")
        ready = client.get("/readyz")

    assert health.status_code == 200
    body = health.json()
    assert body["status"] == "degraded"
    assert body["checks"]["broker"]["status"] == "error"
    assert body["checks"]["cache"] == {"status": "ok"}
    assert ready.status_code == 200


def test_a_check_still_waiting_is_not_started_twice(client, dead_end: TcpProxy) -> None:
    dead_end.hang()
    with broker_at(f"redis://127.0.0.1:{dead_end.port}/0"):
        answers = [client.get("/healthz").json() for _ in range(3)]
        waiting = [t for t in threading.enumerate() if t.name == "engage-health-broker"]

    assert len(waiting) <= 1
    assert {a["checks"]["broker"]["status"] for a in answers} == {"error"}


def test_health_through_redis_that_answers(
    client, redis_server: tuple[str, int, int], redis_proxy: TcpProxy
) -> None:
    url = f"redis://127.0.0.1:{redis_proxy.port}/{redis_server[2]}"
    with broker_at(url), redis_cache_at(url):
        assert client.get("/healthz").json() == {"status": "ok", "checks": ALL_OK}
        redis_proxy.refuse()
        down = client.get("/healthz").json()
        redis_proxy.pass_through()
        back = client.get("/healthz").json()

    assert down["status"] == "degraded"
    assert (
        down["checks"]["cache"]["status"]
        == down["checks"]["broker"]["status"]
        == "error"
    )
    assert back == {"status": "ok", "checks": ALL_OK}
