from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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
        for key, label, url_name, order, roles in (
            ("home", _("Home"), "engage_frontend:home", 0, frozenset()),
            ("dashboard", _("Dashboard"), "engage_frontend:dashboard", 10, None),
            (
                "insight",
                _("Insight"),
                "engage_frontend:insight",
                700,
                frozenset({Role.PROGRAMME_ADMIN}),
            ),
            (
                "insight-faculty",
                _("Faculty insight"),
                "engage_frontend:insight_faculty",
                701,
                frozenset({Role.FACULTY_COORDINATOR}),
            ),
            (
                "wagtail-admin",
                pgettext_lazy("main menu", "Authoring (Wagtail)"),
                "wagtailadmin_home",
                800,
                frozenset({Role.PROGRAMME_ADMIN}),
            ),
        ):
            register_menu_item(
                MenuItem(
                    key=key, label=label, url_name=url_name, order=order, roles=roles
                )
            )
        register_demo_seeder("home page", demo.seed_home_page, order=20)
