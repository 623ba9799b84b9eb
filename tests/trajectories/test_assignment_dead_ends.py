"""From an assignment and back: registering an own course returns to the
assignment that asked for it, and a saved draft stays on its page, where the
files can now be attached."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.selectors import my_trajectories

pytestmark = pytest.mark.django_db

COURSES = reverse("engage_trajectories:courses")


@pytest.fixture
def assignment_url(lecturer: Any) -> str:
    enrolment = services.enrol(
        user=lecturer, cohort=make_cohort(first_session_in_days=-7)
    )
    key = my_trajectories(lecturer)[0].assignments[0].key
    return reverse("engage_trajectories:assignment", args=[enrolment.pk, key])


def test_registering_a_course_from_an_assignment_returns_to_it(
    lecturer: Any, client_for: Any, assignment_url: str
) -> None:
    client = client_for(lecturer)
    page = client.get(assignment_url).content.decode()
    (link,) = re.findall(r'href="(/trajectory/courses/\?next=[^"]+)"', page)

    form = client.get(link).content.decode()
    assert f'name="next" value="{assignment_url}"' in form
    assert f'href="{assignment_url}">Back to the assignment</a>' in form
    response = client.post(COURSES, {"name": "Statistics 1", "next": assignment_url})

    assert response.status_code == 302
    assert response["Location"] == assignment_url
    back = client.get(assignment_url).content.decode()
    assert "Statistics 1" in back  # the course is there to choose
    assert "Course registered." in back


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
        "javascript:alert(1)",
        "http://testserver/trajectory/",  # absolute: only paths are kept
        "trajectory/",
        "",
    ],
)
def test_a_next_that_is_not_a_page_of_this_site_is_ignored(
    lecturer: Any, client_for: Any, target: str
) -> None:
    client = client_for(lecturer)
    page = client.get(COURSES, {"next": target}).content.decode()
    form = page.split("<h1>", 1)[1]  # the header's language switch has its own
    assert 'name="next"' not in form
    assert "Back to the assignment" not in form

    response = client.post(COURSES, {"name": "Statistics 1", "next": target})

    assert response.status_code == 302
    assert response["Location"] == COURSES


def test_a_course_form_with_errors_keeps_the_way_back(
    lecturer: Any, client_for: Any, assignment_url: str
) -> None:
    response = client_for(lecturer).post(COURSES, {"name": "", "next": assignment_url})
    assert response.status_code == 400
    assert f'name="next" value="{assignment_url}"' in response.content.decode()


def test_save_draft_stays_on_the_assignment_where_files_can_be_attached(
    lecturer: Any, client_for: Any, assignment_url: str
) -> None:
    client = client_for(lecturer)
    course = services.register_course(owner=lecturer, name="Intro to Law")
    before = client.get(assignment_url).content.decode()
    assert "data-assignment-files" not in before

    response = client.post(
        assignment_url,
        {"course": course.pk, "planned_change": "Shorter lectures.", "save": ""},
    )

    assert response.status_code == 302
    assert response["Location"] == assignment_url
    page = client.get(assignment_url).content.decode()
    assert "Draft saved. You can attach files below." in page
    assert "data-assignment-files" in page
    assert 'enctype="multipart/form-data"' in page
    assert "Shorter lectures." in page


def test_submitting_still_goes_to_the_trajectory(
    lecturer: Any, client_for: Any, assignment_url: str
) -> None:
    client = client_for(lecturer)
    course = services.register_course(owner=lecturer, name="Intro to Law")
    response = client.post(
        assignment_url,
        {"course": course.pk, "actual_change": "Rewrote it.", "submit": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("engage_trajectories:mine")
