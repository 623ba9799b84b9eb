"""Login throttling by django-axes: five failures lock one username from one address."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.test import Client

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
LOCKED_STATUS = 429  # axes' AXES_HTTP_RESPONSE_CODE default: Too Many Requests


def attempt(client: Client, username: str, password: str, **extra):  # type: ignore[no-untyped-def]
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


def fail(client: Client, username: str, times: int, **extra) -> list[int]:  # type: ignore[no-untyped-def]
    return [
        attempt(client, username, "wrong", **extra).status_code for _ in range(times)
    ]


def is_locked_out(response) -> bool:  # type: ignore[no-untyped-def]
    return (
        response.status_code == LOCKED_STATUS
        and "Too many failed sign-in attempts" in response.content.decode()
    )


def test_the_limit_is_five() -> None:
    assert settings.AXES_FAILURE_LIMIT == 5


def test_four_failures_still_allow_the_right_password(client, lecturer) -> None:
    assert fail(client, "lecturer", 4) == [200] * 4

    response = attempt(client, "lecturer", PASSWORD)

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(lecturer.pk)


def test_five_failures_lock_the_username(client, lecturer) -> None:
    statuses = fail(client, "lecturer", 5)

    assert statuses[:4] == [200] * 4
    assert statuses[4] == LOCKED_STATUS  # the fifth failure already says so

    response = attempt(client, "lecturer", PASSWORD)

    assert is_locked_out(response)
    assert SESSION_KEY not in client.session
    assert "/accounts/password/reset/" in response.content.decode()


def test_a_locked_username_is_refused_from_a_fresh_client(client, lecturer) -> None:
    fail(client, "lecturer", 5)

    other_client = Client()
    response = attempt(other_client, "lecturer", PASSWORD)

    assert is_locked_out(response)
    assert SESSION_KEY not in other_client.session


def test_another_username_still_works_from_the_same_address(
    client, lecturer, coach
) -> None:
    fail(client, "lecturer", 5)

    response = attempt(client, "coach", PASSWORD)

    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(coach.pk)


def test_the_lock_is_per_username_and_address(client, lecturer) -> None:
    # An attacker elsewhere cannot lock a person out of their own office.
    fail(client, "lecturer", 5, REMOTE_ADDR="203.0.113.7")

    assert is_locked_out(
        attempt(client, "lecturer", PASSWORD, REMOTE_ADDR="203.0.113.7")
    )
    response = attempt(Client(), "lecturer", PASSWORD, REMOTE_ADDR="198.51.100.20")
    assert response.status_code == 302


def test_failures_for_an_unknown_username_also_lock(client) -> None:
    fail(client, "ghost", 5)

    assert (
        AccessAttempt.objects.filter(username="ghost").get().failures_since_start == 5
    )
    assert is_locked_out(attempt(client, "ghost", "anything"))


def test_a_successful_login_resets_the_count(client, lecturer) -> None:
    fail(client, "lecturer", 4)
    assert attempt(client, "lecturer", PASSWORD).status_code == 302
    client.post("/accounts/logout/")

    assert fail(client, "lecturer", 4) == [200] * 4
    assert attempt(client, "lecturer", PASSWORD).status_code == 302


def test_the_lock_expires_after_the_cool_off(client, lecturer) -> None:
    fail(client, "lecturer", 5)
    assert is_locked_out(attempt(client, "lecturer", PASSWORD))

    # Instead of waiting fifteen minutes, age the recorded attempts.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - settings.AXES_COOLOFF_TIME * 2
    )

    assert attempt(client, "lecturer", PASSWORD).status_code == 302
