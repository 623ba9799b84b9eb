"""The real parts the outage tests break: a TCP proxy in front of Redis (or in
front of nothing: refusing and hanging need no server), the Celery app and the
cache pointed through it, and the messages a broker holds.

Redis is found through the environment (REDIS_URL, CELERY_BROKER_URL or
CACHE_URL naming redis://). CI's PostgreSQL + Redis pass names it: then it must
answer and a test that needs it fails when it does not. CI's SQLite pass names
none: only then do the tests that need a real Redis skip.
"""

from __future__ import annotations

import base64
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from celery import current_app
from django.conf import settings
from django.test import Client, override_settings
from kombu import pools

from lms.site.settings.environment import broker_timeout_options
from tests.lms.tcp_proxy import TcpProxy
from tests.lms.xapi.factories import statement

REDIS_VARIABLES = ("REDIS_URL", "CELERY_BROKER_URL", "CACHE_URL")


def named_redis() -> tuple[str, int, int] | None:
    """(host, port, database) of the Redis the environment names, if any."""
    for variable in REDIS_VARIABLES:
        url = urlparse(os.environ.get(variable, ""))
        if url.scheme == "redis":
            database = url.path.strip("/")
            return (
                url.hostname or "127.0.0.1",
                url.port or 6379,
                int(database) if database.isdigit() else 0,
            )
    return None


@pytest.fixture
def redis_server() -> tuple[str, int, int]:
    address = named_redis()
    if address is None:
        pytest.skip("no Redis is named on this pass (REDIS_URL, CELERY_BROKER_URL)")
    try:
        with socket.create_connection(address[:2], timeout=5) as probe:
            probe.sendall(b"PING\r\n")
            answer = probe.recv(16)
    except OSError as error:
        pytest.fail(f"Redis at {address[0]}:{address[1]} is named but down: {error}")
    assert answer.startswith(b"+PONG"), answer
    return address


@pytest.fixture
def dead_end() -> Iterator[TcpProxy]:
    """A proxy to nowhere: only its refusing and hanging modes are used."""
    with TcpProxy(None, None) as proxy:
        yield proxy


@pytest.fixture
def redis_proxy(redis_server: tuple[str, int, int]) -> Iterator[TcpProxy]:
    with TcpProxy(redis_server[0], redis_server[1]) as proxy:
        yield proxy


def reset_pools() -> None:
    """Drop the pooled broker connections (they name the old broker)."""
    app: Any = current_app
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Celery publishes to the Redis at `url`, with the transport options the
    settings give a Redis broker."""
    conf = current_app.conf
    # The write URL: CELERY_BROKER_URL in the environment outranks broker_url.
    saved = (conf.get("broker_write_url"), conf.broker_transport_options)
    reset_pools()
    conf.broker_write_url = url
    conf.broker_transport_options = broker_timeout_options(
        settings.BROKER_CONNECT_TIMEOUT, settings.BROKER_SOCKET_TIMEOUT
    )
    try:
        yield
    finally:
        reset_pools()
        conf.broker_write_url, conf.broker_transport_options = saved


def redis_cache_at(url: str) -> Any:
    """Settings whose cache is the site's Redis cache at `url`."""
    cache = {
        "BACKEND": "lms.cache.TolerantRedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "socket_connect_timeout": settings.CACHE_CONNECT_TIMEOUT,
            "socket_timeout": settings.CACHE_SOCKET_TIMEOUT,
        },
    }
    return override_settings(CACHES={"default": cache})


def queued(task: str) -> list[str]:
    """The argument lists (argsrepr) of `task` messages waiting in the test
    queue of the configured broker (the filesystem folder or Redis)."""
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    if "data_folder_in" in options:
        folder = Path(options["data_folder_in"])
        raw = [p.read_bytes() for p in folder.glob(f"*.{queue}.msg")]
    else:
        import redis

        client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
        raw = client.lrange(queue, 0, -1)
    found = []
    for message in raw:
        headers = json.loads(message)["headers"]
        if headers.get("task") == task:
            found.append(str(headers.get("argsrepr")))
    return found


def redis_queued(address: tuple[str, int, int], task: str) -> list[str]:
    """The same, in the test queue of the Redis at `address`."""
    import redis

    client = redis.Redis(host=address[0], port=address[1], db=address[2])
    found = []
    for message in client.lrange(settings.CELERY_TASK_DEFAULT_QUEUE, 0, -1):
        headers = json.loads(message)["headers"]
        if headers.get("task") == task:
            found.append(str(headers.get("argsrepr")))
    return found


def lrs_post(key: str, secret: str) -> Any:
    """POST one statement to the embedded LRS as the client `key`."""
    token = base64.b64encode(f"{key}:{secret}".encode()).decode()
    return Client().post(
        "/xapi/statements",
        json.dumps(statement()),
        content_type="application/json",
        headers={
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": "1.0.3",
        },
    )
