"""The insight dashboards: who sees which, the funnel's numbers, small cells
suppressed everywhere (page, table, CSV), filters from the URL with clear notes
for bad values, and a fixed number of queries whatever the volume."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from tests.factories import FacultyFactory, person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import Enrolment, EnrolmentStatus

pytestmark = pytest.mark.django_db

INSIGHT = reverse("engage_frontend:insight")
FACULTY = reverse("engage_frontend:insight_faculty")


def _csv(kind: str, key: str, query: str = "") -> str:
    url = reverse("engage_frontend:insight_csv", args=[kind, key])
    return f"{url}?{query}" if query else url


def _lecturers(n: int, faculty: Any, prefix: str) -> list[Any]:
    return [
        person(Role.LECTURER, username=f"{prefix}{i}", faculty=faculty)
        for i in range(n)
    ]


@pytest.fixture
def world(faculty: Any, coach: Any) -> dict[str, Any]:
    """Cohort A: 8 from the faculty of Arts (6 placed, 2 on the waiting list),
    5 of the placed took part, 1 completed. Cohort B: 3 from Science."""
    science = FacultyFactory(
        code="sci", name_en="Faculty of Science", name_nl="Bètafaculteit"
    )
    cohort = make_cohort(capacity=6, coaches=(coach,))
    arts_people = _lecturers(8, faculty, "arts")
    enrolments = [services.enrol(user=p, cohort=cohort) for p in arts_people]
    session = cohort.sessions.get(number=1)
    for enrolment in enrolments[:5]:
        services.mark_attendance(
            actor=coach, session=session, enrolment=enrolment, status="present"
        )
    Enrolment.objects.filter(pk=enrolments[0].pk).update(
        status=EnrolmentStatus.COMPLETED
    )
    other = make_cohort(capacity=6)
    other.title = "Cohort B"
    other.save(update_fields=["title"])
    for p in _lecturers(3, science, "sci"):
        services.enrol(user=p, cohort=other)
    return {"cohort": cohort, "other": other, "science": science}


def test_the_programme_team_sees_every_faculty_with_small_cells_suppressed(
    programme_admin: Any, client_for: Any, world: dict[str, Any]
) -> None:
    response = client_for(programme_admin).get(INSIGHT)
    assert response.status_code == 200
    page = response.content.decode()
    # Funnel of cohort A: applied 8, enrolled 6, active 5, completed <5, certified 0.
    row = page.split('<th scope="row">Cohort A</th>', 1)[1].split("</tr>", 1)[0]
    cells = [c.split("</td>")[0] for c in row.split('<td class="num">')[1:]]
    assert cells == ["8", "6", "5", "&lt;5", "0"]
    # Cohort B (3 people) shows nothing that could single anyone out.
    row_b = page.split('<th scope="row">Cohort B</th>', 1)[1].split("</tr>", 1)[0]
    assert "&lt;5" in row_b and ">3<" not in row_b
    assert "Faculty of Science" in page  # the faculties side by side
    assert "Learning activity recorded (xAPI statements)" in page


def test_a_coordinator_sees_only_their_own_faculty(
    coordinator: Any, client_for: Any, world: dict[str, Any]
) -> None:
    client = client_for(coordinator)
    assert client.get(INSIGHT).status_code == 403
    science = world["science"].pk
    page = client.get(f"{FACULTY}?faculty={science}").content.decode()
    assert "Insight: Faculty of Arts" in page
    assert "Cohort B" not in page  # only cohorts their people applied to
    assert 'name="faculty"' not in page  # no faculty choice for them
    assert "Reviews waiting for you" in page
    assert client.get(_csv("programme", "funnel")).status_code == 403
    csv = client.get(_csv("faculty", "funnel", f"faculty={science}"))
    assert csv.status_code == 200
    assert csv.content.decode("utf-8-sig").splitlines()[1:] == [
        "Applied,8",
        "Enrolled,6",
        "Active,5",
        "Completed,",  # suppressed: empty, never the number
        "Certified,0",
    ]


@pytest.mark.parametrize("role", [Role.LECTURER, Role.COACH])
def test_lecturers_and_coaches_see_no_dashboard(
    role: Role, faculty: Any, client_for: Any
) -> None:
    client = client_for(person(role, username="someone", faculty=faculty))
    assert client.get(INSIGHT).status_code == 403
    assert client.get(FACULTY).status_code == 403
    assert client.get(_csv("faculty", "funnel")).status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    for url in (INSIGHT, FACULTY, _csv("programme", "funnel")):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("year=1999-2000", "Unknown academic year"),
        ("year=<script>alert(1)</script>", "Unknown academic year"),
        ("programme=abc", "Unknown programme"),
        ("programme=99999999", "Unknown programme"),
        ("cohort=-1", "Unknown cohort"),
        ("faculty=" + "9" * 40, "Unknown faculty"),
    ],
)
def test_bad_filters_are_named_and_ignored(
    programme_admin: Any, client_for: Any, world: dict[str, Any], query: str,
    message: str,
) -> None:  # fmt: skip
    response = client_for(programme_admin).get(f"{INSIGHT}?{query}")
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "<script>alert(1)</script>" not in page


def test_filters_narrow_the_numbers_and_stay_in_the_csv_links(
    programme_admin: Any, client_for: Any, world: dict[str, Any]
) -> None:
    client = client_for(programme_admin)
    cohort = world["cohort"]
    page = client.get(f"{INSIGHT}?year=2026-2027&cohort={cohort.pk}").content.decode()
    assert "Cohort B" not in page.split("data-funnel-table", 1)[1]
    assert f"cohort={cohort.pk}" in page.split("Download", 1)[1][:400] or (
        f"cohort={cohort.pk}" in page
    )
    csv = client.get(_csv("programme", "funnel", f"year=2026-2027&cohort={cohort.pk}"))
    assert csv.content.decode("utf-8-sig").splitlines()[1] == "Applied,8"
    assert client.get(_csv("programme", "nothing")).status_code == 404
    assert client.get(_csv("elsewhere", "funnel")).status_code == 404


def test_the_query_count_does_not_grow_with_the_data(
    programme_admin: Any, client_for: Any, faculty: Any,
    django_assert_max_num_queries: Any,
) -> None:  # fmt: skip
    client = client_for(programme_admin)
    client.get(INSIGHT)
    for n in (1, 3):
        cohort = make_cohort(capacity=40)
        for p in _lecturers(10 * n, faculty, f"q{n}-"):
            services.enrol(user=p, cohort=cohort)
        with django_assert_max_num_queries(30):
            assert client.get(INSIGHT).status_code == 200
        with django_assert_max_num_queries(30):
            assert client.get(FACULTY).status_code == 200


def test_reviews_waiting_link_to_the_coordinator_s_review_pages(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    """A coordinator has no Wagtail admin: the insight page sends them to the
    site's review pages, never to /admin/."""
    from practices_db import services as practices
    from tests.practices_db.factories import make_practice

    page = make_practice(lecturer, faculty, publish=False, title="Waiting practice")
    practices.submit_practice(actor=lecturer, page=page)
    client = client_for(coordinator)

    html = client.get(FACULTY).content.decode()

    section = html.split("data-reviews-waiting", 1)[1].split("</section>", 1)[0]
    reviews = reverse("engage_practices:reviews")
    review = reverse("engage_practices:review", args=[page.pk])
    assert f'href="{reviews}"' in section
    assert f'href="{review}">Waiting practice</a>' in section
    assert 'href="/admin/' not in section
    assert client.get(reviews).status_code == 200
    assert client.get(review).status_code == 200


def test_a_chart_of_only_small_groups_says_they_are_hidden_not_no_data(
    programme_admin: Any, client_for: Any, world: dict[str, Any]
) -> None:
    """Cohort B has 3 people: below the minimum group size, every cell of its
    funnel is hidden; the chart says so instead of "No data"."""
    other = world["other"]
    page = (
        client_for(programme_admin).get(f"{INSIGHT}?cohort={other.pk}").content.decode()
    )
    empties = re.findall(r'<p class="chart-empty">([^<]*)</p>', page)
    hidden = (
        "Hidden: every group in this selection is smaller than the minimum group "
        "size of 5 people, so no one can be identified."
    )
    assert hidden in empties
