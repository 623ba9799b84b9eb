"""Object permissions: one answer through user.has_perm everywhere."""

from __future__ import annotations

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

    register_object_rule(VIEW, lambda user, obj: True)

    assert fresh(lecturer).has_perm(VIEW, target)


def test_superusers_may_do_anything(target) -> None:
    root = UserFactory(is_superuser=True)

    assert fresh(root).has_perm(VIEW, target)
    assert fresh(root).has_perm(CHANGE, target)
