from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    """Notifications in the site, digest e-mails, and the e-mail outbox (every
    message is stored, then delivered by a Celery worker)."""

    name = "lms.notifications"
    label = "engage_notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Registers the tasks that services enqueue by name (lms.queueing): a web
        # process does not run Celery's autodiscovery.
        from . import tasks  # noqa: F401
