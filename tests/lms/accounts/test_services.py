"""Writes about people, roles and faculties (lms.accounts.services)."""

from __future__ import annotations

import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from lms.accounts import roles as roles_module
from lms.accounts.exceptions import AccountsError, UnknownLanguage
from lms.accounts.models import Faculty, Profile
from lms.accounts.roles import GROUP_NAMES, Role, role_permissions
from lms.accounts.selectors import has_role, profile_of, roles_of
from lms.accounts.services import (
    FacultySeed,
    assign_role,
    create_person,
    remove_role,
    seed_faculties,
    set_preferred_language,
    sync_roles,
    update_profile,
)
from tests.factories import FacultyFactory, UserFactory, person

pytestmark = pytest.mark.django_db

User = get_user_model()


def group_permissions(role: Role) -> set[str]:
    group = Group.objects.get(name=role.group_name)
    return {
        f"{perm.content_type.app_label}.{perm.codename}"
        for perm in group.permissions.select_related("content_type")
    }


# --- create_person ----------------------------------------------------------------


def test_create_person_creates_user_profile_and_roles(faculty) -> None:
    user = create_person(
        username="noor",
        email="noor@example.org",
        first_name="Noor",
        last_name="El Amrani",
        password="a-long-enough-password",
        faculty=faculty,
        department="  Modern Languages  ",
        preferred_language="nl",
        roles=[Role.LECTURER, Role.COACH],
    )

    user = User.objects.get(pk=user.pk)
    assert user.email == "noor@example.org"
    assert user.get_full_name() == "Noor El Amrani"
    assert user.check_password("a-long-enough-password")
    profile = Profile.objects.get(user=user)
    assert profile.faculty == faculty
    assert profile.department == "Modern Languages"
    assert profile.preferred_language == "nl"
    assert roles_of(user) == {Role.LECTURER, Role.COACH}
    assert profile.display_name == "Noor El Amrani"


def test_create_person_without_password_cannot_log_in_with_one() -> None:
    user = create_person(
        username="sso-only", email="sso@example.org", first_name="S", last_name="O"
    )

    assert not user.has_usable_password()
    assert roles_of(user) == frozenset()
    assert profile_of(user).faculty is None
    assert profile_of(user).preferred_language == "en"


def test_create_person_with_unknown_language_creates_nothing() -> None:
    with pytest.raises(UnknownLanguage):
        create_person(
            username="klingon",
            email="k@example.org",
            first_name="K",
            last_name="L",
            preferred_language="tlh",
            roles=[Role.LECTURER],
        )

    assert not User.objects.filter(username="klingon").exists()
    assert not Profile.objects.filter(user__username="klingon").exists()


def test_unknown_language_is_an_accounts_error() -> None:
    assert issubclass(UnknownLanguage, AccountsError)


# --- profiles -----------------------------------------------------------------------


def test_every_new_user_gets_a_profile_with_a_random_unique_xapi_id() -> None:
    first = User.objects.create_user(username="first", email="first@example.org")
    second = User.objects.create_user(username="second", email="second@example.org")

    ids = [Profile.objects.get(user=user).xapi_id for user in (first, second)]
    assert all(isinstance(value, uuid.UUID) for value in ids)
    assert all(value.version == 4 for value in ids)
    assert ids[0] != ids[1]
    # Not derivable from the person: neither the id nor a name-based UUID.
    for user, value in zip((first, second), ids, strict=True):
        assert value.int != user.pk
        assert value != uuid.uuid5(uuid.NAMESPACE_DNS, user.email)
        assert user.email not in str(value)


def test_xapi_id_does_not_change_when_the_profile_is_edited(lecturer, faculty) -> None:
    before = profile_of(lecturer).xapi_id

    update_profile(
        user=lecturer, faculty=None, department="Elsewhere", preferred_language="nl"
    )

    assert Profile.objects.get(user=lecturer).xapi_id == before


def test_profile_of_creates_a_missing_profile() -> None:
    user = UserFactory()
    Profile.objects.filter(user=user).delete()
    user = User.objects.get(pk=user.pk)

    profile = profile_of(user)

    assert profile.pk is not None
    assert Profile.objects.filter(user=user).count() == 1


