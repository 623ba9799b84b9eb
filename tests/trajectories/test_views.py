from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services

pytestmark = pytest.mark.django_db


def test_programme_page_shows_cohorts_and_enrols(
    lecturer: Any, client_for: Any
) -> None:
    cohort = make_cohort()
    client = client_for(lecturer)
    html = client.get(cohort.programme.url).content.decode()
    assert "Cohort A" in html and "Enrol" in html
    response = client.post(reverse("engage_trajectories:enrol", args=[cohort.pk]))
    assert response.status_code == 302
    mine = client.get(reverse("engage_trajectories:mine")).content.decode()
    assert "Session 1" in mine and "calendar" in mine


def test_calendar_feed_is_valid_icalendar_and_secret(lecturer: Any) -> None:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort())
    url = reverse("engage_trajectories:calendar", args=[enrolment.calendar_token])
    body = Client().get(url).content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.count("BEGIN:VEVENT") == 3
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert (
        Client().get(url.replace(enrolment.calendar_token, "x" * 20)).status_code == 404
    )


def test_coach_overview_is_only_for_the_cohorts_coaches(
    lecturer: Any, coach: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    cohort = make_cohort(coaches=(coach,), sessions=10)
    for n in range(40):
        services.enrol(user=person(Role.LECTURER, username=f"p{n}"), cohort=cohort)
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    client = client_for(coach)
    # Attendance, feedback awaited, progress per participant, who went quiet and
    # the peer groups (+2 on this first, cold request: the header's
    # unread-notifications badge and the menu's course listing address).
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
    other = person(Role.COACH, username="other-coach")
    assert client_for(other).get(url).status_code == 404
    assert client_for(lecturer).get(url).status_code == 404


def test_coach_marks_attendance_and_shows_a_code(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    cohort = make_cohort(coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    session = cohort.sessions.first()
    client = client_for(coach)
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    client.post(url, {"session": session.pk, f"attendance-{enrolment.pk}": "present"})
    assert enrolment.attendances.get().status == "present"
    response = client.post(url, {"session": session.pk, "action": "code"}, follow=True)
    session.refresh_from_db()
    assert session.checkin_code in response.content.decode()
    assert client.post(url, {"session": "junk"}).status_code == 302
