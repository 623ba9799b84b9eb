"""Settings for the test suite: the base settings plus fast, isolated defaults.

DATABASE_URL and CELERY_BROKER_URL still come from the environment, so the same
suite runs on SQLite and on PostgreSQL + Redis (see .ci/run).
"""

from __future__ import annotations

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, DATABASES, VAR_DIR
from .environment import filesystem_broker_options

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend"
)
# Each pytest-xdist worker gets its own queue (and broker folder), so the Celery
# worker process started by one test session never takes another's tasks.
# (A run's id keeps two test runs on one machine apart as well.)
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID", f"p{os.getpid()}")[:8]
_XDIST_WORKER = f"{_RUN}-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"

CELERY_TASK_DEFAULT_QUEUE = os.environ.get(
    "CELERY_TASK_DEFAULT_QUEUE", f"engage-test-{_XDIST_WORKER}"
)
if CELERY_BROKER_URL.startswith("filesystem"):
    CELERY_BROKER_TRANSPORT_OPTIONS = filesystem_broker_options(
        Path(
            os.environ.get(
                "CELERY_BROKER_FOLDER", VAR_DIR / "tests" / f"celery-{_XDIST_WORKER}"
            )
        )
    )
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "engage_private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "test-private")},
    },
}
MEDIA_ROOT = VAR_DIR / "test-media"
# Tests that sign pass their own keys; this one serves code reading the settings.
ENGAGE_CERTIFICATION_DEV_KEY_FILE = VAR_DIR / "tests" / "dev-issuing-key"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so a Celery worker process can share the test database.
    # pytest-xdist adds the worker's suffix to this name.
    (VAR_DIR / "tests").mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {
        "NAME": str(VAR_DIR / "tests" / f"engage-{_RUN}.sqlite3")
    }
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Serve static files from the apps directly; the suite never runs collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# With a shared cache (Redis in CI) each worker's keys are its own: cached values
# such as Wagtail's site root paths belong to that worker's database.
from .base import CACHES  # noqa: E402

for _cache in CACHES.values():
    _cache["KEY_PREFIX"] = f"engage-test-{_XDIST_WORKER}"
    # The suite clears the cache before each test, and clearing a Redis cache
    # empties its whole database: each xdist worker gets a database of its own
    # (10, 11, …), so one worker's clear never empties another's warm cache.
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    _location = str(_cache.get("LOCATION", ""))
    if _location.startswith("redis") and _worker[2:].isdigit():
        _base, _, _db = _location.rpartition("/")
        if _db.isdigit():
            _cache["LOCATION"] = f"{_base}/{10 + int(_worker[2:])}"
