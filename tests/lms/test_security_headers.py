"""Security headers on responses: CSP (strict for the site, looser for the admin),
nosniff, Referrer-Policy, COOP, framing and Permissions-Policy."""

from __future__ import annotations

import re

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from lms.conf import ADMIN_CSP, SITE_CSP
from lms.security_headers import SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            parsed[words[0]] = words[1:]
    return parsed


@pytest.mark.parametrize(
    "path", ["/", "/healthz", "/accounts/login/", "/accounts/password/reset/"]
)
def test_site_pages_get_the_strict_policy(client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == SITE_CSP


def test_the_site_policy_is_strict() -> None:
    policy = directives(SITE_CSP)

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in SITE_CSP
    assert "'unsafe-eval'" not in SITE_CSP
    assert "*" not in SITE_CSP


def test_a_missing_page_gets_the_strict_policy(client) -> None:
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Security-Policy"] == SITE_CSP


def test_admin_pages_get_the_admin_policy(client_for, programme_admin) -> None:
    response = client_for(programme_admin).get("/admin/")

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == ADMIN_CSP
    policy = directives(ADMIN_CSP)
    assert "'unsafe-inline'" in policy["script-src"]
    # Looser, but still no plugins, no foreign base URL and no foreign framing.
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]


def test_admin_redirects_get_the_admin_policy(client) -> None:
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Content-Security-Policy"] == ADMIN_CSP


def test_a_path_merely_starting_with_admin_gets_the_site_policy(client) -> None:
    response = client.get("/administration/")

    assert response["Content-Security-Policy"] == SITE_CSP


@pytest.mark.parametrize("path", ["/", "/healthz", "/accounts/login/", "/admin/"])
def test_hardening_headers_on_every_response(client, path: str) -> None:
    response = client.get(path)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert response["Permissions-Policy"] == "camera=(), microphone=(), geolocation=()"


def test_no_hsts_outside_production(client) -> None:
    # HSTS is production's business (see test_settings_production.py).
    assert "Strict-Transport-Security" not in client.get("/healthz")


def test_a_view_that_sets_its_own_policy_keeps_it() -> None:
    def view(request):  # type: ignore[no-untyped-def]
        response = HttpResponse("embed")
        response["Content-Security-Policy"] = "frame-ancestors *"
        response["Permissions-Policy"] = "fullscreen=(self)"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/embed/"))

    assert response["Content-Security-Policy"] == "frame-ancestors *"
    assert response["Permissions-Policy"] == "fullscreen=(self)"


@override_settings(
    ENGAGE_CSP="default-src 'none'",
    ENGAGE_ADMIN_CSP="default-src 'self'",
    ENGAGE_ADMIN_PATH_PREFIXES=("/cms/",),
)
def test_policies_and_admin_prefixes_are_configurable() -> None:
    middleware = SecurityHeadersMiddleware(lambda request: HttpResponse())
    factory = RequestFactory()

    assert middleware(factory.get("/cms/pages/"))["Content-Security-Policy"] == (
        "default-src 'self'"
    )
    assert middleware(factory.get("/admin/"))["Content-Security-Policy"] == (
        "default-src 'none'"
    )


def _inline_script_or_style(html: str) -> list[str]:
    """What a strict CSP would block: inline scripts, style attributes, handlers."""
    problems = []
    for match in re.finditer(r"<script\b([^>]*)>(.*?)</script>", html, re.I | re.S):
        attributes, body = match.groups()
        if "src=" not in attributes and body.strip():
            problems.append(match.group(0)[:80])
    problems += re.findall(r"<style\b[^>]*>", html, re.I)
    problems += re.findall(r"<[^>]+\sstyle\s*=", html, re.I)
    problems += re.findall(r"<[^>]+\son[a-z]+\s*=", html, re.I)
    problems += re.findall(r"javascript:", html, re.I)
    return problems


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/accounts/password/reset/"])
def test_public_pages_work_under_the_strict_policy(client, path: str) -> None:
    html = client.get(path).content.decode()

    assert _inline_script_or_style(html) == []


@pytest.mark.parametrize("path", ["/dashboard/", "/accounts/profile/"])
def test_signed_in_pages_work_under_the_strict_policy(
    client_for, lecturer, path: str
) -> None:
    html = client_for(lecturer).get(path).content.decode()

    assert _inline_script_or_style(html) == []


def test_the_inline_check_finds_what_the_policy_blocks() -> None:
    html = (
        '<script>alert(1)</script><script src="/static/x.js"></script>'
        '<p style="color:red" onclick="x()">x</p><style>p{}</style>'
        '<a href="javascript:void(0)">x</a>'
    )

    assert len(_inline_script_or_style(html)) == 5
