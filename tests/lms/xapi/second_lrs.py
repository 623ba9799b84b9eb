"""A second, independent LRS process (Engage PD's own LRS under gunicorn, with its
own SQLite database) that forwarding tests send to, stop and restart."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from base64 import b64encode
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class SecondLRS:
    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}/xapi/"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.site.settings.test",
            "DATABASE_URL": f"sqlite:///{folder / 'second-lrs.sqlite3'}",
            "CELERY_BROKER_URL": "filesystem://",
            "CELERY_BROKER_FOLDER": str(folder / "celery"),
            "ENGAGE_VAR_DIR": str(folder),
        }
        self.process: subprocess.Popen[bytes] | None = None
        self._manage("migrate", "--no-input", "-v0")
        credentials = json.loads(self._manage("create_lrs_client", "forwarding"))
        self.key, self.secret = credentials["key"], credentials["secret"]

    def _manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT, env=self.env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        return result.stdout

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable, "-m", "gunicorn", "lms.site.wsgi",
                "--bind", f"127.0.0.1:{self.port}", "--workers", "1",
                "--log-level", "warning",
            ],
            cwd=ROOT, env=self.env,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}about", timeout=1):  # noqa: S310
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the second LRS did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=20)
            self.process = None

    def statement_ids(self) -> list[str]:
        """Every statement id the second LRS returns, following `more` links."""
        token = b64encode(f"{self.key}:{self.secret}".encode()).decode()
        headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": "1.0.3",
        }
        ids: list[str] = []
        url = f"{self.url}statements?limit=500"
        while url:
            request = urllib.request.Request(url, headers=headers)  # noqa: S310
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                page: dict[str, Any] = json.loads(response.read())
            ids += [statement["id"] for statement in page["statements"]]
            more = page["more"]
            url = f"http://127.0.0.1:{self.port}{more}" if more else ""
        return ids


@pytest.fixture(scope="session")
def second_lrs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SecondLRS]:
    lrs = SecondLRS(tmp_path_factory.mktemp("second-lrs"))
    lrs.start()
    yield lrs
    lrs.stop()
