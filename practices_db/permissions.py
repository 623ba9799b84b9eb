"""Every access rule of the practices database, registered from AppConfig.ready()
and asked through `user.has_perm("engage_practices.<codename>"[, obj])` by the
site's views, the Wagtail admin and hooks, the review workflow task and the
services. Django grants active superusers every permission (decision 0002).
"""

from __future__ import annotations

from typing import Any

from lms.accounts.permissions import (
    coordinates_faculty,
    register_object_rule,
    register_rule,
)
from lms.accounts.roles import Role
from lms.accounts.selectors import has_role, roles_of

from .data import ReviewStep
from .models import PracticeCollection, PracticePage
from .selectors.practices import pages_showing_document

SHARE = "engage_practices.share_practice"
CHANGE_PRACTICE = "engage_practices.change_practice"
REVIEW_PRACTICES = "engage_practices.review_practices"
REVIEW_PRACTICE = "engage_practices.review_practice"
REVIEW_STEP = "engage_practices.review_step"
REVIEW_EVERY_FACULTY = "engage_practices.review_every_faculty"
VIEW_PRIVATE_DOCUMENT = "engage_practices.view_private_document"
CURATE = "engage_practices.curate_collections"
CHANGE_COLLECTION = "engage_practices.change_collection"
EXPORT = "engage_practices.export_practices"
IMPORT = "engage_practices.import_practices"


def shares_practices(user: Any) -> bool:
    """Anyone with a role in the programme may share a practice."""
    return bool(roles_of(user))


def is_author(user: Any, page: PracticePage) -> bool:
    return bool(page.owner_id == user.pk)


def coordinates_or_runs_programme(user: Any) -> bool:
    """Faculty coordinators and the programme team (review list, collections)."""
    return has_role(user, Role.FACULTY_COORDINATOR) or has_role(
        user, Role.PROGRAMME_ADMIN
    )


def runs_programme(user: Any) -> bool:
    return has_role(user, Role.PROGRAMME_ADMIN)


def reviews_at_step(user: Any, step: ReviewStep) -> bool:
    """A member of the step's groups; for a faculty-scoped step, only the
    coordinator of the practice's faculty."""
    task = step.task
    if not task._user_in_groups(user):
        return False
    if not task.faculty_scoped:
        return True
    page = getattr(step.page, "specific", step.page)
    return coordinates_faculty(user, getattr(page, "faculty_id", None))


def reviews_practice(user: Any, page: PracticePage) -> bool:
    """The practice waits at a review step `user` may act on."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return False
    return bool(user.has_perm(REVIEW_STEP, ReviewStep(task_state.task.specific, page)))


def nobody(user: Any) -> bool:
    """Only superusers (whom Django grants every permission)."""
    return False


def reviews_faculty(user: Any, faculty_id: int | None) -> bool:
    return has_role(user, Role.PROGRAMME_ADMIN) or coordinates_faculty(user, faculty_id)


def sees_private_document(user: Any, document: Any) -> bool:
    """A practice document no published practice shows: its uploader, the
    practice's author and its reviewers (the programme team when no practice
    shows it yet)."""
    if document.uploaded_by_user_id == user.pk:
        return True
    pages = pages_showing_document(document)
    if not pages:
        return has_role(user, Role.PROGRAMME_ADMIN)
    return any(
        page.owner_id == user.pk or reviews_faculty(user, page.faculty_id)
        for page in pages
    )


def owns_collection(user: Any, collection: PracticeCollection) -> bool:
    return bool(collection.owner_id == user.pk)


def imports_practices(user: Any) -> bool:
    """The programme team's taxonomy right (a Django model permission)."""
    return bool(user.has_perm("engage_practices.add_term"))


def register_rules() -> None:
    register_rule(SHARE, shares_practices)
    register_object_rule(CHANGE_PRACTICE, is_author)
    register_rule(REVIEW_PRACTICES, coordinates_or_runs_programme)
    register_object_rule(REVIEW_PRACTICE, reviews_practice)
    register_object_rule(REVIEW_STEP, reviews_at_step)
    register_rule(REVIEW_EVERY_FACULTY, nobody)
    register_object_rule(VIEW_PRIVATE_DOCUMENT, sees_private_document)
    register_rule(CURATE, coordinates_or_runs_programme)
    register_object_rule(CHANGE_COLLECTION, owns_collection)
    register_rule(EXPORT, runs_programme)
    register_rule(IMPORT, imports_practices)
