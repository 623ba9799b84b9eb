"""The health endpoint for load balancers and `dev.py run`."""

from __future__ import annotations

import pytest
from django.urls import reverse

from lms import views

pytestmark = pytest.mark.django_db


def test_health_is_ok_with_json(client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert reverse("engage_lms:health") == "/healthz"


def test_health_needs_no_sign_in_and_sets_no_session(client) -> None:
    response = client.get("/healthz")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_health_only_answers_get(client, method: str) -> None:
    assert getattr(client, method)("/healthz").status_code == 405


def test_health_reports_an_unavailable_database(client, monkeypatch) -> None:
    class BrokenConnection:
        def cursor(self):  # type: ignore[no-untyped-def]
            raise OSError("could not connect to server")

    monkeypatch.setattr(views, "connection", BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}
