"""Every broker, cache and database connection the settings make has connect and
socket timeouts, from the environment with defaults (issue 23, item 4).

Each case imports the base settings in a fresh interpreter, as a server would.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SERVICES = {
    "DATABASE_URL": "postgresql://engage@db.example:5432/engage",
    "CELERY_BROKER_URL": "redis://redis.example:6379/0",
    "CACHE_URL": "redis://redis.example:6379/1",
}
PRINT = """
import json
from django.conf import settings
from celery import Celery
app = Celery("probe")
app.config_from_object("django.conf:settings", namespace="CELERY")
with app.connection_for_write() as connection:
    transport = connection.transport_options
print(json.dumps({
    "transport": transport,
    "connect_timeout": app.conf.broker_connection_timeout,
    "retry": app.conf.task_publish_retry_policy,
    "cache": settings.CACHES["default"],
    "database": settings.DATABASES["default"].get("OPTIONS", {}),
    "beat": sorted(settings.CELERY_BEAT_SCHEDULE),
    "email_timeout": settings.EMAIL_TIMEOUT,
}))
"""


def settings_with(**environment: str) -> dict[str, Any]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "CELERY_", "CACHE_", "BROKER_", "EMAIL_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.site.settings.base", PYTHONPATH=str(PROJECT_ROOT)
    )
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + PRINT],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_network_services_get_short_timeouts_by_default() -> None:
    found = settings_with(**SERVICES)

    assert found["transport"]["socket_connect_timeout"] == 1.0
    assert found["transport"]["socket_timeout"] == 1.0
    assert found["transport"]["connect_retries_timeout"] == 1.0
    assert found["connect_timeout"] == 1.0
    assert found["retry"]["max_retries"] == 0
    assert found["cache"]["BACKEND"] == "lms.cache.TolerantRedisCache"
    assert found["cache"]["OPTIONS"] == {
        "socket_connect_timeout": 1.0,
        "socket_timeout": 1.0,
    }
    assert found["database"]["connect_timeout"] == 3
    assert found["email_timeout"] == 30
    # What could not be queued has a sweeper on beat.
    assert {
        "retry-unsent-email",
        "forward-xapi-statements",
        "issue-pending-certificates",
        "build-pending-reports",
    } <= set(found["beat"])


def test_the_timeouts_come_from_the_environment() -> None:
    found = settings_with(
        **SERVICES,
        BROKER_CONNECT_TIMEOUT="0.5",
        BROKER_SOCKET_TIMEOUT="1.5",
        BROKER_PUBLISH_RETRIES="1",
        CACHE_CONNECT_TIMEOUT="0.25",
        CACHE_SOCKET_TIMEOUT="0.75",
        DATABASE_CONNECT_TIMEOUT="5",
        EMAIL_TIMEOUT="12",
    )

    assert found["transport"]["socket_connect_timeout"] == 0.5
    assert found["transport"]["socket_timeout"] == 1.5
    assert found["connect_timeout"] == 0.5
    assert found["retry"]["max_retries"] == 1
    assert found["cache"]["OPTIONS"] == {
        "socket_connect_timeout": 0.25,
        "socket_timeout": 0.75,
    }
    assert found["database"]["connect_timeout"] == 5
    assert found["email_timeout"] == 12


@pytest.mark.parametrize("name", ["BROKER_SOCKET_TIMEOUT", "CACHE_CONNECT_TIMEOUT"])
def test_a_timeout_that_is_not_a_number_stops_the_start(name: str) -> None:
    env = {
        key: value for key, value in os.environ.items() if not key.startswith("CACHE_")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="lms.site.settings.base",
        PYTHONPATH=str(PROJECT_ROOT),
        **{name: "soon"},
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert f"{name} must be a number, not 'soon'." in result.stderr


def test_the_embedded_defaults_keep_the_filesystem_broker_and_sqlite() -> None:
    found = settings_with()

    assert "data_folder_in" in found["transport"]
    assert "connect_timeout" not in found["database"]
