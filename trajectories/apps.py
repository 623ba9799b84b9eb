from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrajectoriesConfig(AppConfig):
    """Programmes, cohorts, sessions, enrolment and attendance."""

    name = "trajectories"
    label = "engage_trajectories"
    verbose_name = _("Reflective trajectories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_delete

        from lms.accounts.roles import Role, register_role_permissions
        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item
        from lms.notifications.digest_sources import register_digest_source

        from . import (
            checks,  # noqa: F401  (registers the system checks)
            demo,
        )
        from .models import AssignmentAttachment, JournalAttachment
        from .permissions import register_rules
        from .selectors import digests
        from .signal_handlers import delete_stored_file

        register_rules()
        for model in (JournalAttachment, AssignmentAttachment):
            post_delete.connect(
                delete_stored_file,
                sender=model,
                dispatch_uid=f"engage_trajectories_delete_file_{model.__name__}",
            )

        register_role_permissions(
            Role.PROGRAMME_ADMIN,
            {
                f"engage_trajectories.{action}_cohort"
                for action in ("add", "change", "delete", "view")
            },
        )
        register_demo_seeder("trajectories", demo.seed_trajectory, order=50)
        register_digest_source("trajectories", digests.digest_items)
        register_menu_item(
            MenuItem(
                key="trajectory",
                label=_("My trajectory"),
                url_name="engage_trajectories:mine",
                order=20,
                roles=frozenset({Role.LECTURER}),
            )
        )
        register_menu_item(
            MenuItem(
                key="coaching",
                label=_("My cohorts"),
                url_name="engage_trajectories:coach_home",
                order=21,
                roles=frozenset({Role.COACH}),
            )
        )
