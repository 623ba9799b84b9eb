"""A real Celery worker process for tests, on whatever broker the settings name.

Embedded defaults: kombu's filesystem broker in var/. CI: Redis. The worker uses
the test database (a file for SQLite, the test_* database on PostgreSQL).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def _database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{Path(db['NAME']).resolve()}"
    user = db.get("USER") or ""
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgresql://{auth}{host}{port}/{db['NAME']}"


@pytest.fixture
def celery_worker(
    django_db_serialized_rollback: Any, transactional_db: Any, tmp_path: Path
) -> Iterator[dict[str, str]]:
    """Start a worker for this test; yields the environment it runs with."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.site.settings.test",
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path / "mail"),
    }
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    if "data_folder_in" in options:
        env["CELERY_BROKER_FOLDER"] = str(Path(options["data_folder_in"]).parent)
    process = subprocess.Popen(
        [
            sys.executable, "-m", "celery", "-A", "lms.site", "worker",
            "--pool=solo", "--without-heartbeat", "--without-gossip",
            "--without-mingle", "--loglevel=WARNING",
            "-Q", settings.CELERY_TASK_DEFAULT_QUEUE,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        # The process id too, for tests that kill the worker mid-task.
        yield {**env, "WORKER_PID": str(process.pid)}
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        if process.returncode not in (0, -15, 143, -9):
            sys.stderr.write(output.decode(errors="replace"))


def wait_for(condition: Callable[[], bool], *, timeout: float = 90.0) -> bool:
    """Poll `condition` until true; a generous bound, never a timing assertion."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()
