"""The lecturer's own enrolments, sessions and assignments through the API."""

from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.api_world import API, api_client, query_of
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services
from trajectories.models import Cohort, Enrolment

pytestmark = pytest.mark.django_db


@pytest.fixture
def three(lecturer: Any, coach: Any, faculty: Any) -> dict[str, Any]:
    """The lecturer enrolled in A, on the waiting list of B, withdrawn from C."""
    programme = make_programme()
    a = make_cohort(programme, coaches=(coach,))
    a.faculty = faculty
    a.save(update_fields=["faculty"])
    a.sessions.update(online_url="https://meet.example.org/a")
    b = make_cohort(programme, capacity=1)
    c = make_cohort(programme)
    Cohort.objects.filter(pk=b.pk).update(title="Cohort B")
    Cohort.objects.filter(pk=c.pk).update(title="Cohort C")
    services.enrol(user=person(Role.LECTURER, username="first"), cohort=b)
    enrolled = services.enrol(user=lecturer, cohort=a)
    waiting = services.enrol(user=lecturer, cohort=b)
    withdrawn = services.enrol(user=lecturer, cohort=c)
    services.withdraw(user=lecturer, enrolment=withdrawn)
    return {
        "enrolled": enrolled,
        "waiting": waiting,
        "withdrawn": withdrawn,
        "client": api_client(lecturer),
    }


def test_my_enrolments(three: dict[str, Any], faculty: Any) -> None:
    data = three["client"].get(f"{API}me/enrolments/").json()
    assert data["count"] == 3
    by_status = {e["status"]: e for e in data["results"]}
    assert set(by_status) == {"enrolled", "waitlisted", "withdrawn"}
    enrolled = by_status["enrolled"]
    assert enrolled["id"] == three["enrolled"].pk
    assert enrolled["status_label"] == "Enrolled"
    assert enrolled["cohort"]["title"] == "Cohort A"
    assert enrolled["cohort"]["faculty"] == faculty.name_en
    assert by_status["waitlisted"]["cohort"]["faculty"] is None  # cross-faculty
    assert enrolled["programme"]["title"] == "Inclusive teaching"
    assert enrolled["programme"]["url"].startswith("http")
    assert [s["key"] for s in enrolled["reflection_sections"]] == [
        "what",
        "so_what",
        "now_what",
    ]
    assert enrolled["calendar_url"].endswith(
        f"/trajectory/calendar/{three['enrolled'].calendar_token}.ics"
    )
    # The personal feed is for participants, not for the waiting list.
    assert by_status["waitlisted"]["calendar_url"] is None
    assert by_status["withdrawn"]["calendar_url"] is None
    journal = three["client"].get(enrolled["journal_entries"])
    assert journal.status_code == 200 and journal.json()["count"] == 0


def test_my_sessions(three: dict[str, Any], coach: Any) -> None:
    enrolled = three["enrolled"]
    first = enrolled.cohort.sessions.get(number=1)
    services.mark_attendance(
        actor=coach, session=first, enrolment=enrolled, status="present"
    )
    data = three["client"].get(f"{API}me/sessions/").json()
    assert data["count"] == 6  # A and B; not C, which they left
    rows = data["results"]
    assert [r["starts_at"] for r in rows] == sorted(r["starts_at"] for r in rows)
    mine = [r for r in rows if r["enrolment"] == enrolled.pk]
    waiting = [r for r in rows if r["enrolment"] == three["waiting"].pk]
    assert {(r["location"], r["online_url"]) for r in mine} == {
        ("Room 1", "https://meet.example.org/a")
    }
    # On the waiting list: when, but not where.
    assert {(r["location"], r["online_url"]) for r in waiting} == {(None, None)}
    assert [(r["number"], r["attendance"], r["checked_in"]) for r in mine] == [
        (1, "present", False),
        (2, None, False),
        (3, None, False),
    ]
    assert mine[0]["cohort_title"] == "Cohort A"


def test_a_session_without_an_online_link_says_null_not_an_empty_uri(
    three: dict[str, Any],
) -> None:
    three["enrolled"].cohort.sessions.update(online_url="")
    rows = three["client"].get(f"{API}me/sessions/").json()["results"]
    mine = [r for r in rows if r["enrolment"] == three["enrolled"].pk]
    assert {r["online_url"] for r in mine} == {None}


