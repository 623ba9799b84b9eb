"""Settings for the test suite: the base settings plus fast, isolated defaults.

DATABASE_URL and CELERY_BROKER_URL still come from the environment, so the same
suite runs on SQLite and on PostgreSQL + Redis (see .ci/run).
"""

from __future__ import annotations

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "test-media"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory, so a Celery worker process can share the test database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-engage.sqlite3")}
LOGGING = {"version": 1, "disable_existing_loggers": False}
