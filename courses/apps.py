from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    """Course and lesson pages built from blocks, and lesson completion."""

    name = "courses"
    label = "engage_courses"
    verbose_name = _("Learning content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item

        from . import demo, permissions, selectors, signal_handlers  # noqa: F401

        permissions.register_rules()

        # After the practices (lessons link to them), before the trajectories
        # (which may link to the demo course).
        register_demo_seeder("courses", demo.seed_courses, order=45)
        # The listing is a page: shown for everyone signed in once one is live.
        register_menu_item(
            MenuItem(
                key="courses",
                label=_("Courses"),
                locate=selectors.course_index_url,
                order=26,
            )
        )
