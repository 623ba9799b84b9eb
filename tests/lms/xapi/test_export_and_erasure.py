"""A person downloads their own statements; erasing them leaves anonymous history."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from lms.accounts.models import Profile
from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from lms.notifications.models import OutgoingEmail
from lms.xapi.data import ActivityRef, LearningEvent
from lms.xapi.models import Statement
from lms.xapi.services import record
from lms.xapi.vocabulary import ActivityTypes, Verbs
from tests.factories import person

pytestmark = pytest.mark.django_db


def completed(user: Any, n: int) -> None:
    record(
        LearningEvent(
            identity=f"lesson-completed:{n}:{user.pk}",
            actor_xapi_id=profile_of(user).xapi_id,
            verb=Verbs.COMPLETED,
            object=ActivityRef(
                f"https://pd.example.edu/lesson/{n}", ActivityTypes.LESSON
            ),
            timestamp=datetime(2026, 1, n, tzinfo=UTC),
        )
    )


def test_a_person_downloads_only_their_own_statements(client_for: Any) -> None:
    noor = person(Role.LECTURER, username="noor")
    other = person(Role.LECTURER, username="sam")
    for n in (1, 2, 3):
        completed(noor, n)
    completed(other, 4)

    response = client_for(noor).get("/xapi/my-statements")

    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    statements = json.loads(b"".join(response.streaming_content))
    assert len(statements) == 3
    pseudonym = str(profile_of(noor).xapi_id)
    assert {s["actor"]["account"]["name"] for s in statements} == {pseudonym}


def test_export_needs_sign_in(client: Any) -> None:
    response = client.get("/xapi/my-statements")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_profile_page_links_to_the_export(client_for: Any) -> None:
    page = client_for(person(Role.LECTURER)).get("/accounts/profile/").content.decode()
    assert 'href="/xapi/my-statements"' in page


def test_erasure_removes_the_person_and_keeps_anonymous_statements() -> None:
    noor = person(Role.LECTURER, username="noor", email="noor@example.org")
    pseudonym = profile_of(noor).xapi_id
    completed(noor, 1)
    OutgoingEmail.objects.create(to="noor@example.org", subject="s", body="b")

    out = io.StringIO()
    call_command("erase_person", "noor", "--yes", stdout=out)

    assert not get_user_model().objects.filter(username="noor").exists()
    assert not Profile.objects.filter(xapi_id=pseudonym).exists()
    assert OutgoingEmail.objects.count() == 0
    remaining = Statement.objects.get()
    assert remaining.payload["actor"]["account"]["name"] == str(pseudonym)
    assert "noor" not in json.dumps(remaining.payload)


def test_erasure_needs_confirmation_and_an_existing_person() -> None:
    person(Role.LECTURER, username="noor")
    with pytest.raises(CommandError, match="--yes"):
        call_command("erase_person", "noor")
    assert get_user_model().objects.filter(username="noor").exists()
    with pytest.raises(CommandError, match="No person"):
        call_command("erase_person", "nobody", "--yes")
