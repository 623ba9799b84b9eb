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
        from lms.accounts.data import PersonalDataSource
        from lms.accounts.roles import Role, register_role_permissions
        from lms.accounts.selectors import register_personal_data

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            permissions,
            tasks,  # noqa: F401  (a web process registers the tasks too)
        )
        from .selectors.documents import person_documents
        from .services.documents import erase_person_documents

        permissions.register_rules()
        # State and agent-profile documents are about the person (statements are
        # not: they stay as pseudonymous history).
        register_personal_data(
            PersonalDataSource(
                key="xapi_documents",
                export=person_documents,
                erase=erase_person_documents,
                order=50,
            )
        )
        register_role_permissions(
            Role.PROGRAMME_ADMIN,
            {
                "engage_xapi.view_lrsclient", "engage_xapi.change_lrsclient",
                "engage_xapi.view_destination", "engage_xapi.add_destination",
                "engage_xapi.change_destination", "engage_xapi.delete_destination",
            },
        )  # fmt: skip
