"""Enqueue a Celery task after the current transaction commits, by its name.

Services enqueue through here so that they never import their own `tasks` module
(tasks call services: the import runs one way). The task is looked up in Celery's
registry by the name it is registered under (`app.tasks.function`), so eager mode
(`CELERY_TASK_ALWAYS_EAGER`) and real workers behave the same.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from celery import current_app
from django.db import transaction


def enqueue(task_name: str, *args: Any) -> None:
    """Send `task_name(*args)` to the workers now."""
    _task(task_name).delay(*args)


def _task(task_name: str) -> Any:
    """The registered task; its module is imported first when no app did (Celery
    discovers tasks only in workers; apps import theirs in `ready()`)."""
    if task_name not in current_app.tasks:
        import_module(task_name.rpartition(".")[0])
    return current_app.tasks[task_name]


def enqueue_on_commit(task_name: str, *args: Any, robust: bool = False) -> None:
    """Send `task_name(*args)` once the current transaction commits (at once
    outside one); nothing is sent when it rolls back. With `robust`, a broker that
    is down is logged instead of failing the request that already committed."""
    transaction.on_commit(lambda: enqueue(task_name, *args), robust=robust)
