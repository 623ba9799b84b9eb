"""Every access rule of the suite is registered here, by name, and asked through
`user.has_perm(name)` or `user.has_perm(name, obj)`.

Each app registers its own rules from its `permissions.py` (in AppConfig.ready());
views, the API, feeds, downloads, selectors and the Wagtail admin all ask
`has_perm`, so there is one answer everywhere (decision 0002).

- A *rule* answers a question about no particular object ("may this person manage
  cohorts?"): `register_rule(name, rule)`, `rule(user) -> bool`.
- An *object rule* answers a question about one object ("may this person read this
  journal entry?"): `register_object_rule(name, rule)`, `rule(user, obj) -> bool`.

Only active, signed-in people are asked; Django grants active superusers every
permission before any rule is asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from .models import Faculty, Profile
from .roles import Role
from .selectors import has_role, profile_of, roles_of

Rule = Callable[[Any], bool]
ObjectRule = Callable[[Any, Any], bool]

_rules: dict[str, Rule] = {}
_object_rules: dict[str, ObjectRule] = {}


def register_rule(permission: str, rule: Rule) -> None:
    """Decide `permission` ("app_label.codename"), asked without an object."""
    _rules[permission] = rule


def register_object_rule(permission: str, rule: ObjectRule) -> None:
    """Decide `permission` ("app_label.codename") on an object: `rule(user, obj)`."""
    _object_rules[permission] = rule


def registered_rules() -> Mapping[str, Rule]:
    """Every rule asked without an object, by permission name (read-only)."""
    return MappingProxyType(_rules)


def registered_object_rules() -> Mapping[str, ObjectRule]:
    """Every object rule, by permission name (read-only)."""
    return MappingProxyType(_object_rules)


def is_registered(permission: str) -> bool:
    return permission in _rules or permission in _object_rules


class ObjectPermissionBackend:
    """An authentication backend that only answers the registered rules."""

    def authenticate(self, request: Any, **credentials: Any) -> None:
        return None

    def get_user(self, user_id: Any) -> None:
        return None

    def has_perm(self, user: Any, perm: str, obj: Any = None) -> bool:
        if not getattr(user, "is_active", False):
            return False
        if obj is not None and perm in _object_rules:
            return bool(_object_rules[perm](user, obj))
        rule = _rules.get(perm)
        return bool(rule and rule(user))


# --- the rules of lms.accounts ----------------------------------------------------


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


def can_erase_person(user: Any, person: Any) -> bool:
    """Wagtail's own rule for deleting a user: the `auth.delete_user` permission,
    never oneself, and a superuser only by a superuser."""
    from wagtail.users.utils import user_can_delete_user

    return bool(user_can_delete_user(user, person))


def can_see_menu_item(user: Any, item: Any) -> bool:
    """A main-menu entry (`lms.navigation.MenuItem`) for everyone signed in
    (`roles` None), or for the people holding one of its `roles`."""
    if item.roles is None:
        return bool(getattr(user, "is_authenticated", False))
    return bool(item.roles & roles_of(user))


def register_rules() -> None:
    register_object_rule("engage_accounts.view_profile", can_view_profile)
    register_object_rule("engage_accounts.change_profile", can_change_profile)
    register_object_rule("engage_accounts.erase_person", can_erase_person)
    register_object_rule("engage_accounts.see_menu_item", can_see_menu_item)
