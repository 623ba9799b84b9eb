"""The ways into the journal: "Share a reflection on session N" opens a new
entry about that session, and a lesson's "Reflect" box links to the journal."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.courses.factories import LessonPageFactory, make_course
from tests.trajectories.factories import make_cohort
from tests.trajectories.progress_world import make_rules_programme, make_trajectory
from trajectories import services

pytestmark = pytest.mark.django_db

MY_JOURNAL = reverse("engage_trajectories:my_journal")


@pytest.fixture
def running(lecturer: Any, coach: Any) -> Any:
    """Session 1 a week ago, the others still to come."""
    cohort = make_cohort(
        make_rules_programme(), coaches=(coach,), sessions=5, first_session_in_days=-7
    )
    return make_trajectory(cohort=cohort, lecturer=lecturer, coach=coach)


def _selected(html: str) -> list[str]:
    select = html.split('name="session"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)" selected>', select)


def test_share_a_reflection_on_a_session_opens_an_entry_about_it(
    running: Any, client_for: Any
) -> None:
    client = client_for(running.lecturer)
    mine = client.get(reverse("engage_trajectories:mine")).content.decode()
    (link,) = re.findall(
        r'<a href="([^"]+)">Share a reflection on session 1, Session 1,', mine
    )
    assert link.endswith("?session=1")

    html = client.get(link.replace("&amp;", "&")).content.decode()

    session_1 = running.cohort.sessions.get(number=1)
    assert _selected(html) == [str(session_1.pk)]


@pytest.mark.parametrize(
    "value", ["99", "0", "-1", "abc", "1.5", "%22%3E%3Cscript%3E", "9" * 40, ""]
)
def test_a_session_the_cohort_does_not_have_chooses_none(
    running: Any, client_for: Any, value: str
) -> None:
    new = reverse("engage_trajectories:entry_new", args=[running.enrolment.pk])
    response = client_for(running.lecturer).get(f"{new}?session={value}")

    assert response.status_code == 200
    html = response.content.decode()
    assert _selected(html) == [""]
    assert "<script>" not in html.split("<main", 1)[1]


def test_another_cohort_s_session_is_not_chosen_by_its_id(
    running: Any, client_for: Any
) -> None:
    other = make_cohort(first_session_in_days=-7)
    foreign = other.sessions.get(number=2)
    new = reverse("engage_trajectories:entry_new", args=[running.enrolment.pk])
    html = client_for(running.lecturer).get(f"{new}?session={foreign.pk}")
    assert str(foreign.pk) not in _selected(html.content.decode())


def test_a_lesson_s_reflect_box_links_to_the_journal(
    running: Any, client_for: Any
) -> None:
    course, _ = make_course(0)
    lesson = LessonPageFactory(
        parent=course,
        body=[("reflection_prompt", {"question": "Who spoke least?", "guidance": ""})],
    )
    client = client_for(running.lecturer)
    html = client.get(lesson.url).content.decode()
    box = html.split("lesson-reflection", 1)[1].split("</section>", 1)[0]
    assert f'<a href="{MY_JOURNAL}">Write in my journal</a>' in box

    response = client.get(MY_JOURNAL)

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "engage_trajectories:entry_new", args=[running.enrolment.pk]
    )


def test_the_journal_link_without_a_trajectory_explains_and_goes_to_trajectories(
    client_for: Any, lecturer: Any
) -> None:
    waiting = make_cohort(capacity=1)
    services.enrol(user=_someone(), cohort=waiting)
    services.enrol(user=lecturer, cohort=waiting)  # on the waiting list
    client = client_for(lecturer)

    response = client.get(MY_JOURNAL, follow=True)

    assert response.redirect_chain[0] == (reverse("engage_trajectories:mine"), 302)
    assert (
        "Your reflective journal opens when you join a trajectory."
        in response.content.decode()
    )


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    response = Client().get(MY_JOURNAL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("engage_accounts:login"))


def _someone() -> Any:
    from lms.accounts.roles import Role
    from tests.factories import person

    return person(Role.LECTURER, username="first-in")
