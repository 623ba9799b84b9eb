"""A client of the API or the LRS gets its errors in JSON, never an HTML page.

Found by schemathesis: `/api/v1/journal-entries/null,null/` does not match the
API's URL (the id is not a number), so Django's 404 handler answered with the
site's HTML page where the schema promises JSON.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/api/v1/journal-entries/null,null/", "/api/v1/no-such-thing/"]
)
def test_an_unknown_api_address_is_a_json_404(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": "Not found."}


def test_an_unknown_lrs_address_is_an_xapi_404(client: Client) -> None:
    response = client.get("/xapi/no-such-resource/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response["X-Experience-API-Version"].startswith("1.0")
    assert "error" in json.loads(response.content)


def test_a_page_address_still_gets_the_page(client: Client) -> None:
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_crash_under_the_api_is_a_json_500(monkeypatch: Any, lecturer: Any) -> None:
    from trajectories.api.v1 import views

    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(views.MySessionsView, "get", crash)
    client = Client(raise_request_exception=False)
    client.force_login(lecturer)
    with override_settings(DEBUG=False):
        response = client.get("/api/v1/me/sessions/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": "A server error occurred."}
