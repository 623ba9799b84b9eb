from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.roles import Role
from lms.notifications.models import OutgoingEmail
from practices_db import services
from practices_db.exceptions import InvalidReviewAction, NotEditable
from practices_db.models import SearchRecord
from practices_db.selectors import Status, reviews_waiting, status_of
from tests.factories import FacultyFactory, person
from tests.practices_db.factories import make_practice, practice_input

pytestmark = pytest.mark.django_db(transaction=False)


def _status(page: Any) -> str:
    page.refresh_from_db()
    return status_of(page).code


def test_two_step_review_publishes_and_indexes(
    lecturer: Any, coordinator: Any, programme_admin: Any, faculty: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    page = make_practice(lecturer, faculty, publish=False)
    assert _status(page) == Status.DRAFT
    services.submit_practice(actor=lecturer, page=page)
    assert _status(page) == Status.IN_REVIEW
    assert [p.pk for p, _s in reviews_waiting(coordinator)] == [page.pk]
    assert reviews_waiting(programme_admin) == []  # not their step yet
    with pytest.raises(NotEditable):
        services.update_practice(
            actor=lecturer, page=page, data=practice_input(faculty)
        )

    services.review_practice(actor=coordinator, page=page, action="approve")
    assert [p.pk for p, _s in reviews_waiting(programme_admin)] == [page.pk]
    with django_capture_on_commit_callbacks():
        services.review_practice(
            actor=programme_admin, page=page, action="approve", comment="Lovely."
        )
    assert _status(page) == Status.PUBLISHED
    assert SearchRecord.objects.filter(page=page).exists()
    subjects = list(OutgoingEmail.objects.values_list("to", "subject"))
    assert (lecturer.email, f"Your practice is published: {page.title}") in subjects


def test_coordinator_of_another_faculty_cannot_review(
    lecturer: Any, faculty: Any
) -> None:
    other = person(
        Role.FACULTY_COORDINATOR, username="other-coord", faculty=FacultyFactory()
    )
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    assert services.review_actions(other, page) == []
    with pytest.raises(InvalidReviewAction):
        services.review_practice(actor=other, page=page, action="approve")
    assert reviews_waiting(other) == []


def test_request_changes_then_resubmit(
    lecturer: Any, coordinator: Any, faculty: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    with pytest.raises(InvalidReviewAction):
        services.review_practice(actor=coordinator, page=page, action="reject")
    services.review_practice(
        actor=coordinator, page=page, action="reject", comment="Add evidence."
    )
    assert _status(page) == Status.CHANGES_REQUESTED
    services.update_practice(
        actor=lecturer, page=page, data=practice_input(faculty, evidence="<p>Data</p>")
    )
    services.submit_practice(actor=lecturer, page=page)
    assert _status(page) == Status.IN_REVIEW


def test_reject_outright_locks_the_practice(
    lecturer: Any, coordinator: Any, faculty: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(
        actor=coordinator, page=page, action="decline", comment="Out of scope."
    )
    assert _status(page) == Status.REJECTED
    with pytest.raises(NotEditable):
        services.submit_practice(actor=lecturer, page=page)
    assert OutgoingEmail.objects.filter(
        to=lecturer.email, subject__startswith="Your practice was not accepted"
    ).exists()


def test_editing_a_published_practice_keeps_the_live_version(
    lecturer: Any, faculty: Any
) -> None:
    page = make_practice(lecturer, faculty, title="Original title")
    services.update_practice(
        actor=lecturer, page=page, data=practice_input(faculty, title="New title")
    )
    page.refresh_from_db()
    assert page.title == "Original title"
    assert page.get_latest_revision_as_object().title == "New title"
    assert SearchRecord.objects.get(page=page).title == "Original title"


def test_approval_publishes_even_without_page_publish_rights(
    lecturer: Any, coordinator: Any, programme_admin: Any, faculty: Any
) -> None:
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.all().delete()  # reviewers need no editor rights
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(actor=coordinator, page=page, action="approve")
    services.review_practice(actor=programme_admin, page=page, action="approve")
    assert _status(page) == Status.PUBLISHED
