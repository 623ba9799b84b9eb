"""Every access rule of certification, role × object, asked the way every door
asks it: `user.has_perm("engage_certification.<codename>"[, obj])`."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser

from certification.models import Assessment, IssuedCredential
from lms.accounts.permissions import registered_object_rules, registered_rules
from tests.certification.factories import World

pytestmark = pytest.mark.django_db

APP = "engage_certification"
ROLES = (
    "anonymous", "owner", "other_lecturer", "coach", "assessor", "outsider",
    "coordinator", "admin",
)  # fmt: skip

# rule → the roles it grants (asked without an object).
RULES: dict[str, set[str]] = {
    "manage_portfolios": {"admin"},
    "assess_portfolios": {"coach", "assessor", "outsider"},
    "import_framework": {"admin"},
    "export_framework": {"admin"},
    "version_rubric": {"admin"},
    "administer": {"admin"},
}
# object rule → (the object it is asked about, the roles it grants). The
# portfolio is submitted; `assessor` is allocated to it, the cohort's `coach` is
# not; the credential is the owner's.
OBJECT_RULES: dict[str, tuple[str, set[str]]] = {
    "view_portfolio": ("portfolio", {"owner"}),
    "change_portfolio": ("portfolio", {"owner"}),
    "change_evidence": ("evidence", {"owner"}),
    "view_version": ("version", {"owner", "assessor", "admin"}),
    "assess": ("assessment", {"assessor"}),
    "decide_portfolio": ("portfolio", {"admin"}),
    "assess_portfolio": ("portfolio", {"coach", "assessor", "outsider"}),
    "assess_independently": ("portfolio", {"assessor", "outsider"}),
    "download_certificate": ("credential", {"owner"}),
    "revoke_certificate": ("credential", {"admin"}),
}


@pytest.fixture
def submitted(world: World) -> World:
    world.submit()
    world.allocate(world.assessor_b, world.assessor)
    return world


def _user(world: World, role: str) -> Any:
    if role == "anonymous":
        return AnonymousUser()
    return world.lecturer if role == "owner" else getattr(world, role)


def _object(world: World, kind: str) -> Any:
    version = world.portfolio.versions.get()
    return {
        "portfolio": world.portfolio,
        "evidence": world.portfolio.evidence.first(),
        "version": version,
        "assessment": Assessment.objects.get(version=version, assessor=world.assessor),
        "credential": IssuedCredential(user=world.lecturer),
    }[kind]


@pytest.mark.parametrize("rule", sorted(RULES))
def test_rules_without_an_object(submitted: World, rule: str) -> None:
    granted = {
        role for role in ROLES if _user(submitted, role).has_perm(f"{APP}.{rule}")
    }
    assert granted == RULES[rule]


@pytest.mark.parametrize("rule", sorted(OBJECT_RULES))
def test_object_rules(submitted: World, rule: str) -> None:
    kind, expected = OBJECT_RULES[rule]
    obj = _object(submitted, kind)
    granted = {
        role for role in ROLES if _user(submitted, role).has_perm(f"{APP}.{rule}", obj)
    }
    assert granted == expected


def test_the_programme_team_never_judges_its_own(world: World) -> None:
    """Conflicts of interest: an admin who is the candidate or the holder."""
    own = world.portfolio
    own.user = world.admin
    assert not world.admin.has_perm(f"{APP}.decide_portfolio", own)
    assert not world.admin.has_perm(
        f"{APP}.revoke_certificate", IssuedCredential(user=world.admin)
    )


def test_an_inactive_coach_assesses_nothing(world: World) -> None:
    world.outsider.is_active = False
    assert not world.outsider.has_perm(f"{APP}.assess_portfolios")
    assert not world.outsider.has_perm(f"{APP}.assess_portfolio", world.portfolio)


def test_every_rule_of_the_app_is_in_the_matrix() -> None:
    registered = {
        name.split(".", 1)[1]
        for name in (*registered_rules(), *registered_object_rules())
        if name.startswith(f"{APP}.")
    }
    assert registered == set(RULES) | set(OBJECT_RULES)
