"""Checks of the database, the cache and the Celery broker, for /healthz and
/readyz: each answers ok or error with a short reason, within
ENGAGE_HEALTH_TIMEOUT seconds.

Each check runs in a daemon thread of its own (all at once) and is waited for
until the timeout: a server that accepts and never answers costs the probe its
timeout, never the request. One check of each kind runs at a time; while one is
still stuck, the next reports that instead of starting another.
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from celery import current_app
from django.core.cache import cache
from django.db import connections

from .conf import engage_settings
from .queueing import broker


@dataclass(frozen=True)
class Check:
    ok: bool
    reason: str = ""

    def as_json(self) -> dict[str, str]:
        if self.ok:
            return {"status": "ok"}
        return {"status": "error", "reason": self.reason}


def check_database() -> None:
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()  # this thread's connection: never reused


def check_cache() -> None:
    ping = getattr(cache, "ping", None)  # lms.cache.TolerantRedisCache
    if ping is not None:
        ping()
        return
    key = f"engage-health-{uuid.uuid4().hex}"
    cache.set(key, key, 10)
    try:
        if cache.get(key) != key:
            raise RuntimeError("the cache did not keep a value")
    finally:
        cache.delete(key)


def check_broker() -> None:
    timeout = engage_settings.health_timeout
    with current_app.connection_for_write() as connection:
        connection.ensure_connection(
            max_retries=0, interval_start=0, timeout=math.ceil(timeout)
        )
        # Opening a channel talks to the server (Redis: PING).
        channel: Any = connection.channel()
        channel.close()
    broker.close()  # it answers again: enqueue at once, not after the back-off


CHECKS: dict[str, Callable[[], None]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
}


class _Probe(threading.Thread):
    def __init__(self, name: str, check: Callable[[], None]) -> None:
        super().__init__(name=f"engage-health-{name}", daemon=True)
        self.check = check
        self.result: Check | None = None

    def run(self) -> None:
        try:
            self.check()
        except Exception as error:  # noqa: BLE001 - any failure is the answer
            self.result = Check(False, _short(error))
        else:
            self.result = Check(True)


_running: dict[str, _Probe] = {}
_lock = threading.Lock()


def run_checks(names: tuple[str, ...]) -> dict[str, Check]:
    """The named checks, run at once, each within the health timeout."""
    timeout = engage_settings.health_timeout
    probes: dict[str, _Probe | None] = {}
    with _lock:
        for name in names:
            stuck = _running.get(name)
            if stuck is not None and stuck.is_alive():
                probes[name] = None
                continue
            started = _running[name] = _Probe(name, CHECKS[name])
            started.start()
            probes[name] = started
    deadline = time.monotonic() + timeout
    results: dict[str, Check] = {}
    for name, probe in probes.items():
        if probe is None:
            results[name] = Check(False, "the previous check is still waiting")
            continue
        probe.join(max(0.0, deadline - time.monotonic()))
        results[name] = probe.result or Check(False, f"no answer in {timeout:g} s")
    return results


def _short(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return f"{type(error).__name__}: {text}"[:200]
