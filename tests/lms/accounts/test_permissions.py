"""Object permissions: one answer through user.has_perm everywhere."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser

from lms.accounts import permissions
from lms.accounts.permissions import (
    ObjectPermissionBackend,
    coordinates_faculty,
    register_object_rule,
)
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from tests.factories import FacultyFactory, UserFactory, person

pytestmark = pytest.mark.django_db

User = get_user_model()
VIEW = "engage_accounts.view_profile"
CHANGE = "engage_accounts.change_profile"


def fresh(user):  # type: ignore[no-untyped-def]
    """The user as a new request would load it (no cached roles or permissions)."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def other_faculty():  # type: ignore[no-untyped-def]
    return FacultyFactory(code="law", name_en="Faculty of Law")


@pytest.fixture
def target(faculty):  # type: ignore[no-untyped-def]
    """A lecturer of the arts faculty whose profile the others try to see."""
    return profile_of(person(Role.LECTURER, username="target", faculty=faculty))


def test_a_person_may_view_and_change_their_own_profile(lecturer) -> None:
    profile = profile_of(lecturer)

    assert fresh(lecturer).has_perm(VIEW, profile)
    assert fresh(lecturer).has_perm(CHANGE, profile)


def test_another_lecturer_may_not(lecturer, target) -> None:
    assert not fresh(lecturer).has_perm(VIEW, target)
    assert not fresh(lecturer).has_perm(CHANGE, target)


def test_coordinator_of_the_same_faculty_may_view_but_not_change(
    coordinator, target
) -> None:
    assert fresh(coordinator).has_perm(VIEW, target)
    assert not fresh(coordinator).has_perm(CHANGE, target)


def test_coordinator_of_another_faculty_may_not_view(other_faculty, target) -> None:
    elsewhere = person(Role.FACULTY_COORDINATOR, faculty=other_faculty)

    assert not fresh(elsewhere).has_perm(VIEW, target)


def test_coordinator_without_faculty_may_not_view_people_without_faculty() -> None:
    coordinator = person(Role.FACULTY_COORDINATOR)
    nobody = profile_of(person(Role.LECTURER))

    assert not fresh(coordinator).has_perm(VIEW, nobody)


def test_a_coach_of_another_faculty_may_not_view(other_faculty, target) -> None:
    coach = person(Role.COACH, faculty=other_faculty)

    # The coach group holds the model permission, but not for this object.
    assert fresh(coach).has_perm(VIEW)
    assert not fresh(coach).has_perm(VIEW, target)


def test_a_coach_of_the_same_faculty_may_not_view_either(coach, target) -> None:
    assert not fresh(coach).has_perm(VIEW, target)
    assert not fresh(coach).has_perm(CHANGE, target)


def test_a_lecturer_in_the_coordinator_faculty_who_is_not_coordinator(
    faculty, target
) -> None:
    same_faculty = person(Role.LECTURER, faculty=faculty)

    assert not fresh(same_faculty).has_perm(VIEW, target)


def test_programme_admin_may_view_and_change_anyone(
    programme_admin, other_faculty
) -> None:
    elsewhere = profile_of(person(Role.LECTURER, faculty=other_faculty))

    assert fresh(programme_admin).has_perm(VIEW, elsewhere)
    assert fresh(programme_admin).has_perm(CHANGE, elsewhere)


def test_inactive_and_anonymous_users_get_nothing(coordinator, target) -> None:
    coordinator.is_active = False
    coordinator.save()

    assert not fresh(coordinator).has_perm(VIEW, target)
    assert not AnonymousUser().has_perm(VIEW, target)


def test_the_backend_never_authenticates_and_never_answers_without_object(
    lecturer, target
) -> None:
    backend = ObjectPermissionBackend()

    assert backend.authenticate(None, username="lecturer", password="x") is None
    assert backend.get_user(lecturer.pk) is None
    assert not backend.has_perm(fresh(lecturer), VIEW, None)
    assert backend.has_perm(fresh(lecturer), VIEW, profile_of(lecturer))
    assert not backend.has_perm(fresh(lecturer), "engage_accounts.unknown", target)


def test_coordinates_faculty_accepts_ids_and_objects(coordinator, faculty) -> None:
    assert coordinates_faculty(coordinator, faculty)
    assert coordinates_faculty(coordinator, faculty.pk)
    assert not coordinates_faculty(coordinator, None)
    assert not coordinates_faculty(coordinator, faculty.pk + 1000)


