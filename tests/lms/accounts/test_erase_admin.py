"""Erasing a person from the Wagtail admin: who may, the confirmation, the result."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from lms.accounts.roles import Role
from lms.notifications.models import OutgoingEmail
from tests.factories import UserFactory, person

pytestmark = pytest.mark.django_db
User = get_user_model()


def erase_url(user: Any) -> str:
    return reverse("engage_accounts_erase", args=[user.pk])


def refused(response: Any) -> bool:
    """Wagtail answers a refusal inside the admin with a redirect to the admin's
    home (and a message), or to its sign-in for people without admin access."""
    location = response.get("Location", "")
    return response.status_code == 302 and (
        location == "/admin/"
        or location.startswith(("/admin/login/", "/accounts/login/"))
    )


@pytest.fixture
def noor(faculty: Any) -> Any:
    return person(
        Role.LECTURER, username="noor", email="noor@uni.example", faculty=faculty
    )


@pytest.fixture
def root() -> Any:
    return UserFactory(is_superuser=True, username="root")


@pytest.fixture
def eraser(faculty: Any) -> Any:
    """A programme admin who was also given Wagtail's permission to delete users."""
    admin = person(Role.PROGRAMME_ADMIN, username="privacy-officer", faculty=faculty)
    admin.user_permissions.add(Permission.objects.get(codename="delete_user"))
    return User.objects.get(pk=admin.pk)  # forget the cached permissions


def test_the_confirmation_page_names_the_person_and_what_stays(
    client_for: Any, root: Any, noor: Any
) -> None:
    response = client_for(root).get(erase_url(noor))
    assert response.status_code == 200
    html = response.content.decode()
    assert "noor@uni.example" in html
    assert "anonymous history" in html
    assert 'name="confirm"' in html
    assert User.objects.filter(pk=noor.pk).exists()


def test_typing_the_username_erases_the_person(
    client_for: Any, root: Any, noor: Any, caplog: Any
) -> None:
    caplog.set_level("INFO", logger="lms.accounts.views.erasure")
    OutgoingEmail.objects.create(to="noor@uni.example", subject="s", body="b")
    response = client_for(root).post(erase_url(noor), {"confirm": "noor"})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailusers_users:index")
    assert not User.objects.filter(pk=noor.pk).exists()
    assert not OutgoingEmail.objects.filter(to="noor@uni.example").exists()
    # Who erased whom, by id: the log keeps nothing of what was erased.
    assert f"person #{noor.pk} erased by user #{root.pk}" in caplog.text
    assert "noor" not in caplog.text


def test_the_listing_offers_erasure_to_whoever_may_erase(
    client_for: Any, root: Any, noor: Any
) -> None:
    html = client_for(root).get(reverse("wagtailusers_users:index")).content.decode()
    assert erase_url(noor) in html
    assert erase_url(root) not in html  # never oneself
    # Avatars would send a hash of each person's e-mail address to Gravatar.
    assert "gravatar" not in html


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "Noor",
        " noor x",
        "root",
        "noor" * 100,
        "<script>alert(1)</script>",
        "noor\x00",
    ],
)
def test_anything_but_the_exact_username_erases_nothing(
    client_for: Any, root: Any, noor: Any, typed: str
) -> None:
    response = client_for(root).post(erase_url(noor), {"confirm": typed})
    assert response.status_code == 400
    assert User.objects.filter(pk=noor.pk).exists()
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html


def test_a_missing_person_is_404(client_for: Any, root: Any) -> None:
    response = client_for(root).get(reverse("engage_accounts_erase", args=[999999]))
    assert response.status_code == 404


def test_a_user_with_the_delete_permission_may_erase_others_but_not_superusers(
    client_for: Any, eraser: Any, noor: Any, root: Any
) -> None:
    client = client_for(eraser)
    assert client.get(erase_url(noor)).status_code == 200
    assert refused(client.post(erase_url(root), {"confirm": "root"}))
    assert User.objects.filter(pk=root.pk).exists()
    assert refused(client.post(erase_url(eraser), {"confirm": "privacy-officer"}))
    assert User.objects.filter(pk=eraser.pk).exists()
    assert client.post(erase_url(noor), {"confirm": "noor"}).status_code == 302
    assert not User.objects.filter(pk=noor.pk).exists()


@pytest.mark.parametrize(
    "role",
    [Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN],
)
def test_roles_without_the_delete_permission_cannot_erase(
    client_for: Any, faculty: Any, noor: Any, role: Role
) -> None:
    someone = person(role, username=f"someone-{role}", faculty=faculty)
    client = client_for(someone)
    for response in (
        client.get(erase_url(noor)),
        client.post(erase_url(noor), {"confirm": "noor"}),
    ):
        assert refused(response)
    assert User.objects.filter(pk=noor.pk).exists()


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Any, noor: Any) -> None:
    response = client.post(erase_url(noor), {"confirm": "noor"})
    assert refused(response)
    assert User.objects.filter(pk=noor.pk).exists()
