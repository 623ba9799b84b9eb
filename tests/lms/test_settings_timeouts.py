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


def test_a_vanished_database_host_is_noticed_and_queries_may_be_capped() -> None:
    found = settings_with(**SERVICES)
    assert found["database"]["keepalives"] == 1
    assert found["database"]["tcp_user_timeout"] == 15_000  # 5 x connect timeout
    # Off by default: migrate and the worker's bulk tasks share these settings.
    assert "statement_timeout" not in found["database"].get("options", "")

    capped = settings_with(**SERVICES, DATABASE_STATEMENT_TIMEOUT="20")
    assert capped["database"]["options"] == "-c jit=off -c statement_timeout=20s"


SLOW_QUERY = """
import json
import django
django.setup()
from django.db import connection, OperationalError
from lms.outages import is_database_outage
try:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    outcome = {"error": None}
except OperationalError as error:
    outcome = {"error": str(error), "outage": is_database_outage(error)}
print(json.dumps(outcome))
"""


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="DATABASE_URL names no PostgreSQL",
)
def test_a_query_past_the_statement_timeout_is_cancelled_as_an_outage() -> None:
    """With DATABASE_STATEMENT_TIMEOUT set, PostgreSQL itself cancels the query;
    the request then answers 503 like any outage (lms/outages.py)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "lms.site.settings.base"}
    # The server's maintenance database: it always exists (the suite's own is
    # created by pytest-django under another name); pg_sleep needs no table.
    server, _slash, _name = os.environ["DATABASE_URL"].rpartition("/")
    env.update(
        PYTHONPATH=str(PROJECT_ROOT),
        DATABASE_STATEMENT_TIMEOUT="1",
        DATABASE_URL=f"{server}/postgres",
    )
    result = subprocess.run(
        [sys.executable, "-c", SLOW_QUERY], cwd=PROJECT_ROOT, env=env,
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert "statement timeout" in outcome["error"]
    assert outcome["outage"] is True