def test_display_name_falls_back_to_username() -> None:
    user = UserFactory(username="anon42", first_name="", last_name="")

    assert profile_of(user).display_name == "anon42"
    assert str(profile_of(user)) == "anon42"


def test_update_profile_saves_the_editable_fields(lecturer) -> None:
    other = FacultyFactory(code="law")

    update_profile(
        user=lecturer,
        faculty=other,
        department="  Law School ",
        preferred_language="nl",
    )

    profile = Profile.objects.get(user=lecturer)
    assert profile.faculty == other
    assert profile.department == "Law School"
    assert profile.preferred_language == "nl"


@pytest.mark.parametrize("language", ["de", "EN", "", "en-us", "xx"])
def test_update_profile_with_unknown_language_raises_and_saves_nothing(
    lecturer, faculty, language: str
) -> None:
    with pytest.raises(UnknownLanguage):
        update_profile(
            user=lecturer,
            faculty=None,
            department="Changed",
            preferred_language=language,
        )

    profile = Profile.objects.get(user=lecturer)
    assert profile.faculty == faculty
    assert profile.department == ""
    assert profile.preferred_language == "en"


def test_set_preferred_language(lecturer) -> None:
    set_preferred_language(user=lecturer, language="nl")
    assert Profile.objects.get(user=lecturer).preferred_language == "nl"

    with pytest.raises(UnknownLanguage):
        set_preferred_language(user=lecturer, language="fr")
    assert Profile.objects.get(user=lecturer).preferred_language == "nl"


# --- roles --------------------------------------------------------------------------


def test_assign_and_remove_role_are_idempotent() -> None:
    user = UserFactory()

    assign_role(user=user, role=Role.COACH)
    assign_role(user=user, role=Role.COACH)
    assert list(user.groups.values_list("name", flat=True)) == [GROUP_NAMES[Role.COACH]]
    assert roles_of(user) == {Role.COACH}

    remove_role(user=user, role=Role.COACH)
    remove_role(user=user, role=Role.COACH)
    remove_role(user=user, role=Role.LECTURER)
    assert not user.groups.exists()
    assert roles_of(user) == frozenset()


def test_assign_role_refreshes_the_cached_roles(lecturer) -> None:
    assert roles_of(lecturer) == {Role.LECTURER}

    assign_role(user=lecturer, role=Role.COACH)

    assert roles_of(lecturer) == {Role.LECTURER, Role.COACH}
    assert has_role(lecturer, Role.COACH)


def test_remove_role_refreshes_the_cached_roles(coach) -> None:
    assert has_role(coach, Role.COACH)

    remove_role(user=coach, role=Role.COACH)

    assert not has_role(coach, Role.COACH)


def test_remove_role_keeps_other_groups() -> None:
    other = Group.objects.create(name="Some other group")
    user = person(Role.LECTURER)
    user.groups.add(other)

    remove_role(user=user, role=Role.LECTURER)

    assert list(user.groups.all()) == [other]


def test_migrate_creates_the_role_groups_with_their_permissions() -> None:
    # Nobody called sync_roles in this test: the post_migrate handler did.
    assert set(Group.objects.values_list("name", flat=True)) >= set(
        GROUP_NAMES.values()
    )
    for role in Role:
        assert group_permissions(role) == set(role_permissions(role))


def test_sync_roles_gives_each_role_exactly_its_permissions() -> None:
    groups = sync_roles()

    assert set(groups) == set(Role)
    assert group_permissions(Role.LECTURER) == set()
    assert group_permissions(Role.COACH) == {"engage_accounts.view_profile"}
    admin_permissions = group_permissions(Role.PROGRAMME_ADMIN)
    assert "wagtailadmin.access_admin" in admin_permissions
    assert "wagtaildocs.add_document" in admin_permissions
    assert "engage_accounts.change_faculty" in admin_permissions


