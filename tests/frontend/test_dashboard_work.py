"""The work each role comes for on the dashboard: practices to review (the
faculty coordinator), portfolios to score (the assessor) and the programme
team's key figures; each panel only for its role, in queries that do not grow
with the data."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from certification import services as certification
from lms.accounts.roles import Role
from lms.notifications.models import Notification, NotificationPreference, OutgoingEmail
from practices_db import services as practices
from tests.certification.factories import World, assess, make_world
from tests.factories import FacultyFactory, person
from tests.practices_db.factories import make_practice
from trajectories import services as trajectory_services

pytestmark = pytest.mark.django_db

DASHBOARD = "/dashboard/"
# Measured with one item of each kind, then the same with more: the session, user,
# roles, profile and permissions of every dashboard, plus per panel: reviews
# (task states, tasks, their groups, the practices), assessments (open ones, the
# count of scored ones), key figures (one count each) and the coach's cohorts.
MAX_COORDINATOR_QUERIES = 15
MAX_ASSESSOR_QUERIES = 9
MAX_PROGRAMME_ADMIN_QUERIES = 20


def _figure(html: str, name: str) -> int:
    match = re.search(rf'data-figure="{name}">(\d+)<', html)
    assert match, f"no key figure {name}"
    return int(match.group(1))


def _queries(client: Any) -> tuple[int, str]:
    # New notifications forget the cached unread count: warm it first.
    client.get(DASHBOARD)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(DASHBOARD)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def _submitted_practices(faculty: Any, count: int) -> list[Any]:
    pages = []
    for _ in range(count):
        author = person(Role.LECTURER, faculty=faculty)
        page = make_practice(author, faculty, publish=False)
        practices.submit_practice(actor=author, page=page)
        pages.append(page)
    return pages


# --- the faculty coordinator: practices waiting for their review -------------------


def test_coordinator_sees_the_practices_of_their_faculty_waiting_for_review(
    client_for: Any, coordinator: Any, faculty: Any
) -> None:
    mine = _submitted_practices(faculty, 2)
    _submitted_practices(FacultyFactory(code="law", name_en="Faculty of Law"), 1)

    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert 'data-reviews-waiting="2"' in html
    assert "2 practices wait for your review." in html
    for page in mine:
        assert f'href="/practices/reviews/{page.pk}/"' in html
    # The two practices, "All practice reviews" and the menu's "Practice reviews".
    assert html.count('href="/practices/reviews/') == 4


def test_hostile_titles_and_names_are_escaped_on_the_panels(
    client_for: Any, coordinator: Any, faculty: Any, world: World
) -> None:
    author = person(Role.LECTURER, faculty=faculty)
    page = make_practice(
        author, faculty, publish=False, title="Grades < 5 & <b>why</b>"
    )
    practices.submit_practice(actor=author, page=page)
    world.lecturer.first_name = '<img src=x onerror="alert(2)">'
    world.lecturer.save()
    world.submit()
    world.allocate()

    reviews = client_for(coordinator).get(DASHBOARD).content.decode()
    assessing = client_for(world.assessor).get(DASHBOARD).content.decode()

    page.refresh_from_db()
    assert "<" in page.draft_title  # stored as typed, plain text
    assert page.draft_title not in reviews
    assert escape(page.draft_title) in reviews
    assert "<img src=x" not in assessing
    assert "&lt;img src=x" in assessing


def test_coordinator_with_nothing_to_review_is_told_so(
    client_for: Any, coordinator: Any
) -> None:
    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert 'data-reviews-waiting="0"' in html
    assert "No practice waits for your review." in html


def test_coordinator_is_notified_when_a_practice_of_their_faculty_is_submitted(
    coordinator: Any, faculty: Any
) -> None:
    other = person(
        Role.FACULTY_COORDINATOR, username="law-coord", faculty=FacultyFactory()
    )
    (page,) = _submitted_practices(faculty, 1)

    notice = Notification.objects.get(recipient=coordinator)
    assert notice.kind == "practice-to-review"
    assert page.title in notice.title
    assert notice.url == f"/practices/reviews/{page.pk}/"
    assert not Notification.objects.filter(recipient=other).exists()


def test_a_coordinator_gets_one_e_mail_per_practice_whatever_their_preference(
    coordinator: Any, faculty: Any
) -> None:
    digest_reader = person(
        Role.FACULTY_COORDINATOR, username="digest-coord", faculty=faculty
    )
    NotificationPreference.objects.create(user=coordinator, email_immediately=True)

    (page,) = _submitted_practices(faculty, 1)

    for user in (coordinator, digest_reader):
        mails = OutgoingEmail.objects.filter(to=user.email)
        assert mails.count() == 1, user
        assert page.title in mails.get().subject
        assert Notification.objects.filter(recipient=user).count() == 1


def test_coordinator_dashboard_queries_do_not_grow_with_reviews(
    client_for: Any, coordinator: Any, faculty: Any
) -> None:
    client = client_for(coordinator)
    _submitted_practices(faculty, 1)
    few, _html = _queries(client)

    _submitted_practices(faculty, 6)
    many, html = _queries(client)

    assert 'data-reviews-waiting="7"' in html
    assert many == few <= MAX_COORDINATOR_QUERIES


# --- the assessor: portfolios waiting for their score -------------------------------


@pytest.fixture
def world(faculty: Any) -> World:
    return make_world(faculty)


def _allocated(world: World, count: int) -> list[Any]:
    """`count` more submitted portfolios, each allocated to the world's coach
    (first) and assessor (second)."""
    seconds = []
    for _ in range(count):
        lecturer = person(Role.LECTURER, faculty=world.lecturer.engage_profile.faculty)
        enrolment = trajectory_services.enrol(user=lecturer, cohort=world.cohort)
        portfolio = certification.start_portfolio(user=lecturer, scheme=world.scheme)
        other = replace(
            world, lecturer=lecturer, enrolment=enrolment, portfolio=portfolio
        )
        other.submit()
        _first, second = other.allocate()
        seconds.append(second)
    return seconds


def test_assessor_sees_what_waits_for_their_score_and_no_coaching_wording(
    client_for: Any, world: World
) -> None:
    world.submit()
    first, second = world.allocate()
    assess(first, world.coach, 2)  # the coach scored already: blind for the assessor

    html = client_for(world.assessor).get(DASHBOARD).content.decode()

    assert "Portfolios to assess" in html
    assert 'data-assessments-waiting="1"' in html
    assert f'href="/certification/assessments/{second.pk}/"' in html
    assert f'href="/certification/assessments/{first.pk}/"' not in html
    assert "Judgement at level 2" not in html  # never the other assessor's work
    assert "You do not coach a cohort yet" not in html
    assert "data-coach-panel" not in html


def test_assessor_who_scored_everything_is_told_so(
    client_for: Any, world: World
) -> None:
    world.submit()
    _first, second = world.allocate()
    assess(second, world.assessor, 2)

    html = client_for(world.assessor).get(DASHBOARD).content.decode()

    assert 'data-assessments-waiting="0"' in html
    assert "You have scored 1 portfolio." in html


def test_a_coach_who_coaches_and_assesses_sees_both_panels(
    client_for: Any, world: World
) -> None:
    world.submit()
    world.allocate()

    html = client_for(world.coach).get(DASHBOARD).content.decode()

    assert "data-coach-panel" in html
    assert "data-assessor-panel" in html


def test_a_coach_with_no_cohort_and_no_assessment_keeps_the_coach_panel(
    client_for: Any, coach: Any
) -> None:
    html = client_for(coach).get(DASHBOARD).content.decode()

    assert "You do not coach a cohort yet" in html
    assert "data-assessor-panel" not in html


def test_assessor_dashboard_queries_do_not_grow_with_assessments(
    client_for: Any, world: World
) -> None:
    client = client_for(world.assessor)
    _allocated(world, 1)
    few, _html = _queries(client)

    _allocated(world, 4)
    many, html = _queries(client)

    assert 'data-assessments-waiting="5"' in html
    assert many == few <= MAX_ASSESSOR_QUERIES


# --- the programme team: key figures ----------------------------------------------


def test_programme_admin_sees_key_figures_that_link_where_they_act(
    client_for: Any, world: World, faculty: Any
) -> None:
    _submitted_practices(faculty, 2)
    world.submit()  # waits for assessors
    _allocated(world, 1)  # being assessed

    html = client_for(world.admin).get(DASHBOARD).content.decode()

    assert _figure(html, "active-cohorts") == 1
    assert _figure(html, "enrolled-lecturers") == 2
    assert _figure(html, "reflections") >= 2  # the evidence entries, this month
    assert _figure(html, "practices-in-review") == 2
    assert _figure(html, "to-allocate") == 1
    assert _figure(html, "under-assessment") == 1
    assert _figure(html, "dead-letters") == 0
    for link in (
        "/admin/cohorts/",
        "/practices/reviews/",
        "/certification/manage/?status=submitted",
        "/certification/manage/?status=under_assessment",
        "/admin/xapi/forwarding/",
    ):
        assert f'href="{link}"' in html


def test_programme_admin_dashboard_queries_do_not_grow_with_data(
    client_for: Any, world: World, faculty: Any
) -> None:
    client = client_for(world.admin)
    _submitted_practices(faculty, 1)
    _allocated(world, 1)
    few, _html = _queries(client)

    _submitted_practices(faculty, 4)
    _allocated(world, 3)
    many, html = _queries(client)

    assert _figure(html, "practices-in-review") == 5
    assert _figure(html, "under-assessment") == 4
    assert many == few <= MAX_PROGRAMME_ADMIN_QUERIES


# --- each role only its own panels ---------------------------------------------------


def test_a_lecturer_sees_no_figures_reviews_or_assessments(
    client_for: Any, world: World, faculty: Any
) -> None:
    _submitted_practices(faculty, 1)
    world.submit()
    world.allocate()

    html = client_for(world.lecturer).get(DASHBOARD).content.decode()

    for marker in (
        "data-key-figures",
        "data-reviews-panel",
        "data-assessor-panel",
        "/certification/assessments/",
        "/certification/manage/",
    ):
        assert marker not in html


def test_an_assessor_never_sees_another_assessors_allocation(
    client_for: Any, world: World
) -> None:
    world.submit()
    first, _second = world.allocate()

    html = client_for(world.assessor_b).get(DASHBOARD).content.decode()

    assert "data-assessor-panel" not in html
    assert f"/certification/assessments/{first.pk}/" not in html
    assert "data-key-figures" not in html
    assert "data-reviews-panel" not in html
