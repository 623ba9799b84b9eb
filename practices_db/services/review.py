"""Reviewing a practice: the actions open to a reviewer, taking one, and
publishing what the last step approved."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.workflows import publish_workflow_state

from ..exceptions import InvalidReviewAction
from ..models import PracticePage
from ..rules.limits import within


def review_actions(user: Any, page: PracticePage) -> list[tuple[str, str, bool]]:
    """The review actions `user` may take on `page` now (none when not theirs)."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    actions = task_state.task.specific.get_actions(page, user)
    return [(name, str(label), needs_comment) for name, label, needs_comment in actions]


def review_practice(
    *, actor: Any, page: PracticePage, action: str, comment: str = ""
) -> None:
    """Approve, request changes or reject, as the reviewer of the current step."""
    with transaction.atomic():
        page = PracticePage.objects.select_for_update().get(pk=page.pk)
        allowed = {name for name, _label, _c in review_actions(actor, page)}
        if action not in allowed:
            raise InvalidReviewAction(
                _("You cannot take this review action now."), field="action"
            )
        if action in {"reject", "decline"} and not comment.strip():
            raise InvalidReviewAction(
                _("Tell the author why, in a comment."), field="comment"
            )
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(
            task_state,
            actor,
            action,
            comment=within(comment.strip(), limit=2000, field="comment"),
        )


def publish_approved(workflow_state: Any, user: Any = None) -> None:
    """Wagtail's finishing action (settings.WAGTAIL_FINISH_WORKFLOW_ACTION, via
    `workflow_actions`): an approved practice is published by its review itself,
    whoever the programme team's reviewer is; other content keeps Wagtail's
    behaviour (publishing with the last reviewer's page permissions)."""
    content = getattr(workflow_state.content_object, "specific", None)
    if isinstance(content, PracticePage):
        content.get_latest_revision().publish(user=user, skip_permission_checks=True)
        return
    publish_workflow_state(workflow_state, user=user)
