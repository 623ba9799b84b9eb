"""The review step of the practice moderation workflow."""

from __future__ import annotations

from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from ..data import ReviewStep

# Rules of permissions.py, asked by name (the models sit below permissions).
REVIEW_STEP = "engage_practices.review_step"
REVIEW_EVERY_FACULTY = "engage_practices.review_every_faculty"


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

    def is_reviewer(self, obj: Any, user: Any) -> bool:
        """Whether `user` acts on this step for `obj` (a registered rule)."""
        return bool(user.has_perm(REVIEW_STEP, ReviewStep(self, obj)))

    def _locked(self, obj: Any, user: Any) -> bool:
        return not self.is_reviewer(obj, user)

    # Wagtail's Task API: each asks the same rule.
    user_can_access_editor = is_reviewer
    user_can_lock = is_reviewer
    locked_for_user = _locked

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        if not self.is_reviewer(obj, user):
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
        if not self.faculty_scoped or user.has_perm(REVIEW_EVERY_FACULTY):
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
