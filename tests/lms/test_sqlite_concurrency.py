"""The embedded SQLite database serves concurrent writers without "database is locked".

A request that reads and then writes in one transaction (a practice page recording
its xAPI statement, POST /insight/reports/, a journal edit) used to fail at once
with OperationalError when another connection wrote in between: SQLite cannot
upgrade a deferred read transaction whose snapshot is stale, and does not wait.
With "transaction_mode": "IMMEDIATE" each transaction takes the write lock when
it begins and waits for it (up to the busy timeout) instead.

The writers run in a fresh interpreter on a file of their own, with the project's
settings, so the test does not depend on the suite's database (SQLite or not).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]

# Each thread opens a transaction, reads (the snapshot a deferred transaction
# would hold), waits until every thread has read (or the barrier gives up: with
# IMMEDIATE the others are still waiting for the lock), then writes.
READ_THEN_WRITE = """
import json, threading
import django
django.setup()
from django.contrib.sessions.models import Session
from django.db import DatabaseError, connection, connections, transaction
from django.utils import timezone

with connection.schema_editor() as editor:
    editor.create_model(Session)
connections.close_all()

WRITERS = 4
barrier = threading.Barrier(WRITERS, timeout=1.5)
errors = []

def write(number):
    try:
        with transaction.atomic():
            Session.objects.filter(session_key__startswith="writer").count()
            try:
                barrier.wait()
            except threading.BrokenBarrierError:
                pass
            Session.objects.create(
                session_key=f"writer-{number}",
                session_data="x",
                expire_date=timezone.now(),
            )
    except DatabaseError as error:
        errors.append(f"{type(error).__name__}: {error}")
    finally:
        connections.close_all()

threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(json.dumps({
    "errors": errors,
    "rows": Session.objects.count(),
    "options": connection.settings_dict["OPTIONS"],
}))
"""


def run_writers(tmp_path: Path, settings_module: str) -> dict[str, object]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env["DJANGO_SETTINGS_MODULE"] = settings_module
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'concurrent.sqlite3'}"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", READ_THEN_WRITE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "settings_module", ["lms.site.settings.base", "lms.site.settings.test"]
)
def test_concurrent_read_then_write_transactions_wait_instead_of_failing(
    tmp_path: Path, settings_module: str
) -> None:
    outcome = run_writers(tmp_path, settings_module)

    assert outcome["errors"] == []
    assert outcome["rows"] == 4
    assert outcome["options"]["transaction_mode"] == "IMMEDIATE"  # type: ignore[index]


PRINT_DATABASE = """
import json
from django.conf import settings
print(json.dumps(settings.DATABASES["default"]))
"""


def test_the_suite_s_sqlite_settings_begin_transactions_immediately() -> None:
    # The test settings on their embedded default (no DATABASE_URL), whatever
    # database this pass runs on: read in a fresh process, never skipped.
    env = {key: v for key, v in os.environ.items() if key != "DATABASE_URL"}
    env["DJANGO_SETTINGS_MODULE"] = "lms.site.settings.test"
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", PRINT_DATABASE],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    database = json.loads(result.stdout.strip().splitlines()[-1])
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
