"""Object-level permissions for every app: rules registered per permission name.

`user.has_perm("engage_accounts.view_profile", profile)` asks the registered rule.
Apps register rules for their own models in AppConfig.ready(); views, selectors and
the API all ask through `user.has_perm`, so there is one answer everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .models import Faculty, Profile
from .roles import Role
from .selectors import has_role, profile_of

Rule = Callable[[Any, Any], bool]

_rules: dict[str, Rule] = {}


def register_object_rule(permission: str, rule: Rule) -> None:
    """Decide `permission` ("app_label.codename") on objects with `rule(user, obj)`."""
    _rules[permission] = rule


class ObjectPermissionBackend:
    """An authentication backend that only answers object-level permission checks."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def get_user(self, user_id: Any) -> None:
        return None

    def has_perm(self, user: Any, perm: str, obj: Any = None) -> bool:
        if obj is None or not getattr(user, "is_active", False):
            return False
        rule = _rules.get(perm)
        return bool(rule and rule(user, obj))


def faculty_id_of(user: Any) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return profile_of(user).faculty_id


def coordinates_faculty(user: Any, faculty: Faculty | int | None) -> bool:
    """True if `user` is the faculty coordinator of that faculty."""
    if faculty is None or not has_role(user, Role.FACULTY_COORDINATOR):
        return False
    faculty_id = faculty if isinstance(faculty, int) else faculty.pk
    return faculty_id_of(user) == faculty_id


def can_view_profile(user: Any, profile: Profile) -> bool:
    """Oneself, a programme admin, or the coordinator of the person's faculty."""
    if profile.user_id == user.pk or has_role(user, Role.PROGRAMME_ADMIN):
        return True
    return coordinates_faculty(user, profile.faculty_id)


def can_change_profile(user: Any, profile: Profile) -> bool:
    return profile.user_id == user.pk or has_role(user, Role.PROGRAMME_ADMIN)


def register_default_rules() -> None:
    register_object_rule("engage_accounts.view_profile", can_view_profile)
    register_object_rule("engage_accounts.change_profile", can_change_profile)
