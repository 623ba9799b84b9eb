"""`python3 dev.py run` on a directory and database of its own, for load tests.

The server gets the README's run command exactly (runserver, a Celery worker with
beat, the demo seeded), with `ENGAGE_VAR_DIR` pointing at a fresh directory so
its SQLite file, broker folder and media are its own. When `database_url` names
PostgreSQL, a database of its own is created there and dropped afterwards.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def own_database(database_url: str) -> Iterator[str]:
    """A new empty database beside `database_url` (PostgreSQL), dropped after."""
    import psycopg

    base, _slash, _name = database_url.rpartition("/")
    name = f"engage_load_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _environment(
    var_dir: Path, database_url: str | None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST"))
    }
    for name in ("DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "ENGAGE_VAR_DIR"):
        env.pop(name, None)
    env["ENGAGE_VAR_DIR"] = str(var_dir)
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra or {})
    return env


def _wait(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dev.py run stopped with {process.returncode}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=2) as answer,  # noqa: S310
        ):
            if answer.status == 200:
                return
        time.sleep(0.5)
    raise RuntimeError(f"dev.py run did not answer {url} within {timeout:.0f} s")


@contextlib.contextmanager
def dev_run(
    var_dir: Path, database_url: str | None = None, extra: dict[str, str] | None = None
) -> Iterator[tuple[str, dict[str, str]]]:
    """Start `dev.py run` (with `extra` in its environment, e.g. a broker); yield
    its base URL and environment; stop it and its worker (they share a process
    group) afterwards."""
    env = _environment(var_dir, database_url, extra)
    port = free_port()
    log = (var_dir / "dev-run.log").open("wb")
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "dev.py", "run", "--port", str(port)],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base + "/healthz", process, timeout=420)
        yield base, env
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def prepare(env: dict[str, str], lecturers: int, coaches: int) -> dict[str, Any]:
    """Run `prepare.py` in the server's own `manage.py shell`; the world it prints."""
    script = (Path(__file__).parent / "prepare.py").read_text()
    result = subprocess.run(  # noqa: S603
        [str(PYTHON), "manage.py", "shell", "-c", script],
        cwd=ROOT, check=True, capture_output=True, text=True,
        env={**env, "DJANGO_SETTINGS_MODULE": "lms.site.settings.dev",
             "LOAD_LECTURERS": str(lecturers), "LOAD_COACHES": str(coaches)},
    )  # fmt: skip
    return json.loads(result.stdout.strip().splitlines()[-1])
