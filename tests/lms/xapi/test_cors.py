"""Cross-origin access to the LRS endpoints (lms.xapi.views.cors)."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from django.test import Client

from lms.xapi.checks import check_xapi_settings
from tests.lms.xapi.factories import lrs_client

pytestmark = pytest.mark.django_db

H5P = "https://h5p.example.org"
PREFLIGHT = {
    "Origin": H5P,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,x-experience-api-version",
}
EXPOSED = {
    "X-Experience-API-Consistent-Through",
    "X-Experience-API-Version",
    "Last-Modified",
    "ETag",
}


def listed(header: str) -> set[str]:
    return {item.strip() for item in header.split(",")}


@pytest.fixture
def credentials() -> dict[str, str]:
    client, secret = lrs_client()
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return {"Authorization": f"Basic {token}", "X-Experience-API-Version": "1.0.3"}


@pytest.fixture
def allow_h5p(settings: Any) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = [H5P]


def test_no_origin_is_allowed_by_default(credentials: dict[str, str]) -> None:
    preflight = Client().options("/xapi/statements", headers=PREFLIGHT)
    assert "Access-Control-Allow-Origin" not in preflight
    response = Client().get("/xapi/statements", headers={**credentials, "Origin": H5P})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.usefixtures("allow_h5p")
@pytest.mark.parametrize("path", ["/xapi/statements", "/xapi/about"])
def test_preflight_from_an_allowed_origin(path: str) -> None:
    """No credentials or version header: browsers send neither with a preflight."""
    response = Client().options(path, headers=PREFLIGHT)
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == H5P
    assert {"POST", "PUT", "GET", "HEAD"} <= listed(
        response["Access-Control-Allow-Methods"]
    )
    assert listed(response["Access-Control-Allow-Headers"]) == {
        "Authorization",
        "Content-Type",
        "X-Experience-API-Version",
        "If-Match",
        "If-None-Match",
    }
    assert int(response["Access-Control-Max-Age"]) > 0
    assert "Origin" in response["Vary"]
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.usefixtures("allow_h5p")
def test_responses_to_an_allowed_origin_expose_the_xapi_headers(
    credentials: dict[str, str],
) -> None:
    response = Client().get("/xapi/statements", headers={**credentials, "Origin": H5P})
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == H5P
    assert listed(response["Access-Control-Expose-Headers"]) == EXPOSED
    assert "Access-Control-Allow-Credentials" not in response
    # Errors too, so that the browser script can read why it failed.
    refused = Client().get(
        "/xapi/statements",
        headers={"Origin": H5P, "X-Experience-API-Version": "1.0.3"},
    )
    assert refused.status_code == 401
    assert refused["Access-Control-Allow-Origin"] == H5P


@pytest.mark.usefixtures("allow_h5p")
def test_other_origins_get_no_cors_headers(credentials: dict[str, str]) -> None:
    evil = {**PREFLIGHT, "Origin": "https://evil.example.com"}
    preflight = Client().options("/xapi/statements", headers=evil)
    assert "Access-Control-Allow-Origin" not in preflight
    assert "Access-Control-Allow-Methods" not in preflight
    response = Client().get(
        "/xapi/statements",
        headers={**credentials, "Origin": "https://h5p.example.org.evil.com"},
    )
    assert "Access-Control-Allow-Origin" not in response
    assert "Origin" in response["Vary"]


def test_any_origin_without_credentials(
    settings: Any, credentials: dict[str, str]
) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["*"]
    response = Client().get(
        "/xapi/statements", headers={**credentials, "Origin": "https://any.example"}
    )
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = Client().options("/xapi/statements", headers=PREFLIGHT)
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in preflight


def test_only_the_lrs_endpoints_answer_cross_origin(
    settings: Any, lecturer: Any, client_for: Any
) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["*"]
    personal = client_for(lecturer).get("/xapi/my-statements", headers={"Origin": H5P})
    assert personal.status_code == 200
    assert "Access-Control-Allow-Origin" not in personal
    profile = Client().get("/xapi/profile", headers={"Origin": H5P})
    assert "Access-Control-Allow-Origin" not in profile


def test_a_plain_options_request_lists_the_methods(credentials: dict[str, str]) -> None:
    response = Client().options("/xapi/statements")
    assert response.status_code == 200
    assert {"GET", "POST", "PUT"} <= listed(response["Allow"])


@pytest.mark.parametrize(
    "origins",
    [
        "https://h5p.example.org",  # a string, not a list
        ["https://h5p.example.org/path"],
        ["h5p.example.org"],
        ["*.example.org"],
        [None],
    ],
)
def test_bad_origin_settings_are_a_system_check_error(
    settings: Any, origins: Any
) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = origins
    assert "engage_xapi.E003" in [error.id for error in check_xapi_settings()]


def test_good_origin_settings_pass_the_check(settings: Any) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = [H5P, "http://localhost:8000"]
    assert check_xapi_settings() == []
