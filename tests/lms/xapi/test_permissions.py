"""Who may use the forwarding admin, for every role; the LRS endpoints are
declared public to Django and authenticate LRS clients themselves."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.urls import resolve, reverse

from lms.accounts.access import declared_access
from lms.accounts.permissions import registered_object_rules, registered_rules
from lms.accounts.roles import Role
from tests.factories import UserFactory, person

pytestmark = pytest.mark.django_db

MANAGE_FORWARDING = "engage_xapi.manage_forwarding"
ALLOWED = {"programme admin", "superuser"}
ROLES = {
    "lecturer": Role.LECTURER,
    "coach": Role.COACH,
    "faculty coordinator": Role.FACULTY_COORDINATOR,
    "programme admin": Role.PROGRAMME_ADMIN,
}


def _user(name: str) -> Any:
    if name == "anonymous":
        return AnonymousUser()
    if name == "superuser":
        user = UserFactory(is_superuser=True)
    else:
        user = person(ROLES[name])
    return get_user_model().objects.get(pk=user.pk)


@pytest.mark.parametrize("name", ["anonymous", *ROLES, "superuser"])
def test_manage_forwarding_matrix(name: str) -> None:
    assert _user(name).has_perm(MANAGE_FORWARDING) == (name in ALLOWED)


# The forwarding pages through HTTP, by role: test_forwarding.py.


@pytest.mark.parametrize("name", ["statements", "about", "profile"])
def test_the_lrs_endpoints_are_public_to_django(name: str) -> None:
    callback = resolve(reverse(f"engage_xapi:{name}")).func

    assert declared_access(callback).kind == "public"


def test_every_rule_of_the_app_is_in_the_matrix() -> None:
    names = {*registered_rules(), *registered_object_rules()}

    assert {n for n in names if n.startswith("engage_xapi.")} == {MANAGE_FORWARDING}
