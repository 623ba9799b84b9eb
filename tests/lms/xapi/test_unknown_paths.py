"""Every path under /xapi/ answers what the spec says at the path it gets: a
known resource at its exact path, anything else a 404 in the LRS error format
(never Django's APPEND_SLASH redirect)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.lms.xapi.lrs_http import Lrs

pytestmark = pytest.mark.django_db

UNKNOWN = [
    "/xapi/nothing-here",
    "/xapi/statements/",
    "/xapi/about/",
    "/xapi/agents/",
    "/xapi/activities/",
    "/xapi/Statements",
    "/xapi/statements/extra",
    "/xapi/",
    "/xapi/a/b/c/d",
    "/xapi/%00",
    "/xapi/" + "x" * 5000,
]


@pytest.mark.parametrize("path", UNKNOWN)
@pytest.mark.parametrize("method", ["get", "post", "put", "delete", "head"])
def test_unknown_path_is_404_in_lrs_error_format_not_a_redirect(
    path: str, method: str
) -> None:
    lrs = Lrs.new()
    response = getattr(lrs.client, method)(path, headers=lrs.headers)
    assert response.status_code == 404
    assert "Location" not in response
    assert response["X-Experience-API-Version"] == "1.0.3"
    if method != "head":
        message = response.json()["error"]
        assert "no xAPI resource" in message
        assert len(message) < 300


def test_unknown_path_is_404_without_credentials_too() -> None:
    response = Client().get("/xapi/stataments")
    assert response.status_code == 404
    assert response.json()["error"]


def test_unknown_path_answers_cors_so_a_browser_can_read_the_error(
    settings: object,
) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["*"]  # type: ignore[attr-defined]
    response = Client().get("/xapi/nope", headers={"Origin": "https://h5p.example"})
    assert response.status_code == 404
    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "path", ["/xapi/statements", "/xapi/about", "/xapi/agents", "/xapi/activities"]
)
def test_known_resources_answer_at_their_exact_spec_path(path: str) -> None:
    """Communication 2.0: resources are at the LRS base plus their name, with no
    trailing slash ("http://example.com/xAPI/statements")."""
    lrs = Lrs.new()
    response = lrs.get(path)
    # agents and activities need their parameter: a 400 from the resource itself.
    assert response.status_code in (200, 400)
    assert response["X-Experience-API-Version"] == "1.0.3"
    assert "no xAPI resource" not in response.content.decode()
