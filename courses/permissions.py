"""The access rules of the courses app, asked through `user.has_perm`."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from lms.accounts.permissions import register_object_rule

from .data import PageVisit

VIEW_LESSON = "engage_courses.view_lesson"


def can_view_lesson(user: Any, visit: PageVisit) -> bool:
    """Wagtail's privacy settings of the page and its parents (sign-in, groups,
    a password given in this session), as Wagtail answers them when it serves
    the page."""
    request = SimpleNamespace(user=user, session=visit.session)
    return all(
        restriction.accept_request(request)
        for restriction in visit.page.get_view_restrictions()
    )


def register_rules() -> None:
    register_object_rule(VIEW_LESSON, can_view_lesson)
