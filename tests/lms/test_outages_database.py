"""Issue 23 (5): a database that does not answer gives 503 with Retry-After —
a page that reads nothing from the database for pages, JSON for the API, an
xAPI error for the LRS — never a 500; and nothing is half-written.

On PostgreSQL the database really goes away (a TCP proxy between the site and
the server refuses for a few seconds under a loop of POSTs). Any database can be
made to fail by its connection's cursor raising what a lost connection raises.
"""

from __future__ import annotations

import base64
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, connection
from django.test import Client, RequestFactory

from frontend.views.errors import server_error
from lms.notifications.models import OutgoingEmail
from lms.outages import is_database_outage
from lms.xapi.models import Destination, OutboxEntry, Statement
from tests.lms.tcp_proxy import TcpProxy
from tests.lms.xapi.factories import lrs_client, new_id, statement

RESET = "/accounts/password/reset/"


def _lrs_headers(key: str, secret: str) -> dict[str, str]:
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}


@pytest.fixture
def lose_database(monkeypatch: pytest.MonkeyPatch) -> Any:
    """From the call on, every new cursor fails as a dropped connection does (the
    driver's own OperationalError, which Django wraps)."""

    def lost(*args: Any, **kwargs: Any) -> Any:
        raise connection.Database.OperationalError(
            "server closed the connection unexpectedly"
        )

    return lambda: monkeypatch.setattr(connection, "create_cursor", lost)


def _assert_retry_later(response: Any) -> None:
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "no-cache" in response["Cache-Control"]
    assert "sessionid" not in response.cookies


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "path", "signed_in"),
    [
        ("get", "/", False),
        ("post", RESET, False),
        ("get", "/trajectory/", True),
        ("post", "/notifications/read-all/", True),
    ],
)
def test_a_page_without_its_database_is_a_503_page(
    client_for: Any,
    lecturer: Any,
    lose_database: Any,
    method: str,
    path: str,
    signed_in: bool,
) -> None:
    client = client_for(lecturer) if signed_in else Client()
    lose_database()

    response = getattr(client, method)(path, {"email": "x@example.org"})

    _assert_retry_later(response)
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<h1>Back in a moment</h1>" in html
    assert "Try again in 10 seconds." in html


@pytest.mark.django_db
def test_the_503_page_speaks_the_visitors_language(lose_database: Any) -> None:
    lose_database()
    response = Client().get("/", headers={"Accept-Language": "nl"})

    _assert_retry_later(response)
    html = response.content.decode()
    assert '<html lang="nl">' in html
    assert "<h1>Zo weer terug</h1>" in html
    assert "Probeer het over 10 seconden opnieuw." in html


@pytest.mark.django_db
def test_the_api_without_its_database_answers_json(
    client_for: Any, lecturer: Any, lose_database: Any
) -> None:
    client = client_for(lecturer)
    lose_database()
    response = client.get("/api/v1/me/enrolments/")

    _assert_retry_later(response)
    assert response["Content-Type"] == "application/json"
    assert set(response.json()) == {"detail"}


@pytest.mark.django_db
def test_the_lrs_without_its_database_answers_an_xapi_error(
    lose_database: Any,
) -> None:
    lose_database()
    response = Client().post(
        "/xapi/statements",
        json.dumps(statement()),
        content_type="application/json",
        headers=_lrs_headers("key", "secret"),
    )

    _assert_retry_later(response)
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert set(response.json()) == {"error"}


@pytest.mark.django_db
def test_an_integrity_error_is_still_a_500(monkeypatch: pytest.MonkeyPatch) -> None:
    def clash(*args: Any, **kwargs: Any) -> Any:
        raise connection.Database.IntegrityError("duplicate key value")

    monkeypatch.setattr(connection, "create_cursor", clash)

    response = Client(raise_request_exception=False).get("/")

    assert response.status_code == 500
    assert "Retry-After" not in response