def test_sync_roles_removes_permissions_that_were_added_by_hand() -> None:
    group = Group.objects.get(name=Role.LECTURER.group_name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="auth", codename="delete_user")
    )

    sync_roles()

    assert group_permissions(Role.LECTURER) == set()


def test_sync_roles_is_idempotent() -> None:
    sync_roles()
    counts = (
        Group.objects.count(),
        {role: group_permissions(role) for role in Role},
        GroupPagePermission.objects.count(),
    )

    sync_roles()
    sync_roles()

    assert counts == (
        Group.objects.count(),
        {role: group_permissions(role) for role in Role},
        GroupPagePermission.objects.count(),
    )


def test_sync_roles_recreates_a_deleted_group() -> None:
    Group.objects.filter(name=Role.COACH.group_name).delete()

    sync_roles()

    assert group_permissions(Role.COACH) == {"engage_accounts.view_profile"}


def test_programme_admins_get_the_wagtail_admin_and_the_page_tree(
    programme_admin,
) -> None:
    sync_roles()

    assert programme_admin.has_perm("wagtailadmin.access_admin")
    root = Page.get_first_root_node()
    granted = set(
        GroupPagePermission.objects.filter(
            group__name=Role.PROGRAMME_ADMIN.group_name, page=root
        ).values_list("permission__codename", flat=True)
    )
    assert {"add_page", "change_page", "publish_page"} <= granted


def test_other_roles_do_not_get_the_wagtail_admin(lecturer, coach, coordinator) -> None:
    sync_roles()

    for user in (lecturer, coach, coordinator):
        user = User.objects.get(pk=user.pk)  # fresh permission cache
        assert not user.has_perm("wagtailadmin.access_admin")
    assert not GroupPagePermission.objects.exclude(
        group__name=Role.PROGRAMME_ADMIN.group_name
    ).filter(group__name__in=GROUP_NAMES.values())


def test_registered_role_permissions_are_applied_on_sync(monkeypatch) -> None:
    monkeypatch.setattr(
        roles_module,
        "_ROLE_PERMISSIONS",
        {role: set(perms) for role, perms in roles_module._ROLE_PERMISSIONS.items()},
    )

    roles_module.register_role_permissions(
        Role.LECTURER, ["engage_accounts.view_faculty", "not_installed.do_thing"]
    )
    sync_roles()

    # A permission of an app that is not installed is skipped, not an error.
    assert group_permissions(Role.LECTURER) == {"engage_accounts.view_faculty"}


# --- faculties ----------------------------------------------------------------------


SEEDS = [
    FacultySeed("law", "Faculty of Law", "Faculteit Rechtsgeleerdheid"),
    FacultySeed("arts", "Faculty of Arts", "Faculteit der Letteren"),
]


def test_seed_faculties_creates_them_in_order() -> None:
    faculties = seed_faculties(SEEDS)

    assert [faculty.code for faculty in faculties] == ["law", "arts"]
    assert list(Faculty.objects.values_list("code", "sort_order")) == [
        ("law", 0),
        ("arts", 1),
    ]


def test_seed_faculties_is_idempotent_and_updates_by_code() -> None:
    seed_faculties(SEEDS)
    first_ids = set(Faculty.objects.values_list("pk", flat=True))

    seed_faculties(SEEDS)
    seed_faculties([FacultySeed("arts", "Arts (renamed)", "Letteren"), SEEDS[0]])

    assert Faculty.objects.count() == 2
    assert set(Faculty.objects.values_list("pk", flat=True)) == first_ids
    arts = Faculty.objects.get(code="arts")
    assert (arts.name_en, arts.name_nl, arts.sort_order) == (
        "Arts (renamed)",
        "Letteren",
        0,
    )


def test_faculty_name_follows_the_active_language() -> None:
    from django.utils import translation

    (law,) = seed_faculties(SEEDS[:1])

    with translation.override("nl"):
        assert law.name == "Faculteit Rechtsgeleerdheid"
        assert str(law) == "Faculteit Rechtsgeleerdheid"
    with translation.override("en"):
        assert law.name == "Faculty of Law"
