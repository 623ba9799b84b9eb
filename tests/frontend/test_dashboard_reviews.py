"""Reviewers are told on their dashboard that practices wait for them (issue 16:
the coordinator was not told that a review was waiting)."""

from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.roles import Role
from practices_db import services
from tests.factories import FacultyFactory, person
from tests.practices_db.factories import make_practice

pytestmark = pytest.mark.django_db

DASHBOARD = "/dashboard/"


def _waiting(lecturer: Any, faculty: Any, count: int) -> None:
    for n in range(count):
        page = make_practice(
            lecturer, faculty, publish=False, title=f"Practice {n} {count}"
        )
        services.submit_practice(actor=lecturer, page=page)


def test_the_coordinator_is_told_how_many_practices_wait(
    client_for: Any, coordinator: Any, lecturer: Any, faculty: Any
) -> None:
    _waiting(lecturer, faculty, 2)

    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert 'data-reviews-waiting="2"' in html
    assert "2 practices wait for your review." in html
    assert 'href="/practices/reviews/"' in html


def test_one_waiting_practice_in_dutch(
    client_for: Any, coordinator: Any, lecturer: Any, faculty: Any
) -> None:
    _waiting(lecturer, faculty, 1)

    client = client_for(coordinator)
    client.post("/accounts/language/", {"language": "nl", "next": DASHBOARD})
    html = client.get(DASHBOARD).content.decode()

    assert "1 praktijkvoorbeeld wacht op je beoordeling." in html


def test_another_faculty_s_practice_is_not_counted(
    client_for: Any, lecturer: Any, faculty: Any
) -> None:
    _waiting(lecturer, faculty, 1)
    other = person(
        Role.FACULTY_COORDINATOR, username="other-coord", faculty=FacultyFactory()
    )

    html = client_for(other).get(DASHBOARD).content.decode()

    assert 'data-reviews-waiting="0"' in html
    assert "Nothing is waiting for your review." in html
    assert "wait for your review" not in html


def test_the_programme_team_sees_the_second_step_only(
    client_for: Any,
    coordinator: Any,
    programme_admin: Any,
    lecturer: Any,
    faculty: Any,
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    admin = client_for(programme_admin)
    assert 'data-reviews-waiting="0"' in admin.get(DASHBOARD).content.decode()

    services.review_practice(actor=coordinator, page=page, action="approve")

    assert 'data-reviews-waiting="1"' in admin.get(DASHBOARD).content.decode()
    html = client_for(coordinator).get(DASHBOARD).content.decode()
    assert 'data-reviews-waiting="0"' in html


def test_a_lecturer_sees_no_review_panel(
    client_for: Any, lecturer: Any, faculty: Any
) -> None:
    _waiting(lecturer, faculty, 1)

    html = client_for(lecturer).get(DASHBOARD).content.decode()

    assert "data-reviews-waiting" not in html


def test_the_count_costs_the_same_queries_for_one_or_five_waiting(
    client_for: Any,
    coordinator: Any,
    lecturer: Any,
    faculty: Any,
    django_assert_num_queries: Any,
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(coordinator)
    _waiting(lecturer, faculty, 1)
    client.get(DASHBOARD)  # warm the per-process caches
    with CaptureQueriesContext(connection) as one:
        client.get(DASHBOARD)
    _waiting(lecturer, faculty, 4)
    with django_assert_num_queries(len(one.captured_queries)):
        html = client.get(DASHBOARD).content.decode()
    assert 'data-reviews-waiting="5"' in html
