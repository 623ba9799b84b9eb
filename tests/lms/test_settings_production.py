"""lms.site.settings.production refuses unsafe configuration and hardens the rest.

Each case imports the settings in a fresh interpreter, as a server would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
LONG_SECRET = "x7Gq-production-secret-" + "k" * 40
DEFAULT_SECRET = "engage-pd-insecure-development-key-do-not-use-in-production"

PRINT_SETTINGS = """
import json
from django.conf import settings
print(json.dumps({
    "DEBUG": settings.DEBUG,
    "SECURE_HSTS_SECONDS": settings.SECURE_HSTS_SECONDS,
    "SECURE_HSTS_INCLUDE_SUBDOMAINS": settings.SECURE_HSTS_INCLUDE_SUBDOMAINS,
    "SECURE_HSTS_PRELOAD": settings.SECURE_HSTS_PRELOAD,
    "SECURE_SSL_REDIRECT": settings.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
    "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
    "SESSION_COOKIE_HTTPONLY": settings.SESSION_COOKIE_HTTPONLY,
    "SECURE_CONTENT_TYPE_NOSNIFF": settings.SECURE_CONTENT_TYPE_NOSNIFF,
    "RENDERERS": settings.REST_FRAMEWORK.get("DEFAULT_RENDERER_CLASSES"),
    "NUM_PROXIES": settings.REST_FRAMEWORK.get("NUM_PROXIES"),
}))
"""


def load_production_settings(**environment: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE"}
        and not key.startswith("SECURE_")
    }
    env["DJANGO_SETTINGS_MODULE"] = "lms.site.settings.production"
    env.update(environment)
    return subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_starts_with_a_long_secret_and_sets_hsts() -> None:
    result = load_production_settings(SECRET_KEY=LONG_SECRET)

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_HSTS_PRELOAD"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    # No browsable HTML API in production; throttles ignore X-Forwarded-For
    # unless proxies are declared trusted.
    assert values["RENDERERS"] == ["rest_framework.renderers.JSONRenderer"]
    assert values["NUM_PROXIES"] == 0


def test_trusted_proxies_are_configured_by_number() -> None:
    result = load_production_settings(
        SECRET_KEY=LONG_SECRET, ENGAGE_TRUSTED_PROXIES="1"
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["NUM_PROXIES"] == 1


def test_hsts_can_be_tuned_from_the_environment() -> None:
    result = load_production_settings(
        SECRET_KEY=LONG_SECRET, SECURE_HSTS_SECONDS="3600", SECURE_HSTS_PRELOAD="true"
    )

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SECURE_HSTS_SECONDS"] == 3600
    assert values["SECURE_HSTS_PRELOAD"] is True


@pytest.mark.parametrize(
    ("environment", "reason"),
    [
        ({}, "SECRET_KEY"),
        ({"SECRET_KEY": DEFAULT_SECRET}, "SECRET_KEY"),
        ({"SECRET_KEY": "too-short-but-not-the-default"}, "SECRET_KEY"),
        ({"SECRET_KEY": "s" * 49}, "SECRET_KEY"),
        ({"SECRET_KEY": LONG_SECRET, "DEBUG": "true"}, "DEBUG"),
        ({"SECRET_KEY": LONG_SECRET, "DEBUG": "1"}, "DEBUG"),
        ({"SECRET_KEY": LONG_SECRET, "DEBUG": "On"}, "DEBUG"),
        ({"SECRET_KEY": LONG_SECRET, "DEBUG": "maybe"}, "DEBUG"),
        ({"SECRET_KEY": LONG_SECRET, "SECURE_HSTS_SECONDS": "a year"}, "HSTS"),
    ],
)
def test_refuses_to_start_when_unsafe(environment: dict[str, str], reason: str) -> None:
    result = load_production_settings(**environment)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert reason in result.stderr


def test_debug_explicitly_off_is_accepted() -> None:
    result = load_production_settings(SECRET_KEY=LONG_SECRET, DEBUG="false")

    assert result.returncode == 0, result.stderr
