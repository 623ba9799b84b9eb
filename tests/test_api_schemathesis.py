"""The published API answers as its OpenAPI schema says, for any input the schema
allows and much it does not (issue 23: "a schemathesis run in CI, 0 5xx, 0
schema violations").

Schemathesis generates requests for every operation of `/api/schema/` and sends
them over HTTP to a live server, signed in through the session as the lecturer of
a cohort with a journal entry (as a browser is; unsafe methods carry the CSRF
token). Each answer must not be a 5xx, its body must match the schema of its
status, its content type must be the documented one, and documented headers
must conform. A status the schema does not list (a 403 for an object that is not
theirs, a 404 for an id that does not exist) is allowed: the schema documents
the answers of a well-formed request, and drf-spectacular does not list every
refusal.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
import schemathesis
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from schemathesis import checks

from tests.trajectories.api_world import World, build_world

SCHEMA = schemathesis.openapi.from_dict(
    SchemaGenerator().get_schema(request=None, public=True)
)
CHECKS = [
    checks.not_a_server_error,
    checks.response_schema_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
]
CSRF = "engageschemathesiscsrftoken00000"  # a 32-character unmasked secret


@pytest.fixture
def signed_in(
    live_server: Any,
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any, faculty: Any,
) -> requests.Session:  # fmt: skip
    world: World = build_world(
        lecturer=lecturer, coach=coach, coordinator=coordinator,
        programme_admin=programme_admin, faculty=faculty,
    )  # fmt: skip
    client = Client()
    client.force_login(world.enrolment.user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    session.cookies.set("csrftoken", CSRF)
    session.headers.update({"X-CSRFToken": CSRF, "Referer": live_server.url + "/"})
    return session


@pytest.mark.django_db(transaction=True)
@SCHEMA.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_operation_answers_as_the_schema_says(
    case: Any, live_server: Any, signed_in: requests.Session
) -> None:
    case.call_and_validate(base_url=live_server.url, session=signed_in, checks=CHECKS)
