"""A second reviewer never decides on what they did not read (issue 23).

The review form carries the step and the version the reviewer opened
(`services.review_seen`). When another reviewer decided meanwhile, or the author
withdrew the practice, changed it and sent it again, the decision is refused
with a reason, the page shows the practice as it is now, and the typed comment
comes back. When nothing is left to decide, the reviewer is told so.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils.html import escape

from lms.accounts.roles import Role
from practices_db import services
from practices_db.selectors import Status, status_of
from tests.factories import person
from tests.practices_db.factories import make_practice, practice_input

pytestmark = pytest.mark.django_db

CHANGED = "This practice changed since you opened it"
DECIDED = "While you had this practice open, another reviewer decided on it"


def opened(client: Any, page: Any) -> dict[str, str]:
    """The review form's hidden marker as the reviewer's page carries it."""
    html = client.get(reverse("engage_practices:review", args=[page.pk]))
    assert html.status_code == 200
    return {"seen": re.search(r'name="seen" value="([^"]*)"', html.content.decode())[1]}


def send(client: Any, page: Any, form: dict[str, str], **data: str) -> Any:
    url = reverse("engage_practices:review", args=[page.pk])
    return client.post(url, {**form, **data}, follow=True)


def status(page: Any) -> str:
    page.refresh_from_db()
    return status_of(page).code


def second_reviewer_after_a_rejection(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> tuple[Any, Any, dict[str, str]]:
    """Two coordinators open one practice; the first asks for changes. The
    practice, the second coordinator's client and the form they still hold."""
    colleague = person(
        Role.FACULTY_COORDINATOR, username="coordinator-2", faculty=faculty
    )
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    first, second = client_for(coordinator), client_for(colleague)
    forms = [opened(first, page), opened(second, page)]
    send(first, page, forms[0], action="reject", comment="Add the evidence, please.")
    return page, second, forms[1]


def test_a_decision_on_a_version_the_author_replaced_is_refused_and_the_comment_kept(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False, title="First version")
    services.submit_practice(actor=lecturer, page=page)
    reviewer = client_for(coordinator)
    form = opened(reviewer, page)
    # Meanwhile the author takes it back, rewrites it and sends it again.
    services.withdraw_practice(actor=lecturer, page=page)
    services.update_practice(
        actor=lecturer, page=page, data=practice_input(faculty, title="Second version")
    )
    services.submit_practice(actor=lecturer, page=page)

    response = send(reviewer, page, form, action="approve", comment="Fine by me.")
    html = response.content.decode()
    assert response.status_code == 400
    assert CHANGED in html
    assert "Second version" in html  # the page shows it as it is now
    assert "Fine by me." in html  # what was typed comes back
    assert status(page) == Status.IN_REVIEW
    assert services.review_actions(coordinator, page)  # still theirs to decide
    # Having read it again, the same form now carries the new marker.
    again = re.search(r'name="seen" value="([^"]*)"', html)[1]
    assert again == services.review_seen(page)
    response = send(reviewer, page, {"seen": again}, action="approve", comment="")
    assert response.redirect_chain[-1][0] == reverse("engage_practices:reviews")
    assert services.review_actions(coordinator, page) == []


def test_a_second_reviewer_of_a_step_already_decided_is_told_and_changes_nothing(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page, second, form = second_reviewer_after_a_rejection(
        lecturer, coordinator, faculty, client_for
    )
    assert status(page) == Status.CHANGES_REQUESTED
    response = send(second, page, form, action="approve", comment="")
    assert response.redirect_chain[-1][0] == reverse("engage_practices:reviews")
    assert escape(DECIDED) in response.content.decode()
    assert status(page) == Status.CHANGES_REQUESTED


def test_a_stale_decision_after_the_author_sent_it_again_is_refused(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page, second, form = second_reviewer_after_a_rejection(
        lecturer, coordinator, faculty, client_for
    )
    services.update_practice(
        actor=lecturer, page=page, data=practice_input(faculty, title="With evidence")
    )
    services.submit_practice(actor=lecturer, page=page)

    response = send(second, page, form, action="approve", comment="")
    assert response.status_code == 400
    assert CHANGED in response.content.decode()
    assert status(page) == Status.IN_REVIEW


def test_a_missing_or_forged_marker_decides_nothing(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    reviewer = client_for(coordinator)
    for form in ({}, {"seen": "1:1"}, {"seen": "x" * 5000}, {"seen": "\x00"}):
        response = send(reviewer, page, form, action="approve", comment="")
        assert response.status_code == 400, form
        assert status(page) == Status.IN_REVIEW
