from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """People, faculties, the four roles and object-level permissions."""

    name = "lms.accounts"
    label = "engage_accounts"
    verbose_name = _("People and roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.signals import user_logged_in

        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item

        from . import demo, permissions, selectors, signal_handlers
        from .data import PersonalDataSource

        post_save.connect(
            signal_handlers.create_profile_for_new_user,
            sender=get_user_model(),
            dispatch_uid="engage_accounts.create_profile",
        )
        post_migrate.connect(
            signal_handlers.sync_role_groups, dispatch_uid="engage_accounts.sync_roles"
        )
        user_logged_in.connect(
            signal_handlers.remember_language_on_login,
            dispatch_uid="engage_accounts.language_on_login",
        )
        permissions.register_rules()
        # The account itself is erased by `services.erase_person` after every
        # other app's eraser has run.
        selectors.register_personal_data(
            PersonalDataSource(key="account", export=selectors.account_data, order=0)
        )
        register_demo_seeder("faculties and people", demo.seed_people, order=10)
        register_menu_item(
            MenuItem(
                key="profile",
                label=_("My profile"),
                url_name="engage_accounts:profile",
                order=900,
                group="account",
            )
        )
