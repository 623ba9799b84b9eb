"""The default host project: settings, URLs, Celery app, WSGI/ASGI.

This is the composition root of Engage PD: it may import every app, and no app
imports it.
"""

from __future__ import annotations

from .celery import app as celery_app

__all__ = ["celery_app"]
