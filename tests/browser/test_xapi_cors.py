"""Browser content on another origin writes to the LRS through real CORS.

The content page is served at http://localhost:<port>, the LRS at
http://127.0.0.1:<port>: two origins, so Chromium sends a real
preflight for the POST with Authorization and X-Experience-API-Version headers.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlsplit

import pytest

from lms.conf import SITE_CSP
from lms.xapi.models import Statement
from lms.xapi.services import create_client
from tests.browser.conftest import Visit

pytestmark = pytest.mark.django_db(transaction=True)

SEND = """async ([url, auth, statement]) => {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "Authorization": auth,
        "X-Experience-API-Version": "1.0.3",
        "Content-Type": "application/json",
      },
      body: JSON.stringify(statement),
    });
    return {
      status: response.status,
      consistent: response.headers.get("X-Experience-API-Consistent-Through"),
      body: await response.text(),
    };
  } catch (error) {
    return {blocked: String(error)};
  }
}"""


def open_content_page(visit: Visit, settings: Any) -> str:
    """A real page of the site at the localhost origin, whose CSP lets it connect
    to the LRS origin; returns that origin. (A page Playwright made up would count
    as a public address space, and Chromium forbids those to call loopback.)"""
    port = urlsplit(visit.base_url).port
    origin = f"http://localhost:{port}"
    settings.ENGAGE_CSP = SITE_CSP.replace(
        "connect-src 'self'", f"connect-src 'self' http://127.0.0.1:{port}"
    )
    visit.page.goto(f"{origin}/accounts/login/")
    visit.check_accessibility()
    return origin


def send(visit: Visit) -> dict[str, Any]:
    client, secret = create_client(name="h5p")
    auth = "Basic " + base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    statement = {
        "actor": {"mbox": "mailto:learner@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "https://content.example.org/h5p/quiz"},
    }
    port = urlsplit(visit.base_url).port
    url = f"http://127.0.0.1:{port}/xapi/statements"
    result: dict[str, Any] = visit.page.evaluate(SEND, [url, auth, statement])
    return result


def test_an_allowed_origin_posts_statements(visit: Visit, settings: Any) -> None:
    origin = open_content_page(visit, settings)
    settings.ENGAGE_XAPI_CORS_ORIGINS = [origin]
    result = send(visit)
    assert result.get("status") == 200, result
    assert len(json.loads(result["body"])) == 1
    assert result["consistent"]  # exposed to the script
    assert Statement.objects.count() == 1


def test_an_origin_not_listed_is_blocked_before_anything_is_sent(
    visit: Visit, settings: Any
) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["https://h5p.example.org"]
    open_content_page(visit, settings)
    result = send(visit)
    assert "blocked" in result, result
    assert not Statement.objects.exists()  # the preflight failed: no POST
