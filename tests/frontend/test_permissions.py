"""Who may see what of the frontend: every registered rule of engage_frontend,
asked through `user.has_perm` for each kind of person.

People: anonymous, a lecturer and a coach (of the faculty of Arts), the
coordinator of Arts, the coordinator of Science, a coordinator without a faculty,
the programme admin, and a superuser (Django grants an active superuser every
permission: decision 0002). Objects: the faculty of Arts (as a `Faculty` and as
its id), the faculty of Science, and yearly reports of Arts, of Science and of
the whole institution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from frontend.models import YearlyReport
from lms.accounts.permissions import registered_object_rules, registered_rules
from lms.accounts.roles import Role
from tests.factories import FacultyFactory, UserFactory, person

pytestmark = pytest.mark.django_db

ANON = "anonymous"
LECTURER = "lecturer"
COACH = "coach"
COORDINATOR = "coordinator"
OTHER_COORDINATOR = "other_coordinator"
LOOSE_COORDINATOR = "coordinator_without_faculty"
ADMIN = "programme_admin"
SUPERUSER = "superuser"
EVERYONE = (
    ANON,
    LECTURER,
    COACH,
    COORDINATOR,
    OTHER_COORDINATOR,
    LOOSE_COORDINATOR,
    ADMIN,
    SUPERUSER,
)
ALWAYS = frozenset({ADMIN, SUPERUSER})


@pytest.fixture
def world() -> dict[str, Any]:
    arts = FacultyFactory(code="arts", name_en="Faculty of Arts")
    science = FacultyFactory(code="sci", name_en="Faculty of Science")
    people: dict[str, Any] = {
        ANON: AnonymousUser(),
        LECTURER: person(Role.LECTURER, username="l", faculty=arts),
        COACH: person(Role.COACH, username="c", faculty=arts),
        COORDINATOR: person(Role.FACULTY_COORDINATOR, username="fc", faculty=arts),
        OTHER_COORDINATOR: person(
            Role.FACULTY_COORDINATOR, username="oc", faculty=science
        ),
        LOOSE_COORDINATOR: person(Role.FACULTY_COORDINATOR, username="nc"),
        ADMIN: person(Role.PROGRAMME_ADMIN, username="pa", faculty=arts),
        SUPERUSER: UserFactory(username="root", is_superuser=True),
    }
    objects = {
        "arts": arts,
        "arts_id": arts.pk,
        "science": science,
        "arts_report": YearlyReport.objects.create(
            academic_year="2026-2027", faculty=arts, language="en"
        ),
        "science_report": YearlyReport.objects.create(
            academic_year="2026-2027", faculty=science, language="en"
        ),
        "institution_report": YearlyReport.objects.create(
            academic_year="2026-2027", language="en"
        ),
        # A request not saved yet: what `request_report` asks about.
        "arts_request": YearlyReport(academic_year="2026-2027", faculty_id=arts.pk),
        "institution_request": YearlyReport(academic_year="2026-2027"),
    }
    return {"people": people, "objects": objects}


# (permission, object key or None, who is granted)
MATRIX: list[tuple[str, str | None, frozenset[str]]] = [
    ("engage_frontend.view_institution_insight", None, ALWAYS),
    (
        "engage_frontend.view_insight",
        None,
        ALWAYS | {COORDINATOR, OTHER_COORDINATOR},
    ),
    ("engage_frontend.view_faculty_insight", "arts", ALWAYS | {COORDINATOR}),
    ("engage_frontend.view_faculty_insight", "arts_id", ALWAYS | {COORDINATOR}),
    (
        "engage_frontend.view_faculty_insight",
        "science",
        ALWAYS | {OTHER_COORDINATOR},
    ),
    ("engage_frontend.request_report", "arts_request", ALWAYS | {COORDINATOR}),
    ("engage_frontend.request_report", "institution_request", ALWAYS),
    ("engage_frontend.view_report", "arts_report", ALWAYS | {COORDINATOR}),
    (
        "engage_frontend.view_report",
        "science_report",
        ALWAYS | {OTHER_COORDINATOR},
    ),
    ("engage_frontend.view_report", "institution_report", ALWAYS),
    ("engage_frontend.view_lecturer_panel", None, frozenset({LECTURER, SUPERUSER})),
    ("engage_frontend.view_coach_panel", None, frozenset({COACH, SUPERUSER})),
    (
        "engage_frontend.view_coordinator_panel",
        None,
        frozenset({COORDINATOR, OTHER_COORDINATOR, LOOSE_COORDINATOR, SUPERUSER}),
    ),
    ("engage_frontend.view_administration_panel", None, ALWAYS),
    (
        "engage_frontend.view_faculty_people",
        "arts",
        frozenset({COORDINATOR, SUPERUSER}),
    ),
    (
        "engage_frontend.view_faculty_people",
        "arts_id",
        frozenset({COORDINATOR, SUPERUSER}),
    ),
    (
        "engage_frontend.view_faculty_people",
        "science",
        frozenset({OTHER_COORDINATOR, SUPERUSER}),
    ),
]


@pytest.mark.parametrize("who", EVERYONE)
def test_the_matrix(world: dict[str, Any], who: str) -> None:
    """One person at a time, every line of the matrix (the world is made once)."""
    user = world["people"][who]
    wrong = []
    for permission, key, granted in MATRIX:
        if key is None:
            answer = user.has_perm(permission)
        else:
            answer = user.has_perm(permission, world["objects"][key])
        if answer is not (who in granted):
            wrong.append((permission, key, answer))
    assert wrong == []


def _ours(rules: Callable[[], Any]) -> set[str]:
    return {name for name in rules() if name.startswith("engage_frontend.")}


def test_every_rule_of_the_frontend_is_in_the_matrix() -> None:
    without_object = {p for p, key, _ in MATRIX if key is None}
    with_object = {p for p, key, _ in MATRIX if key is not None}
    assert _ours(registered_rules) == without_object
    assert _ours(registered_object_rules) == with_object


def test_an_inactive_programme_admin_may_see_nothing(world: dict[str, Any]) -> None:
    admin = world["people"][ADMIN]
    admin.is_active = False
    assert not admin.has_perm("engage_frontend.view_institution_insight")
    assert not admin.has_perm(
        "engage_frontend.view_report", world["objects"]["institution_report"]
    )