@pytest.mark.parametrize(
    ("error", "outage"),
    [
        (OperationalError("server closed the connection unexpectedly"), True),
        (OperationalError("connection refused"), True),
        (OperationalError("database is locked"), True),
        (InterfaceError("connection already closed"), True),
        (OperationalError("no such table: engage_x"), False),
        (IntegrityError("duplicate key"), False),
        (ValueError("no"), False),
    ],
)
def test_only_connection_level_errors_are_outages(
    error: Exception, outage: bool
) -> None:
    assert is_database_outage(error) is outage


def test_an_outage_met_outside_a_view_is_a_503_too() -> None:
    # The composition root's 500 handler: a middleware or a response being
    # rendered met the outage, after the views' middleware could answer.
    request = RequestFactory().get("/api/v1/me/enrolments/")
    try:
        raise OperationalError("could not connect to server")
    except OperationalError:
        response = server_error(request)
    _assert_retry_later(response)
    assert set(json.loads(response.content)) == {"detail"}

    try:
        raise ValueError("a bug")
    except ValueError:
        assert server_error(RequestFactory().get("/")).status_code == 500


# --- PostgreSQL, really gone ------------------------------------------------------


def _on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql"))


@contextmanager
def _database_through(proxy: TcpProxy) -> Iterator[None]:
    settings_dict = connection.settings_dict
    saved = settings_dict["HOST"], settings_dict["PORT"]
    connection.close()
    settings_dict["HOST"], settings_dict["PORT"] = "127.0.0.1", str(proxy.port)
    try:
        yield
    finally:
        connection.close()
        settings_dict["HOST"], settings_dict["PORT"] = saved


@pytest.mark.skipif(not _on_postgresql(), reason="DATABASE_URL names no PostgreSQL")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_postgresql_dropped_under_a_loop_of_posts(
    lecturer: Any, record_property: Any
) -> None:
    Destination.objects.create(
        name="second", endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    writer, secret = lrs_client("Writer")
    headers = _lrs_headers(writer.key, secret)
    upstream = connection.settings_dict
    answers: list[tuple[str, int, str, str]] = []
    with (
        TcpProxy(
            upstream["HOST"] or "127.0.0.1", int(upstream["PORT"] or 5432)
        ) as proxy,
        _database_through(proxy),
    ):
        # The database goes away half a second in, for three seconds.
        outage = threading.Timer(0.5, proxy.refuse)
        back = threading.Timer(3.5, proxy.pass_through)
        outage.start()
        back.start()
        started = time.monotonic()
        lrs = Client(raise_request_exception=False)
        site = Client(raise_request_exception=False)
        while time.monotonic() - started < 5.5 or len(answers) < 20:
            statement_id = new_id()
            response = lrs.post(
                "/xapi/statements",
                json.dumps(statement(statement_id=statement_id)),
                content_type="application/json",
                headers=headers,
            )
            answers.append(
                (
                    "xapi",
                    response.status_code,
                    response.get("Retry-After", ""),
                    statement_id,
                )
            )
            response = site.post(RESET, {"email": lecturer.email})
            answers.append(
                ("page", response.status_code, response.get("Retry-After", ""), "")
            )
        outage.join()
        back.join()
    record_property("answers", len(answers))

    statuses = {status for _kind, status, _retry, _id in answers}
    assert statuses <= {200, 302, 503}, statuses
    assert 503 in statuses  # the database was really gone for a while
    assert answers[-1][1] in (200, 302)  # and back
    assert all(retry == "10" for _k, status, retry, _i in answers if status == 503)
    # Nothing half-written: each statement the LRS took is stored whole, with
    # its forwarding entry; every stored statement has one.
    stored = set(Statement.objects.values_list("statement_id", flat=True))
    taken = {
        sid for kind, status, _r, sid in answers if kind == "xapi" and status == 200
    }
    assert taken <= {str(s) for s in stored}
    assert OutboxEntry.objects.count() == len(stored)
    assert OutgoingEmail.objects.filter(to=lecturer.email).count() >= sum(
        1 for kind, status, _r, _i in answers if kind == "page" and status == 302
    )