def test_register_object_rule_decides_a_new_permission(monkeypatch, lecturer) -> None:
    monkeypatch.setattr(permissions, "_rules", dict(permissions._rules))
    monkeypatch.setattr(permissions, "_object_rules", dict(permissions._object_rules))
    seen = []

    def only_even_things(user, obj):  # type: ignore[no-untyped-def]
        seen.append((user.pk, obj))
        return obj % 2 == 0

    register_object_rule("tests.poke_thing", only_even_things)
    user = fresh(lecturer)

    assert user.has_perm("tests.poke_thing", 4)
    assert not user.has_perm("tests.poke_thing", 3)
    assert not user.has_perm("tests.poke_thing")  # rules are for objects only
    assert seen == [(user.pk, 4), (user.pk, 3)]


def test_register_object_rule_replaces_an_existing_rule(monkeypatch, lecturer, target):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(permissions, "_rules", dict(permissions._rules))
    monkeypatch.setattr(permissions, "_object_rules", dict(permissions._object_rules))

    register_object_rule(VIEW, lambda user, obj: True)

    assert fresh(lecturer).has_perm(VIEW, target)


def test_superusers_may_do_anything(target) -> None:
    root = UserFactory(is_superuser=True)

    assert fresh(root).has_perm(VIEW, target)
    assert fresh(root).has_perm(CHANGE, target)


# --- the role × object matrix of every rule of lms.accounts ------------------------

ERASE = "engage_accounts.erase_person"
SEE_MENU_ITEM = "engage_accounts.see_menu_item"
ROLES = (
    "anonymous",
    "the person",
    "other lecturer",
    "coach of the faculty",
    "coordinator of the faculty",
    "coordinator of another faculty",
    "programme admin",
    "privacy officer",  # a programme admin given Wagtail's delete_user
)


def _who(role: str, me: Any, faculty: Any, other_faculty: Any) -> Any:
    from django.contrib.auth.models import Permission

    if role == "anonymous":
        return AnonymousUser()
    if role == "the person":
        return fresh(me)
    made = {
        "other lecturer": (Role.LECTURER, faculty),
        "coach of the faculty": (Role.COACH, faculty),
        "coordinator of the faculty": (Role.FACULTY_COORDINATOR, faculty),
        "coordinator of another faculty": (Role.FACULTY_COORDINATOR, other_faculty),
        "programme admin": (Role.PROGRAMME_ADMIN, faculty),
        "privacy officer": (Role.PROGRAMME_ADMIN, faculty),
    }[role]
    user = person(made[0], faculty=made[1])
    if role == "privacy officer":
        user.user_permissions.add(Permission.objects.get(codename="delete_user"))
    return fresh(user)


MATRIX = {
    VIEW: {
        "the person",
        "coordinator of the faculty",
        "programme admin",
        "privacy officer",
    },
    CHANGE: {"the person", "programme admin", "privacy officer"},
    # Wagtail's rule: the delete_user permission, never oneself.
    ERASE: {"privacy officer"},
}


@pytest.mark.parametrize("permission", MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_profile_rules_matrix(
    role: str, permission: str, faculty: Any, other_faculty: Any
) -> None:
    me = person(Role.LECTURER, username="me", faculty=faculty)
    user = _who(role, me, faculty, other_faculty)
    target = me if permission == ERASE else profile_of(me)

    assert user.has_perm(permission, target) == (role in MATRIX[permission])


def test_nobody_but_a_superuser_erases_a_superuser(faculty: Any) -> None:
    root = UserFactory(is_superuser=True, username="root")
    officer = _who("privacy officer", root, faculty, faculty)

    assert not officer.has_perm(ERASE, root)
    assert fresh(UserFactory(is_superuser=True)).has_perm(ERASE, root)


def _menu_item(roles: Any) -> Any:
    from lms.navigation import MenuItem

    return MenuItem(key="x", label="X", url_name="x", roles=roles)


MENU_MATRIX = {
    # roles of the entry: who sees it (an entry for everyone, roles=frozenset(),
    # is shown without asking)
    "everyone signed in": (None, set(ROLES) - {"anonymous"}),
    "coaches": (frozenset({Role.COACH}), {"coach of the faculty"}),
    "coordinators and admins": (
        frozenset({Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN}),
        {
            "coordinator of the faculty",
            "coordinator of another faculty",
            "programme admin",
            "privacy officer",
        },
    ),
}


@pytest.mark.parametrize("entry", MENU_MATRIX)
@pytest.mark.parametrize("role", ROLES)
def test_menu_item_matrix(
    role: str, entry: str, faculty: Any, other_faculty: Any
) -> None:
    me = person(Role.LECTURER, username="me", faculty=faculty)
    user = _who(role, me, faculty, other_faculty)
    roles, expected = MENU_MATRIX[entry]

    assert user.has_perm(SEE_MENU_ITEM, _menu_item(roles)) == (role in expected)


def test_every_rule_of_the_app_is_in_the_matrix() -> None:
    names = {*permissions.registered_rules(), *permissions.registered_object_rules()}

    assert {n for n in names if n.startswith("engage_accounts.")} == {
        *MATRIX,
        SEE_MENU_ITEM,
    }
