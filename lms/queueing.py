"""Enqueue a Celery task after the current transaction commits, by its name.

Services enqueue through here so that they never import their own `tasks` module
(tasks call services: the import runs one way). The task is looked up in Celery's
registry by the name it is registered under (`app.tasks.function`), so eager mode
(`CELERY_TASK_ALWAYS_EAGER`) and real workers behave the same.

A broker that refuses or does not answer (within BROKER_CONNECT_TIMEOUT and
BROKER_SOCKET_TIMEOUT) never fails a request that already committed: the
failure is logged, and every caller keeps a row (an e-mail, an outbox entry, an
award, a report) that a sweeper on Celery beat enqueues again. After a failure
the broker is skipped for ENGAGE_OUTAGE_BACKOFF seconds (`lms.outages.Breaker`).
"""

from __future__ import annotations

import logging
from importlib import import_module
from typing import Any

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError as KombuOperationalError

from .outages import Breaker

# What kombu raises for a broker that refuses or times out (it wraps the
# transport's errors), and the socket errors themselves.
BROKER_OUTAGES = (KombuOperationalError, OSError)

logger = logging.getLogger(__name__)
broker = Breaker("The Celery broker")


def enqueue(task_name: str, *args: Any) -> None:
    """Send `task_name(*args)` to the workers now."""
    _task(task_name).delay(*args)


def _task(task_name: str) -> Any:
    """The registered task; its module is imported first when no app did (Celery
    discovers tasks only in workers; apps import theirs in `ready()`)."""
    if task_name not in current_app.tasks:
        import_module(task_name.rpartition(".")[0])
    return current_app.tasks[task_name]


def enqueue_on_commit(task_name: str, *args: Any) -> None:
    """Send `task_name(*args)` once the current transaction commits (at once
    outside one); nothing is sent when it rolls back. A broker that is down or
    does not answer is logged, not raised: the caller's sweeper sends it later."""
    transaction.on_commit(lambda: enqueue_or_log(task_name, *args))


def enqueue_or_log(task_name: str, *args: Any) -> bool:
    """Send `task_name(*args)` now; False (logged) when the broker failed or was
    skipped because it failed a moment ago."""
    if broker.is_open:
        logger.warning(
            "Not enqueued (the broker failed just now): %s%r", task_name, args
        )
        return False
    try:
        enqueue(task_name, *args)
    except BROKER_OUTAGES as error:
        broker.trip(error)
        logger.warning("Not enqueued: %s%r; its sweeper will send it.", task_name, args)
        return False
    except Exception:  # noqa: BLE001 - the request committed: log, never raise
        logger.exception(
            "Not enqueued: %s%r; its sweeper will send it.", task_name, args
        )
        return False
    return True
