"""Writes about people, roles and faculties."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .exceptions import UnknownLanguage
from .models import Faculty, Profile
from .roles import Role, role_permissions
from .selectors import forget_cached_roles, personal_data_sources, profile_of


@dataclass(frozen=True)
class FacultySeed:
    code: str
    name_en: str
    name_nl: str


def sync_roles() -> dict[Role, Group]:
    """Create the four role groups and give each exactly its registered permissions."""
    groups: dict[Role, Group] = {}
    for role in Role:
        group, _ = Group.objects.get_or_create(name=role.group_name)
        wanted = role_permissions(role)
        perms = []
        for dotted in sorted(wanted):
            app_label, codename = dotted.split(".", 1)
            perm = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if perm is not None:  # the app may not be installed in this host
                perms.append(perm)
        group.permissions.set(perms)
        groups[role] = group
    _grant_page_tree_to_programme_admins(groups[Role.PROGRAMME_ADMIN])
    for role, group in groups.items():
        _grant_collection_permissions(group, role_permissions(role))
    return groups


def _grant_collection_permissions(group: Group, wanted: frozenset[str]) -> None:
    """Wagtail checks image and document rights per collection, not per model."""
    from wagtail.models import GroupCollectionPermission

    from lms.wagtail_tree import collection_root

    root = collection_root()
    for dotted in sorted(wanted):
        app_label, codename = dotted.split(".", 1)
        if app_label not in ("wagtaildocs", "wagtailimages"):
            continue
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )


def _grant_page_tree_to_programme_admins(group: Group) -> None:
    from wagtail.models import GroupPagePermission

    from lms.wagtail_tree import page_tree_root

    root = page_tree_root()
    for codename in (
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page",
        "bulk_delete_page",
    ):  # fmt: skip
        permission = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename=codename
        ).first()
        if permission is not None:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission
            )


def assign_role(*, user: Any, role: Role) -> None:
    """Give `user` a role (idempotent)."""
    group, _ = Group.objects.get_or_create(name=role.group_name)
    user.groups.add(group)
    forget_cached_roles(user)


def remove_role(*, user: Any, role: Role) -> None:
    """Take a role from `user` (idempotent)."""
    user.groups.remove(*Group.objects.filter(name=role.group_name))
    forget_cached_roles(user)


def _check_language(language: str) -> str:
    codes = {code for code, _ in settings.LANGUAGES}
    if language not in codes:
        raise UnknownLanguage(language)
    return language


@transaction.atomic
def create_person(
    *,
    username: str,
    email: str,
    first_name: str,
    last_name: str,
    password: str | None = None,
    faculty: Faculty | None = None,
    department: str = "",
    preferred_language: str = "en",
    roles: Iterable[Role] = (),
) -> Any:
    """Create a user with profile and roles; a None password disables password login."""
    user = get_user_model().objects.create_user(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        password=password,
    )
    update_profile(
        user=user,
        faculty=faculty,
        department=department,
        preferred_language=preferred_language,
    )
    for role in roles:
        assign_role(user=user, role=role)
    return user


def update_profile(
    *,
    user: Any,
    faculty: Faculty | None,
    department: str,
    preferred_language: str,
) -> Profile:
    """Change the profile fields a person (or an admin) may edit."""
    profile = profile_of(user)
    profile.faculty = faculty
    profile.department = department.strip()
    profile.preferred_language = _check_language(preferred_language)
    profile.save(update_fields=["faculty", "department", "preferred_language"])
    return profile


def set_preferred_language(*, user: Any, language: str) -> Profile:
    """Remember the language a signed-in person chose (used for e-mail too)."""
    profile = profile_of(user)
    profile.preferred_language = _check_language(language)
    profile.save(update_fields=["preferred_language"])
    return profile


def seed_faculties(seeds: Iterable[FacultySeed]) -> list[Faculty]:
    """Create or update faculties by code, keeping the given order."""
    faculties = []
    for position, seed in enumerate(seeds):
        faculty, _ = Faculty.objects.update_or_create(
            code=seed.code,
            defaults={
                "name_en": seed.name_en,
                "name_nl": seed.name_nl,
                "sort_order": position,
            },
        )
        faculties.append(faculty)
    return faculties


@transaction.atomic
def erase_person(*, user: Any) -> None:
    """Erase a person: what every app registered holds about them
    (`selectors.register_personal_data`), then their account, profile and
    queued e-mail — all or nothing.

    Their xAPI statements stay as anonymous history: the only link from a
    pseudonym to a person is the profile's `xapi_id`, which goes with the profile.
    """
    from lms.notifications.models import OutgoingEmail

    erase_personal_data(user=user)
    if user.email:
        OutgoingEmail.objects.filter(to__iexact=user.email).delete()
    user.delete()


def erase_personal_data(*, user: Any) -> None:
    """Run every registered eraser for `user`, lowest `order` first, inside the
    caller's transaction: an eraser that raises rolls the whole erasure back."""
    for source in personal_data_sources():
        if source.erase is not None:
            source.erase(user=user)
