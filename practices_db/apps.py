from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class PracticesDbConfig(AppConfig):
    """The inspiring-practices database: pages, review, search, collections."""

    name = "practices_db"
    label = "engage_practices"
    verbose_name = _("Inspiring practices")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import pre_delete
        from wagtail.admin import signal_handlers as wagtail_mail
        from wagtail.models import TaskState, WorkflowState
        from wagtail.signals import (
            page_published,
            page_unpublished,
            task_submitted,
            workflow_approved,
            workflow_cancelled,
            workflow_rejected,
            workflow_submitted,
        )

        from lms.accounts.roles import Role, register_role_permissions
        from lms.demo import register_demo_seeder
        from lms.navigation import MenuItem, register_menu_item

        from . import demo, permissions, signal_handlers
        from .models import PracticePage

        page_published.connect(
            signal_handlers.practice_published,
            sender=PracticePage,
            dispatch_uid="engage_practices.published",
        )
        page_unpublished.connect(
            signal_handlers.practice_unpublished,
            sender=PracticePage,
            dispatch_uid="engage_practices.unpublished",
        )
        pre_delete.connect(
            signal_handlers.practice_deleted,
            sender=PracticePage,
            dispatch_uid="engage_practices.deleted",
        )
        task_submitted.connect(
            signal_handlers.task_submitted,
            sender=TaskState,
            dispatch_uid="engage_practices.task_submitted",
        )
        for signal, receiver, name in [
            (workflow_rejected, signal_handlers.workflow_rejected, "rejected"),
            (workflow_approved, signal_handlers.workflow_approved, "approved"),
            (workflow_cancelled, signal_handlers.workflow_cancelled, "cancelled"),
        ]:
            signal.connect(
                receiver, sender=WorkflowState, dispatch_uid=f"engage_practices.{name}"
            )
        # Wagtail's own moderation mails would reach every coordinator (not only
        # the author's faculty) in the admin's words. Connecting first under
        # Wagtail's dispatch_uids makes its later registration a no-op; the
        # wrappers still mail for everything that is not a practice.
        for signal, sender, notifier, uid in [
            (task_submitted, TaskState, wagtail_mail.task_submission_email_notifier,
             "group_approval_task_submitted_email_notification"),
            (workflow_submitted, WorkflowState,
             wagtail_mail.workflow_submission_email_notifier,
             "workflow_state_submitted_email_notification"),
            (workflow_rejected, WorkflowState,
             wagtail_mail.workflow_rejection_email_notifier,
             "workflow_state_rejected_email_notification"),
            (workflow_approved, WorkflowState,
             wagtail_mail.workflow_approval_email_notifier,
             "workflow_state_approved_email_notification"),
        ]:  # fmt: skip
            signal.connect(
                signal_handlers.only_for_other_content(notifier),
                sender=sender,
                dispatch_uid=uid,
                weak=False,
            )

        permissions.register_rules()
        register_role_permissions(
            Role.PROGRAMME_ADMIN,
            {
                f"engage_practices.{action}_{model}"
                for action in ("add", "change", "delete", "view")
                for model in ("term", "practicecollection")
            }
            | {"wagtailcore.add_task", "wagtailcore.change_task"},
        )
        register_demo_seeder("inspiring practices", demo.seed_practices, order=40)
        register_menu_item(
            MenuItem(
                key="practices",
                label=pgettext_lazy("main menu", "Inspiring practices"),
                url_name="engage_practices:search",
                order=30,
                roles=frozenset(),
            )
        )
        register_menu_item(
            MenuItem(
                key="my-practices",
                label=pgettext_lazy("main menu", "My practices"),
                url_name="engage_practices:mine",
                order=31,
            )
        )
        register_menu_item(
            MenuItem(
                key="practice-reviews",
                label=pgettext_lazy("main menu", "Practice reviews"),
                url_name="engage_practices:reviews",
                order=32,
                roles=frozenset({Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN}),
            )
        )
        register_menu_item(
            MenuItem(
                key="practice-collections",
                label=_("Collections"),
                url_name="engage_practices:collections",
                order=33,
                # Those the rule engage_practices.curate_collections lets curate.
                roles=frozenset({Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN}),
            )
        )
