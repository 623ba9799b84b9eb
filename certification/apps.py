from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificationConfig(AppConfig):
    name = "certification"
    label = "engage_certification"
    verbose_name = _("Certification")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from lms.accounts.data import PersonalDataSource
        from lms.accounts.roles import Role, register_role_permissions
        from lms.accounts.selectors import register_personal_data
        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item

        # Registers the Celery tasks in this process too: services enqueue them by
        # name (lms.queueing), so nothing else imports the module.
        from . import demo, demo_certificate, tasks  # noqa: F401
        from .checks import register_checks
        from .permissions import register_rules
        from .selectors import personal_data as personal_data_selectors
        from .services.erasure import erase_personal_data

        register_checks()  # production refuses to start without an issuing key
        register_rules()

        # Erased before the trajectories the portfolios draw on.
        register_personal_data(
            PersonalDataSource(
                key="certification",
                export=personal_data_selectors.personal_data,
                erase=erase_personal_data,
                order=40,
            )
        )
        register_role_permissions(
            Role.PROGRAMME_ADMIN,
            {
                f"engage_certification.{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in (
                    "competencyframework",
                    "competency",
                    "certificationscheme",
                    "rubric",
                )
            },
        )
        # After the trajectories (the scheme belongs to the demo programme).
        register_demo_seeder(
            "certification",
            demo.seed_certification,
            order=60,
            notes=demo_certificate.demo_notes,
        )
        register_menu_item(
            MenuItem(
                key="certification",
                label=_("Certification"),
                url_name="engage_certification:home",
                order=22,
                roles=frozenset({Role.LECTURER}),
            )
        )
        register_menu_item(
            MenuItem(
                key="assessments",
                label=_("Assessments"),
                url_name="engage_certification:assessments",
                order=23,
                roles=frozenset({Role.COACH}),
            )
        )
        register_menu_item(
            MenuItem(
                key="certification-manage",
                label=_("Portfolios"),
                url_name="engage_certification:manage",
                order=24,
                roles=frozenset({Role.PROGRAMME_ADMIN}),
            )
        )
        register_menu_item(
            MenuItem(
                key="certification-certificates",
                label=_("Certificates"),
                url_name="engage_certification:manage_certificates",
                order=25,
                roles=frozenset({Role.PROGRAMME_ADMIN}),
            )
        )
