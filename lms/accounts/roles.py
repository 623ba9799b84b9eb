"""The four roles of Engage PD, each a Django group with permissions.

Group names are stable identifiers (never translated); labels are for people.
Other apps add the permissions their role needs with `register_role_permissions`
in their AppConfig.ready(); `sync_roles()` (run after every migrate) applies them.
"""

from __future__ import annotations

from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Role(StrEnum):
    LECTURER = "lecturer"
    COACH = "coach"
    FACULTY_COORDINATOR = "faculty_coordinator"
    PROGRAMME_ADMIN = "programme_admin"

    @property
    def group_name(self) -> str:
        return GROUP_NAMES[self]

    @property
    def label(self) -> str | Promise:
        return LABELS[self]


GROUP_NAMES: dict[Role, str] = {
    Role.LECTURER: "Engage PD: lecturer",
    Role.COACH: "Engage PD: coach",
    Role.FACULTY_COORDINATOR: "Engage PD: faculty coordinator",
    Role.PROGRAMME_ADMIN: "Engage PD: programme admin",
}
ROLE_BY_GROUP_NAME: dict[str, Role] = {name: role for role, name in GROUP_NAMES.items()}

LABELS: dict[Role, str | Promise] = {
    Role.LECTURER: _("Lecturer"),
    Role.COACH: _("Coach"),
    Role.FACULTY_COORDINATOR: _("Faculty coordinator"),
    Role.PROGRAMME_ADMIN: _("Programme admin"),
}

# "app_label.codename" for each role; extended by other apps.
_ROLE_PERMISSIONS: dict[Role, set[str]] = {
    Role.LECTURER: set(),
    Role.COACH: {"engage_accounts.view_profile"},
    Role.FACULTY_COORDINATOR: {"engage_accounts.view_profile"},
    Role.PROGRAMME_ADMIN: {
        "wagtailadmin.access_admin",
        "engage_accounts.view_profile",
        "engage_accounts.add_faculty",
        "engage_accounts.change_faculty",
        "engage_accounts.view_faculty",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    },
}


def register_role_permissions(role: Role, permissions: set[str] | list[str]) -> None:
    """Give `role` these model permissions ("app_label.codename") on next sync."""
    _ROLE_PERMISSIONS[role].update(permissions)


def role_permissions(role: Role) -> frozenset[str]:
    return frozenset(_ROLE_PERMISSIONS[role])
