"""Role dashboards, the home page and the friendly error pages."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from frontend.models import HomePage
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from lms.accounts.services import assign_role
from tests.factories import FacultyFactory, UserFactory, person

pytestmark = pytest.mark.django_db


DASHBOARD = "/dashboard/"
PANELS = {
    "lecturer": "Your trajectory",
    "coach": "Your cohorts",
    "admin": "Programme administration",
    "faculties": "People per faculty",
    "faculty people": "People of the",
    "reviews": "Practices waiting for your review",
    "assessing": "Portfolios to assess",
    "figures": "Key figures",
}
# Measured on the coordinator's and the programme admin's dashboards: session,
# user, roles, profile, faculty, the people page's count, rows and their groups
# (or the faculty counts), and the user's and groups' permissions (10), plus the
# practices waiting for review (2 with none) and, for the programme admin, the
# key figures (one count each). The same with 3, 30 or 300 rows; the panels'
# own growth is tested in test_dashboard_work.py.
MAX_COORDINATOR_QUERIES = 12
MAX_PROGRAMME_ADMIN_QUERIES = 18


def visible_panels(html: str) -> set[str]:
    return {key for key, heading in PANELS.items() if heading in html}


def table_rows(html: str) -> list[str]:
    return re.findall(r"<tr><td>(.*?)</td>", html)


def test_anonymous_people_are_sent_to_login(client) -> None:
    response = client.get(DASHBOARD)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={DASHBOARD}"


def test_lecturer_sees_only_the_lecturer_panel(client_for, lecturer) -> None:
    response = client_for(lecturer).get(DASHBOARD)

    assert response.status_code == 200
    html = response.content.decode()
    assert visible_panels(html) == {"lecturer"}
    assert f"Welcome, {profile_of(lecturer).display_name}" in html
    assert "Faculty of Arts" in html


def test_coach_sees_only_the_coach_panel(client_for, coach) -> None:
    html = client_for(coach).get(DASHBOARD).content.decode()

    assert visible_panels(html) == {"coach"}


def test_coordinator_sees_the_people_of_their_faculty(client_for, coordinator) -> None:
    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert visible_panels(html) == {"faculty people", "reviews"}
    assert "People of the Faculty of Arts" in html


def test_programme_admin_sees_administration_and_faculty_counts(
    client_for, programme_admin
) -> None:
    html = client_for(programme_admin).get(DASHBOARD).content.decode()

    assert visible_panels(html) == {"admin", "faculties", "figures", "reviews"}
    assert 'href="/admin/"' in html


def test_a_person_with_several_roles_sees_each_panel(client_for, faculty) -> None:
    user = person(Role.LECTURER, faculty=faculty)
    assign_role(user=user, role=Role.COACH)
    assign_role(user=user, role=Role.FACULTY_COORDINATOR)

    html = client_for(user).get(DASHBOARD).content.decode()

    assert visible_panels(html) == {"lecturer", "coach", "faculty people", "reviews"}


def test_a_person_without_a_role_is_told_so(client_for) -> None:
    html = client_for(UserFactory()).get(DASHBOARD).content.decode()

    assert visible_panels(html) == set()
    assert "You have no role on the platform yet" in html


def test_a_superuser_sees_the_administration_panels(client_for) -> None:
    html = client_for(UserFactory(is_superuser=True)).get(DASHBOARD).content.decode()

    assert {"admin", "faculties", "figures"} <= visible_panels(html)


def test_coordinator_table_lists_only_their_faculty(
    client_for, coordinator, faculty
) -> None:
    law = FacultyFactory(code="law", name_en="Faculty of Law")
    mine = [
        UserFactory(first_name="Mine", last_name=f"Person{n}", faculty=faculty)
        for n in range(3)
    ]
    assign_role(user=mine[0], role=Role.COACH)
    UserFactory(first_name="Other", last_name="Faculty", faculty=law)
    UserFactory(first_name="No", last_name="Faculty")
    gone = UserFactory(first_name="Left", last_name="Already", faculty=faculty)
    gone.is_active = False
    gone.save()

    response = client_for(coordinator).get(DASHBOARD)

    html = response.content.decode()
    names = table_rows(html)
    expected = {profile_of(user).display_name for user in [*mine, coordinator]}
    assert set(names) == expected
    assert len(names) == 4
    assert "Other Faculty" not in html
    assert "No Faculty" not in html
    assert "Left Already" not in html
    assert "Coach" in html


def test_coordinator_without_faculty_is_asked_to_set_it(client_for) -> None:
    coordinator = person(Role.FACULTY_COORDINATOR)
    UserFactory(first_name="Some", last_name="One", faculty=FacultyFactory())

    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert "Set your faculty in your profile" in html
    assert table_rows(html) == []


def test_hostile_names_are_escaped_in_the_coordinator_table(
    client_for, coordinator, faculty
) -> None:
    UserFactory(
        first_name="<script>alert(1)</script>",
        last_name='<img src=x onerror="alert(2)">',
        faculty=faculty,
    )

    html = client_for(coordinator).get(DASHBOARD).content.decode()

    assert "<script>alert(1)</script>" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_programme_admin_table_counts_people_per_faculty(
    client_for, programme_admin, faculty
) -> None:
    FacultyFactory(code="law", name_en="Faculty of Law", sort_order=5)
    for _ in range(2):
        person(Role.LECTURER, faculty=faculty)

    html = client_for(programme_admin).get(DASHBOARD).content.decode()

    rows = re.findall(
        r'<tr><td>([^<]*)</td><td class="num">(\d+)</td><td class="num">(\d+)</td>',
        html,
    )
    # Arts: the two lecturers and the admin; Law: nobody.
    assert ("Faculty of Arts", "3", "2") in rows
    assert ("Faculty of Law", "0", "0") in rows


def _queries_for(client, path: str) -> int:  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def _add_people(faculty, count: int) -> None:  # type: ignore[no-untyped-def]
    for _ in range(count):
        user = person(Role.LECTURER, faculty=faculty)
        assign_role(user=user, role=Role.COACH)


def test_coordinator_dashboard_queries_do_not_grow_with_people(
    client_for, coordinator, faculty, django_assert_max_num_queries
) -> None:
    client = client_for(coordinator)
    _add_people(faculty, 3)
    client.get(DASHBOARD)  # warm caches that are not per request
    few = _queries_for(client, DASHBOARD)

    _add_people(faculty, 27)
    with django_assert_max_num_queries(MAX_COORDINATOR_QUERIES):
        response = client.get(DASHBOARD)

    assert len(table_rows(response.content.decode())) == 31
    assert _queries_for(client, DASHBOARD) == few


def test_programme_admin_dashboard_queries_do_not_grow_with_faculties(
    client_for, programme_admin, django_assert_max_num_queries
) -> None:
    client = client_for(programme_admin)
    for _ in range(3):
        _add_people(FacultyFactory(), 1)
    client.get(DASHBOARD)
    few = _queries_for(client, DASHBOARD)

    for _ in range(27):
        _add_people(FacultyFactory(), 1)
    with django_assert_max_num_queries(MAX_PROGRAMME_ADMIN_QUERIES):
        client.get(DASHBOARD)

    assert _queries_for(client, DASHBOARD) == few


def test_a_large_faculty_is_paginated(client_for, coordinator, faculty) -> None:
    _add_people(faculty, 59)  # 60 with the coordinator
    client = client_for(coordinator)

    first = client.get(DASHBOARD).content.decode()
    second = client.get(DASHBOARD, {"page": 2}).content.decode()
    beyond = client.get(DASHBOARD, {"page": "999"}).content.decode()
    nonsense = client.get(DASHBOARD, {"page": "x'"})

    assert len(table_rows(first)) == 50
    assert len(table_rows(second)) == 10
    assert not set(table_rows(first)) & set(table_rows(second))
    assert table_rows(beyond) == table_rows(second)
    assert nonsense.status_code == 200
    assert 'rel="next"' in first


# --- home page and error pages -------------------------------------------------


def test_home_page_renders_for_anonymous_people(client) -> None:
    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" in html
    assert 'href="/accounts/login/"' in html


def test_home_page_renders_for_signed_in_people(client_for, lecturer) -> None:
    response = client_for(lecturer).get("/")

    assert response.status_code == 200
    assert 'href="/dashboard/"' in response.content.decode()


def _authored_home_page(announcement: str) -> HomePage:
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Engage PD", slug="engage-home", live=True, announcement=announcement
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def test_an_authored_home_page_shows_a_sanitised_announcement(client) -> None:
    home = _authored_home_page(
        '<p>New cohort <a href="https://example.org/apply" onclick="x()">apply</a>'
        "</p><script>alert(1)</script>"
    )

    response = client.get("/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "New cohort" in html
    assert 'rel="nofollow noopener noreferrer"' in html
    assert "alert(1)" not in html
    assert "onclick" not in html
    assert "<script>" not in HomePage.objects.get(pk=home.pk).announcement


@pytest.mark.parametrize(
    "path", ["/no-such-page/", "/practices/nope/", "/dashboard/x/"]
)
def test_missing_pages_use_the_friendly_404(client, path: str) -> None:
    response = client.get(path)

    assert response.status_code == 404
    assert "engage_frontend/404.html" in [t.name for t in response.templates]
    html = response.content.decode()
    assert "Page not found" in html
    assert 'href="/"' in html
    assert "Traceback" not in html


def test_missing_pages_are_friendly_for_signed_in_people_too(
    client_for, lecturer
) -> None:
    response = client_for(lecturer).get("/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
