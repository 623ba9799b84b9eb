"""E-mails about reviews: to reviewers when a practice awaits them, to authors
when their practice moves on. Each in the recipient's language, via the outbox."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from lms.accounts.models import Profile
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from lms.conf import engage_settings
from lms.notifications.services import notify, queue_email

from ..models import PracticePage, PracticeReviewTask


def _link(path: str) -> str:
    return engage_settings.site_url.rstrip("/") + path


def _send(user: Any, template: str, context: dict[str, Any]) -> None:
    if not user.email:
        return
    with translation.override(profile_of(user).preferred_language):
        subject = render_to_string(
            f"engage_practices/email/{template}_subject.txt", context
        )
        body = render_to_string(f"engage_practices/email/{template}.txt", context)
    queue_email(to=user.email, subject=" ".join(subject.split()), body=body)


def reviewers_for(task: PracticeReviewTask, page: PracticePage) -> list[Any]:
    """Everyone who may act on this step for this practice."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=task.groups.all())
        .distinct()
    )
    if task.faculty_scoped:
        users = users.filter(
            engage_profile__faculty_id=page.faculty_id,
            groups__name=Role.FACULTY_COORDINATOR.group_name,
        )
    return list(users.select_related("engage_profile"))


def tell_reviewers(*, task: PracticeReviewTask, page: PracticePage) -> None:
    """An e-mail and a notification in the site (the bell, the digest) to each
    reviewer of this step."""
    path = reverse("engage_practices:review", args=[page.pk])
    context = {"title": page.title, "step": task.name, "link": _link(path)}
    for user in reviewers_for(task, page):
        notice = notify(
            recipient=user,
            kind="practice-to-review",
            title=format_lazy(
                gettext_lazy("Practice waiting for your review: {title}"),
                title=page.title,
            ),
            url=path,
        )
        if notice.digest_sent_at is None:  # not e-mailed at once by notify
            _send(user, "review_waiting", context)


def tell_author(*, page: PracticePage, outcome: str, comment: str) -> None:
    author = page.owner
    if author is None:
        return
    Profile.objects.get_or_create(user=author)
    context = {
        "title": page.title,
        "outcome": outcome,
        "comment": comment,
        "link": _link(reverse("engage_practices:mine_detail", args=[page.pk])),
    }
    _send(author, f"author_{outcome}", context)
