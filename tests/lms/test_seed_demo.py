"""`manage.py seed_demo`: demo people, faculties and the home page, idempotently."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page, Site

from frontend.models import HomePage
from lms.accounts.demo import DEMO_PASSWORD, DEMO_PEOPLE, FACULTIES
from lms.accounts.models import Faculty, Profile
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of, roles_of

pytestmark = pytest.mark.django_db

User = get_user_model()
DEMO_USERNAMES = {"lecturer", "coach", "coordinator", "admin"}


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "users": User.objects.count(),
        "profiles": Profile.objects.count(),
        "faculties": Faculty.objects.count(),
        "groups": Group.objects.count(),
        "memberships": User.groups.through.objects.count(),
        "pages": Page.objects.count(),
        "home pages": HomePage.objects.count(),
        "sites": Site.objects.count(),
    }


def test_seed_demo_creates_people_faculties_and_home_page() -> None:
    output = seed()

    assert "Demo data is ready." in output
    assert "seeded faculties and people" in output
    assert set(User.objects.values_list("username", flat=True)) >= DEMO_USERNAMES
    assert Faculty.objects.count() == 11 == len(FACULTIES)
    assert list(Faculty.objects.values_list("code", flat=True)) == [
        seed.code for seed in FACULTIES
    ]


def test_demo_people_have_their_role_faculty_and_password() -> None:
    seed()

    expected_roles = {
        "lecturer": Role.LECTURER,
        "coach": Role.COACH,
        "coordinator": Role.FACULTY_COORDINATOR,
        "admin": Role.PROGRAMME_ADMIN,
    }
    for demo in DEMO_PEOPLE:
        user = User.objects.get(username=demo.username)
        assert user.check_password(DEMO_PASSWORD)
        assert roles_of(user) == {expected_roles[demo.username]}
        profile = profile_of(user)
        assert profile.faculty.code == demo.faculty_code
        assert profile.preferred_language == demo.language
        assert user.first_name == demo.first_name


def test_demo_people_can_sign_in_through_the_login_page() -> None:
    seed()

    for username in sorted(DEMO_USERNAMES):
        client = Client()
        response = client.post(
            "/accounts/login/", {"username": username, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, username
        assert client.get("/dashboard/").status_code == 200


def test_the_home_page_becomes_the_default_site_root() -> None:
    seed()

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live
    assert site.site_name == "Engage PD"
    # Wagtail's "Welcome to your new Wagtail site!" placeholder is gone.
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page.pk).exists()
    assert Client().get("/").status_code == 200


def test_seed_demo_twice_changes_no_counts() -> None:
    seed()
    first = counts()

    seed()

    assert counts() == first
    assert first["home pages"] == 1
    assert first["faculties"] == 11


def test_seed_demo_restores_changed_demo_data() -> None:
    seed()
    coach = User.objects.get(username="coach")
    coach.groups.clear()
    profile = profile_of(coach)
    profile.department = "Somewhere else"
    profile.save()

    seed()

    coach = User.objects.get(username="coach")
    assert roles_of(coach) == {Role.COACH}
    assert profile_of(coach).department == "Academic Development"


def test_seed_demo_keeps_a_changed_password() -> None:
    seed()
    admin = User.objects.get(username="admin")
    admin.set_password("changed-after-seeding")
    admin.save()

    seed()

    assert User.objects.get(username="admin").check_password("changed-after-seeding")
