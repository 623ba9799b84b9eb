"""Receivers of Wagtail's and Django's signals; each calls one service."""

from __future__ import annotations

from typing import Any

from . import services
from .models import PracticePage, PracticeReviewTask
from .services import indexing, review_notices


def _practice(obj: Any) -> PracticePage | None:
    specific = getattr(obj, "specific", obj)
    return specific if isinstance(specific, PracticePage) else None


def practice_published(
    sender: Any, instance: Any, revision: Any = None, **kwargs: Any
) -> None:
    services.on_published(
        page_id=instance.pk, revision_id=getattr(revision, "pk", None)
    )


def practice_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.remove_practices([instance.pk])


def practice_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    indexing.remove_practices([instance.pk])


def task_submitted(sender: Any, instance: Any, user: Any = None, **kwargs: Any) -> None:
    task = instance.task.specific
    page = _practice(instance.workflow_state.content_object)
    if page is not None and isinstance(task, PracticeReviewTask):
        review_notices.tell_reviewers(task=task, page=page)


def workflow_rejected(
    sender: Any, instance: Any, user: Any = None, **kwargs: Any
) -> None:
    page = _practice(instance.content_object)
    if page is not None:
        comment = (
            instance.current_task_state.get_comment()
            if instance.current_task_state
            else ""
        )
        review_notices.tell_author(
            page=page, outcome="changes_requested", comment=comment
        )


def workflow_approved(
    sender: Any, instance: Any, user: Any = None, **kwargs: Any
) -> None:
    page = _practice(instance.content_object)
    if page is not None:
        review_notices.tell_author(page=page, outcome="published", comment="")


def workflow_cancelled(
    sender: Any, instance: Any, user: Any = None, **kwargs: Any
) -> None:
    page = _practice(instance.content_object)
    if page is None:
        return
    page.refresh_from_db(fields=["rejected_at"])
    if page.rejected_at:
        state = instance.current_task_state
        review_notices.tell_author(
            page=page, outcome="rejected", comment=state.get_comment() if state else ""
        )


def only_for_other_content(wagtail_notifier: Any) -> Any:
    """Wrap one of Wagtail's moderation e-mail notifiers so it skips practices.

    Practices send their own notices (in the recipient's language, through the
    outbox, to reviewers of the author's faculty only, with links into the site).
    """

    def receiver(sender: Any, instance: Any, **kwargs: Any) -> Any:
        obj = getattr(instance, "content_object", None)
        if obj is None and hasattr(instance, "workflow_state"):
            obj = instance.workflow_state.content_object
        if _practice(obj) is not None:
            return None
        return wagtail_notifier(sender=sender, instance=instance, **kwargs)

    return receiver
