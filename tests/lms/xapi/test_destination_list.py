"""The LRS destinations list in the Wagtail admin shows each destination's
forwarding state, in a number of queries that does not grow with the list."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from lms.accounts.roles import Role
from lms.xapi.models import Destination, DestinationHealth
from tests.factories import person

pytestmark = pytest.mark.django_db

LIST = "/admin/lrs-destinations/"


def destination(name: str, failures: int | None) -> None:
    row = Destination.objects.create(
        name=name, endpoint="http://127.0.0.1:9/xapi/", username="u", password="p"
    )
    if failures is not None:
        DestinationHealth.objects.create(
            destination=row,
            consecutive_failures=failures,
            failing_since=timezone.now() - timedelta(hours=1) if failures else None,
        )


def list_page(client: Client) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


@override_settings(ENGAGE_XAPI_CIRCUIT_THRESHOLD=3)
def test_the_list_shows_each_state_in_constant_queries(faculty: Any) -> None:
    client = Client()
    client.force_login(person(Role.PROGRAMME_ADMIN, faculty=faculty))
    destination("Never sent", None)
    destination("Fine", 0)
    html, few = list_page(client)
    assert html.count("Healthy") == 2

    destination("Wobbly", 1)
    destination("Down", 5)
    html, more = list_page(client)
    assert "Backing off" in html
    assert "Failing since" in html
    assert more == few


@pytest.mark.parametrize("role", [Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR])
def test_other_roles_do_not_see_the_list(faculty: Any, role: Role) -> None:
    destination("Down", 5)
    client = Client()
    client.force_login(person(role, faculty=faculty))
    response = client.get(LIST)
    assert response.status_code in (302, 403)
    assert b"Failing since" not in response.content