def test_my_assignments(three: dict[str, Any], lecturer: Any) -> None:
    enrolled = three["enrolled"]
    data = three["client"].get(f"{API}me/assignments/").json()
    # Only the cohort they take part in: not the waiting list, not the one they left.
    assert {r["enrolment"] for r in data["results"]} == {enrolled.pk}
    first, second = data["results"]
    assert (first["title"], first["status"], first["record_status"]) == (
        "Plain-language assignment texts",
        "open",
        None,
    )
    assert first["due_at"] and first["focus_label"] == "Language use"
    assert first["prompts"] == ["What changed?"]
    assert (second["status"], second["after_session"]) == ("locked", 3)
    assert "session 3" in second["locked_reason"]
    course = services.register_course(owner=lecturer, name="Statistics 1")
    services.save_assignment(
        user=lecturer,
        enrolment=enrolled,
        key=first["key"],
        course=course,
        planned_change="Plan",
        actual_change="",
        effect="",
        submit=False,
    )
    first = three["client"].get(f"{API}me/assignments/").json()["results"][0]
    assert (first["status"], first["record_status"]) == ("draft", "draft")
    assert first["course"] == {"id": course.pk, "name": "Statistics 1", "code": ""}
    assert first["html_url"].endswith(
        f"/trajectory/{enrolled.pk}/assignments/{first['key']}/"
    )


def test_other_people_see_only_their_own(
    three: dict[str, Any], coach: Any, coordinator: Any, programme_admin: Any
) -> None:
    stranger = person(Role.LECTURER, username="stranger")
    services.enrol(user=stranger, cohort=make_cohort())
    for user, expected in (
        (coach, 0),
        (coordinator, 0),
        (programme_admin, 0),
        (stranger, 1),
    ):
        client = api_client(user)
        enrolments = client.get(f"{API}me/enrolments/").json()["results"]
        assert {e["id"] for e in enrolments} == set(
            Enrolment.objects.filter(user=user).values_list("pk", flat=True)
        )
        assert len(enrolments) == expected
        sessions = client.get(f"{API}me/sessions/").json()["results"]
        assert {s["enrolment"] for s in sessions} == {e["id"] for e in enrolments}
        assignments = client.get(f"{API}me/assignments/").json()["results"]
        assert {a["enrolment"] for a in assignments} == {e["id"] for e in enrolments}


@pytest.fixture
def busy_lecturer(lecturer: Any, coach: Any) -> Any:
    """Enrolled in 30 cohorts of one programme, each with a session attended and
    work on an assignment: enough rows that an N+1 would show."""
    programme = make_programme()
    for n in range(30):
        cohort = make_cohort(programme, coaches=(coach,), sessions=1)
        enrolment = services.enrol(user=lecturer, cohort=cohort)
        for session in cohort.sessions.all():
            services.mark_attendance(
                actor=coach, session=session, enrolment=enrolment, status="present"
            )
        key = str(programme.assignments[0].id)
        course = services.register_course(owner=lecturer, name=f"Course {n}")
        services.save_assignment(
            user=lecturer, enrolment=enrolment, key=key, course=course,
            planned_change="p", actual_change="a", effect="", submit=False,
        )  # fmt: skip
    return lecturer


@pytest.mark.parametrize(
    ("path", "rows"),
    [("me/enrolments/", 30), ("me/sessions/", 30), ("me/assignments/", 60)],
)
def test_my_lists_take_a_fixed_number_of_queries(
    busy_lecturer: Any, django_assert_max_num_queries: Any, path: str, rows: int
) -> None:
    client = api_client(busy_lecturer)
    client.get(f"{API}{path}")  # warm the session and Wagtail's site cache
    with django_assert_max_num_queries(5):
        data = client.get(f"{API}{path}", {"per_page": 100}).json()
    assert data["count"] == rows and len(data["results"]) == rows


def test_my_lists_page(busy_lecturer: Any) -> None:
    client = api_client(busy_lecturer)
    first = client.get(f"{API}me/assignments/", {"per_page": 25}).json()
    assert (first["count"], first["num_pages"], len(first["results"])) == (60, 3, 25)
    assert query_of(first["next"]) == {"per_page": ["25"], "page": ["2"]}
    third = client.get(f"{API}me/assignments/", {"per_page": 25, "page": 3}).json()
    assert len(third["results"]) == 10 and third["next"] is None
    assert query_of(third["previous"]) == {"per_page": ["25"], "page": ["2"]}
    rows = [(r["enrolment"], r["key"]) for r in first["results"] + third["results"]]
    assert len(set(rows)) == 35  # pages do not overlap
