"""The review step of the practice moderation workflow."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from lms.accounts.permissions import coordinates_faculty


class PracticeReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, request changes or reject.

    With `faculty_scoped`, a member may only review practices of the faculty they
    coordinate, so each faculty reviews its own practices.
    """

    faculty_scoped = models.BooleanField(
        _("only the author's faculty"),
        default=False,
        help_text=_(
            "Group members review only practices of the faculty they coordinate."
        ),
    )

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "faculty_scoped"]

    class Meta:
        verbose_name = _("practice review task")
        verbose_name_plural = _("practice review tasks")

    def may_review(self, obj: Any, user: Any) -> bool:
        if not getattr(user, "is_authenticated", False):
            return False
        if user.is_superuser:
            return True
        if not self._user_in_groups(user):
            return False
        if not self.faculty_scoped:
            return True
        return coordinates_faculty(user, getattr(obj.specific, "faculty_id", None))

    def user_can_access_editor(self, obj: Any, user: Any) -> bool:
        return self.may_review(obj, user)

    def locked_for_user(self, obj: Any, user: Any) -> bool:
        return not self.may_review(obj, user)

    def user_can_lock(self, obj: Any, user: Any) -> bool:
        return self.may_review(obj, user)

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        if not self.may_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
            ("decline", _("Reject"), True),
        ]

    @transaction.atomic
    def on_action(
        self, task_state: TaskState, user: Any, action_name: str, **kwargs: Any
    ) -> None:
        if action_name != "decline":
            super().on_action(task_state, user, action_name, **kwargs)
            return
        # Rejecting outright ends the workflow; the practice stays unpublished and
        # the author sees the reason. Marked before cancelling, so the handlers of
        # Wagtail's workflow_cancelled signal can tell a rejection from a withdrawal.
        page = task_state.workflow_state.content_object.specific
        type(page).objects.filter(pk=page.pk).update(rejected_at=timezone.now())
        task_state.reject(user=user, update=False, comment=kwargs.get("comment", ""))
        task_state.workflow_state.cancel(user=user)

    def get_task_states_user_can_moderate(self, user: Any, **kwargs: Any) -> Any:
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        if not self.faculty_scoped or user.is_superuser:
            return states
        from lms.accounts.permissions import faculty_id_of

        from .pages import PracticePage

        faculty_pages = PracticePage.objects.filter(
            faculty_id=faculty_id_of(user)
        ).values("pk")
        return states.filter(
            workflow_state__object_id__in=[str(p["pk"]) for p in faculty_pages]
        )

    @classmethod
    def get_description(cls) -> Any:
        return _(
            "Members of the chosen groups review the practice; optionally only "
            "the coordinators of the author's faculty."
        )
