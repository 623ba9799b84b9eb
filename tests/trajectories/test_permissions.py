"""The role × object matrix of every registered trajectories rule, asked as every
door asks it: `user.has_perm("engage_trajectories.<codename>"[, obj])`."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from lms.accounts.permissions import registered_object_rules, registered_rules
from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "author",
    "other_lecturer",
    "peer",
    "coach",
    "other_coach",
    "coordinator",
    "programme_admin",
)


@pytest.fixture
def world(faculty: Any) -> dict[str, Any]:
    coach = person(Role.COACH, username="coach", faculty=faculty)
    other_coach = person(Role.COACH, username="other-coach", faculty=faculty)
    cohort = make_cohort(coaches=(coach,))
    make_cohort(coaches=(other_coach,))
    author = person(Role.LECTURER, username="author", faculty=faculty)
    peer = person(Role.LECTURER, username="peer", faculty=faculty)
    other = person(Role.LECTURER, username="other-lecturer", faculty=faculty)
    enrolment = services.enrol(user=author, cohort=cohort)
    peer_enrolment = services.enrol(user=peer, cohort=cohort)
    services.enrol(user=other, cohort=cohort)
    services.form_peer_groups(
        actor=coach,
        cohort=cohort,
        assignment={enrolment.pk: "A", peer_enrolment.pk: "A"},
    )
    entries = {}
    for visibility in ("private", "coach", "peers"):
        entry = services.save_entry(
            author=author, enrolment=enrolment, title=visibility, sections={}
        )
        entries[visibility] = services.share_entry(
            author=author, entry=entry, visibility=visibility
        )
    return {
        "cohort": cohort,
        "entries": entries,
        "users": {
            "anonymous": AnonymousUser(),
            "author": author,
            "other_lecturer": other,
            "peer": peer,
            "coach": coach,
            "other_coach": other_coach,
            "coordinator": person(
                Role.FACULTY_COORDINATOR, username="coordinator", faculty=faculty
            ),
            "programme_admin": person(
                Role.PROGRAMME_ADMIN, username="admin", faculty=faculty
            ),
        },
    }


def _only(*roles: str) -> dict[str, bool]:
    return {role: role in roles for role in ROLES}


# permission -> (the object it is asked on, who is granted)
MATRIX: dict[str, tuple[str | None, dict[str, bool]]] = {
    "engage_trajectories.manage_cohorts": (None, _only("programme_admin")),
    "engage_trajectories.coach_cohort": ("cohort", _only("coach")),
    "engage_trajectories.export_attendance": (
        "cohort",
        _only("coach", "programme_admin"),
    ),
    "engage_trajectories.view_evaluation_results": (
        "cohort",
        _only("coach", "programme_admin"),
    ),
    "engage_trajectories.read_entry": ("entry:private", _only("author")),
    "engage_trajectories.write_entry": ("entry:peers", _only("author")),
}
# The entry rules depend on how the entry is shared: more rows of the matrix.
ENTRY_ROWS = {
    ("engage_trajectories.read_entry", "coach"): _only("author", "coach"),
    ("engage_trajectories.read_entry", "peers"): _only("author", "coach", "peer"),
    ("engage_trajectories.write_entry", "private"): _only("author"),
    ("engage_trajectories.write_entry", "coach"): _only("author"),
}


def _target(world: dict[str, Any], name: str | None) -> Any:
    if name is None:
        return None
    if name.startswith("entry:"):
        return world["entries"][name.removeprefix("entry:")]
    return world[name]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("permission", sorted(MATRIX))
def test_the_matrix(world: dict[str, Any], permission: str, role: str) -> None:
    target, granted = MATRIX[permission]
    user = world["users"][role]
    assert user.has_perm(permission, _target(world, target)) is granted[role]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("permission", "visibility"), sorted(ENTRY_ROWS))
def test_entries_as_they_are_shared(
    world: dict[str, Any], permission: str, visibility: str, role: str
) -> None:
    entry = world["entries"][visibility]
    granted = ENTRY_ROWS[(permission, visibility)][role]
    assert world["users"][role].has_perm(permission, entry) is granted


def test_a_peer_who_withdrew_reads_no_more(world: dict[str, Any]) -> None:
    peer = world["users"]["peer"]
    enrolment = world["cohort"].enrolments.get(user=peer)
    services.withdraw(user=peer, enrolment=enrolment)
    entry = world["entries"]["peers"]
    assert not peer.has_perm("engage_trajectories.read_entry", entry)


def test_every_registered_rule_is_in_the_matrix() -> None:
    registered = {
        name
        for name in (*registered_rules(), *registered_object_rules())
        if name.startswith("engage_trajectories.")
    }
    assert registered == set(MATRIX)
