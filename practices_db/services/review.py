"""Reviewing a practice: the actions open to a reviewer, taking one, and
publishing what the last step approved."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState
from wagtail.workflows import publish_workflow_state

from ..exceptions import InvalidReviewAction, ReviewOutdated
from ..models import PracticePage
from ..rules.limits import within


def review_actions(user: Any, page: PracticePage) -> list[tuple[str, str, bool]]:
    """The review actions `user` may take on `page` now (none when not theirs)."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    actions = task_state.task.specific.get_actions(page, user)
    return [(name, str(label), needs_comment) for name, label, needs_comment in actions]


def review_seen(page: PracticePage) -> str:
    """What a reviewer reads: the step and the revision (the form carries it)."""
    task_state = page.current_workflow_task_state
    revision = page.get_latest_revision()
    return f"{getattr(task_state, 'pk', '')}:{getattr(revision, 'pk', '')}"


def decided_meanwhile(user: Any, page: PracticePage, seen: str) -> bool:
    """Whether `seen` names a step of `page` that was `user`'s to decide and that
    is decided now: the reviewer's page was open while another reviewer (or the
    author, withdrawing it) ended that step."""
    task_state_id = seen.partition(":")[0]
    if not task_state_id.isdigit() or len(task_state_id) > 18:
        return False
    task_state = (
        TaskState.objects.filter(
            pk=int(task_state_id),
            workflow_state__object_id=str(page.pk),
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
        )
        .select_related("task")
        .first()
    )
    if task_state is None or task_state.status == TaskState.STATUS_IN_PROGRESS:
        return False
    task = task_state.task.specific
    return bool(getattr(task, "is_reviewer", lambda *_: False)(page, user))


def review_practice(
    *,
    actor: Any,
    page: PracticePage,
    action: str,
    comment: str = "",
    seen: str | None = None,
) -> None:
    """Approve, request changes or reject, as the reviewer of the current step.

    `seen` is `review_seen` as the reviewer's page showed it. When another
    reviewer decided meanwhile, or the author saved a new version, the decision
    is refused with `ReviewOutdated`: a second coordinator never approves a
    step (or a text) they did not read.
    """
    with transaction.atomic():
        page = PracticePage.objects.select_for_update().get(pk=page.pk)
        if seen is not None and seen != review_seen(page):
            raise ReviewOutdated(
                _(
                    "This practice changed since you opened it: another reviewer "
                    "decided, or the author saved a new version. Read it again as "
                    "it is now, then send your review."
                )
            )
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
