"""Who may open a notification: only its recipient, for every role.

lms.notifications registers no rule: each page is `@signed_in` and its
selectors are scoped to `request.user`, so another person's notification is not
found for anyone — superusers included, since opening marks it read for its
recipient."""

from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.permissions import registered_object_rules, registered_rules
from lms.accounts.roles import Role
from lms.notifications.models import Notification
from lms.notifications.services import notify
from tests.factories import UserFactory, person

pytestmark = pytest.mark.django_db

ROLES = {
    "recipient": None,
    "other lecturer": Role.LECTURER,
    "coach of the faculty": Role.COACH,
    "faculty coordinator": Role.FACULTY_COORDINATOR,
    "programme admin": Role.PROGRAMME_ADMIN,
    "superuser": "superuser",
}


@pytest.fixture
def recipient(faculty: Any) -> Any:
    return person(Role.LECTURER, username="recipient", faculty=faculty)


@pytest.fixture
def notice(recipient: Any) -> Notification:
    return notify(recipient=recipient, kind="feedback", title="t", url="/x/")


def _user(name: str, recipient: Any, faculty: Any) -> Any:
    role = ROLES[name]
    if role is None:
        return recipient
    if role == "superuser":
        return UserFactory(is_superuser=True, username="root")
    return person(role, username=name.replace(" ", "-"), faculty=faculty)


@pytest.mark.parametrize("name", ROLES)
def test_only_the_recipient_opens_a_notification(
    name: str, recipient: Any, notice: Notification, faculty: Any, client_for: Any
) -> None:
    client = client_for(_user(name, recipient, faculty))

    response = client.post(f"/notifications/{notice.pk}/open/")

    assert response.status_code == (302 if name == "recipient" else 404)
    notice.refresh_from_db()
    assert (notice.read_at is not None) == (name == "recipient")


def test_an_anonymous_visitor_is_sent_to_sign_in(client: Any, notice: Any) -> None:
    response = client.post(f"/notifications/{notice.pk}/open/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_the_app_registers_no_rule_of_its_own() -> None:
    names = {*registered_rules(), *registered_object_rules()}

    assert not {name for name in names if name.startswith("engage_notifications.")}
