"""Reads about people, roles and faculties, and their query counts."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group

from lms.accounts.roles import Role
from lms.accounts.selectors import (
    active_faculties,
    faculty_people,
    forget_cached_roles,
    has_role,
    people_per_faculty,
    roles_of,
    roles_of_prefetched,
)
from lms.accounts.services import assign_role
from tests.factories import FacultyFactory, UserFactory, person

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_roles_of_costs_one_query_then_none(
    lecturer, django_assert_num_queries
) -> None:
    user = User.objects.get(pk=lecturer.pk)

    with django_assert_num_queries(1):
        assert roles_of(user) == {Role.LECTURER}
    with django_assert_num_queries(0):
        assert roles_of(user) == {Role.LECTURER}
        assert has_role(user, Role.LECTURER)
        assert not has_role(user, Role.COACH)


def test_forget_cached_roles_makes_the_next_call_query_again(
    lecturer, django_assert_num_queries
) -> None:
    user = User.objects.get(pk=lecturer.pk)
    roles_of(user)
    Group.objects.get(name=Role.COACH.group_name).user_set.add(user)

    with django_assert_num_queries(0):
        assert roles_of(user) == {Role.LECTURER}  # still the cached answer
    forget_cached_roles(user)
    forget_cached_roles(user)  # harmless when nothing is cached
    with django_assert_num_queries(1):
        assert roles_of(user) == {Role.LECTURER, Role.COACH}


def test_roles_of_ignores_groups_that_are_not_roles() -> None:
    user = person(Role.COACH)
    user.groups.add(Group.objects.create(name="Book club"))

    assert roles_of(User.objects.get(pk=user.pk)) == {Role.COACH}


def test_roles_of_anonymous_and_inactive_users_is_empty_without_queries(
    lecturer, django_assert_num_queries
) -> None:
    lecturer.is_active = False
    lecturer.save()
    inactive = User.objects.get(pk=lecturer.pk)

    with django_assert_num_queries(0):
        assert roles_of(AnonymousUser()) == frozenset()
        assert roles_of(inactive) == frozenset()
        assert roles_of(None) == frozenset()
        assert not has_role(inactive, Role.LECTURER)


def test_superusers_hold_every_role_while_active() -> None:
    root = UserFactory(is_superuser=True)

    assert all(has_role(root, role) for role in Role)
    assert roles_of(root) == frozenset()  # no groups: has_role, not roles_of
    root.is_active = False
    assert not has_role(root, Role.PROGRAMME_ADMIN)


def test_active_faculties_hides_inactive_ones() -> None:
    open_faculty = FacultyFactory(code="open")
    FacultyFactory(code="closed", is_active=False)

    assert list(active_faculties()) == [open_faculty]


def _people(faculty, count: int) -> list:  # type: ignore[no-untyped-def]
    return [person(Role.LECTURER, faculty=faculty) for _ in range(count)]


@pytest.mark.parametrize("count", [3, 30])
def test_faculty_people_lists_only_that_faculty_in_fixed_queries(
    faculty, count: int, django_assert_num_queries
) -> None:
    other = FacultyFactory(code="other")
    mine = _people(faculty, count)
    _people(other, 4)
    gone = person(Role.LECTURER, faculty=faculty)
    gone.is_active = False
    gone.save()

    # One query for the people with their profiles, one for their groups.
    with django_assert_num_queries(2):
        rows = [
            (user.engage_profile.display_name, roles_of_prefetched(user))
            for user in faculty_people(faculty.pk)
        ]

    assert len(rows) == count
    assert {name for name, _ in rows} == {
        user.engage_profile.display_name for user in mine
    }
    assert all(roles == [Role.LECTURER] for _, roles in rows)


def test_faculty_people_are_ordered_by_name(faculty) -> None:
    UserFactory(username="c", first_name="Ann", last_name="Zijl", faculty=faculty)
    UserFactory(username="a", first_name="Bob", last_name="Aa", faculty=faculty)
    UserFactory(username="b", first_name="Ann", last_name="Aa", faculty=faculty)

    assert [user.username for user in faculty_people(faculty.pk)] == ["b", "a", "c"]


def test_roles_of_prefetched_is_in_role_order(faculty) -> None:
    user = person(Role.PROGRAMME_ADMIN, faculty=faculty)
    assign_role(user=user, role=Role.LECTURER)
    (fetched,) = faculty_people(faculty.pk)

    assert roles_of_prefetched(fetched) == [Role.LECTURER, Role.PROGRAMME_ADMIN]


def test_people_per_faculty_counts_active_people_and_lecturers(
    django_assert_num_queries,
) -> None:
    arts = FacultyFactory(code="arts", sort_order=1)
    law = FacultyFactory(code="law", sort_order=0)
    empty = FacultyFactory(code="empty", sort_order=2)
    _people(arts, 3)
    person(Role.COACH, faculty=arts)
    both = person(Role.COACH, faculty=law)
    assign_role(user=both, role=Role.LECTURER)
    inactive = person(Role.LECTURER, faculty=law)
    inactive.is_active = False
    inactive.save()

    with django_assert_num_queries(1):
        counts = [(f.code, f.people, f.lecturers) for f in people_per_faculty()]

    assert counts == [("law", 1, 1), ("arts", 4, 3), ("empty", 0, 0)]
    assert empty.pk
