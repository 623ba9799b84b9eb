"""Reads about people, roles and faculties."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .data import EXPORT_FORMAT, EXPORT_FORMAT_VERSION, PersonalDataSource
from .models import Faculty, Profile
from .roles import GROUP_NAMES, ROLE_BY_GROUP_NAME, Role

_ROLE_CACHE_ATTR = "_engage_roles"


def roles_of(user: Any) -> frozenset[Role]:
    """The roles of `user` (one query, then cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, _ROLE_CACHE_ATTR, None)
    if cached is None:
        names = user.groups.filter(name__in=GROUP_NAMES.values()).values_list(
            "name", flat=True
        )
        cached = frozenset(ROLE_BY_GROUP_NAME[name] for name in names)
        setattr(user, _ROLE_CACHE_ATTR, cached)
    return cached


def forget_cached_roles(user: Any) -> None:
    if hasattr(user, _ROLE_CACHE_ATTR):
        delattr(user, _ROLE_CACHE_ATTR)


def sorted_roles_of(user: Any) -> list[Role]:
    """The roles of `user` in a stable order, to show them."""
    return sorted(roles_of(user), key=str)


def has_role(user: Any, role: Role) -> bool:
    """True if `user` holds `role` (superusers hold every role)."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return role in roles_of(user)


def profile_of(user: Any) -> Profile:
    """The profile of a signed-in user, created on first use if it is missing."""
    try:
        return user.engage_profile
    except Profile.DoesNotExist:
        profile, _ = Profile.objects.get_or_create(user=user)
        return profile


def active_faculties() -> QuerySet[Faculty]:
    return Faculty.objects.filter(is_active=True)


def faculty_people(faculty_id: int) -> QuerySet[Any]:
    """Active people of a faculty, with profile and groups, ordered by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True, engage_profile__faculty_id=faculty_id)
        .select_related("engage_profile")
        .prefetch_related("groups")
        .order_by("last_name", "first_name", "username")
    )


def people_per_faculty() -> QuerySet[Faculty]:
    """Every faculty with its number of active people and of lecturers."""
    lecturer_group = Role.LECTURER.group_name
    return Faculty.objects.annotate(
        people=Count("members", filter=Q(members__user__is_active=True), distinct=True),
        lecturers=Count(
            "members",
            filter=Q(
                members__user__is_active=True,
                members__user__groups__name=lecturer_group,
            ),
            distinct=True,
        ),
    ).order_by("sort_order", "name_en")


def roles_of_prefetched(user: Any) -> list[Role]:
    """Roles of a user whose groups were prefetched (no query), in a stable order."""
    names = {group.name for group in user.groups.all()}
    return [role for role in Role if role.group_name in names]


def account_data(*, user: Any) -> dict[str, Any]:
    """The person's own account and profile, for their "My data" download."""
    profile = profile_of(user)
    faculty = profile.faculty
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "faculty": {"code": faculty.code, "name": faculty.name} if faculty else None,
        "department": profile.department,
        "preferred_language": profile.preferred_language,
        "roles": sorted(role.value for role in roles_of(user)),
        # The pseudonym of their xAPI statements (downloadable from the profile).
        "xapi_pseudonym": str(profile.xapi_id),
    }


# --- personal data: the registry of every app's exporter and eraser ------------
#
# Personal data: one registry through which every app exports and erases its own.
#
# An app that stores data about a person registers a source in its
# `AppConfig.ready()`::
#
#     from lms.accounts.data import PersonalDataSource
#     from lms.accounts.selectors import register_personal_data
#
#     register_personal_data(
#         PersonalDataSource(key="certification", export=..., erase=..., order=60)
#     )
#
# - `export(*, user)` returns JSON-ready data (dicts, lists, strings, numbers,
#   dates) about that person only — never another person's name or text. It is one
#   section of the download "My data" on the profile page
#   (`collect_personal_data`).
# - `erase(*, user)` deletes or anonymises what the app holds about the person.
#   `services.erase_person` calls every eraser, lowest `order` first, inside its
#   transaction and before the account itself is deleted: an eraser that raises
#   rolls the whole erasure back, so nothing is half erased. Work that cannot be
#   undone (deleting stored files) belongs in `transaction.on_commit`.
#
# A registry rather than a signal: erasure must run, in order, and fail as one
# (signals announce, they do not steer), and an export needs an answer from each
# app. Why it works this way: docs/decisions/0010-erasure-in-certification.md.

_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(source: PersonalDataSource) -> None:
    """Register (or replace, by key) one app's exporter and eraser."""
    _sources[source.key] = source


def personal_data_sources() -> list[PersonalDataSource]:
    """The registered sources, lowest `order` first."""
    return sorted(_sources.values(), key=lambda source: (source.order, source.key))


def collect_personal_data(user: Any) -> dict[str, Any]:
    """Everything the installed apps hold about `user`, one section per app."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_FORMAT_VERSION,
        "exported_at": timezone.now(),
        "sections": {
            source.key: source.export(user=user)
            for source in personal_data_sources()
            if source.export is not None
        },
    }
