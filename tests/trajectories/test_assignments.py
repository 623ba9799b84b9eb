from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lms.xapi.models import Statement
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import AssignmentLocked, NotAllowed
from trajectories.rules.assignments import day_label
from trajectories.selectors import my_trajectories

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(lecturer: Any) -> Any:
    # Session 1 lies in the past (opens assignment 1); session 3 in the future.
    return services.enrol(user=lecturer, cohort=make_cohort(first_session_in_days=-7))


def test_assignments_open_after_their_session_and_explain_locks(
    lecturer: Any, enrolment: Any
) -> None:
    (overview,) = my_trajectories(lecturer)
    first, second = overview.assignments
    assert (first.status, second.status) == ("open", "locked")
    opens = enrolment.cohort.sessions.get(number=3).ends_at
    assert second.locked_reason == f"Opens after session 3 on {day_label(opens)}."
    course = services.register_course(owner=lecturer, name="Intro to Law", code="L1")
    with pytest.raises(AssignmentLocked, match="Opens after session 3 on "):
        services.save_assignment(
            user=lecturer, enrolment=enrolment, key=second.key, course=course,
            planned_change="", actual_change="x", effect="", submit=False,
        )  # fmt: skip


def test_submit_needs_a_course_and_the_change_and_is_recorded(
    lecturer: Any, enrolment: Any
) -> None:
    key = my_trajectories(lecturer)[0].assignments[0].key
    with pytest.raises(NotAllowed):
        services.save_assignment(
            user=lecturer, enrolment=enrolment, key=key, course=None,
            planned_change="", actual_change="", effect="", submit=True,
        )  # fmt: skip
    course = services.register_course(owner=lecturer, name="Intro to Law")
    work = services.save_assignment(
        user=lecturer, enrolment=enrolment, key=key, course=course,
        planned_change="<p>Plan</p>",
        actual_change="<p>Before/after <script>x</script></p>",
        effect="<p>Fewer questions</p>", submit=True,
    )  # fmt: skip
    assert work.status == "submitted" and "<script>" not in work.actual_change
    verbs = {
        s.payload["verb"]["id"].rsplit("/", 1)[-1] for s in Statement.objects.all()
    }
    assert {"completed", "revised-course"} <= verbs
    with pytest.raises(NotAllowed):
        services.save_assignment(
            user=lecturer, enrolment=enrolment, key=key, course=course,
            planned_change="", actual_change="again", effect="", submit=True,
        )  # fmt: skip


def test_assignment_page_and_courses_through_the_site(
    lecturer: Any, coach: Any, enrolment: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    response = client.post(
        reverse("engage_trajectories:courses"),
        {"name": "Statistics 1", "students": "120"},
    )
    assert response.status_code == 302
    assert (
        client.post(reverse("engage_trajectories:courses"), {"name": ""}).status_code
        == 400
    )
    course = lecturer.own_courses.get()
    key = my_trajectories(lecturer)[0].assignments[0].key
    url = reverse("engage_trajectories:assignment", args=[enrolment.pk, key])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "course": course.pk,
            "actual_change": "Rewrote it.\n\nShorter now.",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    assert (
        "submitted" in client.get(reverse("engage_trajectories:mine")).content.decode()
    )
    assert client_for(coach).get(url).status_code == 404
    edit = reverse("engage_trajectories:course_edit", args=[course.pk])
    assert client_for(coach).get(edit).status_code == 404
