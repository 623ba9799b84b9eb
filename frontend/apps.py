from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FrontendConfig(AppConfig):
    """The design system, navigation, home page and role dashboards."""

    name = "frontend"
    label = "engage_frontend"
    verbose_name = _("Engage PD frontend")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms.accounts.roles import Role
        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item

        # The tasks module registers its Celery tasks, which services enqueue by
        # name (lms.queueing) without importing it.
        from . import demo, permissions, tasks  # noqa: F401

        permissions.register_rules()

        register_menu_item(
            MenuItem(
                key="home",
                label=_("Home"),
                url_name="engage_frontend:home",
                order=0,
                roles=frozenset(),
            )
        )
        register_menu_item(
            MenuItem(
                key="dashboard",
                label=_("Dashboard"),
                url_name="engage_frontend:dashboard",
                order=10,
            )
        )
        register_menu_item(
            MenuItem(
                key="insight",
                label=_("Insight"),
                url_name="engage_frontend:insight",
                order=700,
                roles=frozenset({Role.PROGRAMME_ADMIN}),
            )
        )
        register_menu_item(
            MenuItem(
                key="insight-faculty",
                label=_("Faculty insight"),
                url_name="engage_frontend:insight_faculty",
                order=701,
                roles=frozenset({Role.FACULTY_COORDINATOR}),
            )
        )
        register_menu_item(
            MenuItem(
                key="wagtail-admin",
                label=_("Authoring (Wagtail)"),
                url_name="wagtailadmin_home",
                order=800,
                roles=frozenset({Role.PROGRAMME_ADMIN}),
            )
        )
        register_demo_seeder("home page", demo.seed_home_page, order=20)
