from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    """xAPI: vocabulary, recording, the embedded LRS and forwarding."""

    name = "lms.xapi"
    label = "engage_xapi"
    verbose_name = _("xAPI learning records")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms.accounts.roles import Role, register_role_permissions

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            permissions,
            tasks,  # noqa: F401  (a web process registers the tasks too)
        )

        permissions.register_rules()
        register_role_permissions(
            Role.PROGRAMME_ADMIN,
            {
                "engage_xapi.view_lrsclient", "engage_xapi.change_lrsclient",
                "engage_xapi.view_destination", "engage_xapi.add_destination",
                "engage_xapi.change_destination", "engage_xapi.delete_destination",
            },
        )  # fmt: skip
