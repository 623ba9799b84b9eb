"""WSGI entry point: `gunicorn lms.site.wsgi`."""

from __future__ import annotations

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.site.settings.production")

application = get_wsgi_application()
