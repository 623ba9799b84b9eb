"""The suite's input limits (lms.input_limits) at the API and the site's forms:
hostile JSON answers 400 with the reason, naming the field it is in (413 for its
size), text with NUL is a form error, and nothing is stored or half-stored."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse

from tests.trajectories.api_world import API, World, entry_url
from trajectories.models import Feedback, JournalEntry, JournalRevision

pytestmark = pytest.mark.django_db

MARK = '"@@VALUE@@"'


def body_with(world: World, raw_title: str) -> str:
    """A journal entry whose title is the JSON text `raw_title` verbatim."""
    data = {"enrolment": world.enrolment.pk, "title": "@@VALUE@@", "sections": {}}
    return json.dumps(data).replace(MARK, raw_title)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


HOSTILE = {
    # raw JSON of the title, the key the answer has, the reason it gives
    "depth 65": (nested(64), "detail", "nested too deeply"),
    "depth 923": (nested(922), "detail", "nested too deeply"),
    "depth 10,000": (nested(10_000), "detail", "nested too deeply"),
    "depth 100,000": (nested(100_000), "detail", "nested too deeply"),
    "lone surrogate escape": ('"\\ud800"', "title", "lone surrogate"),
    "NUL": ('"a\\u0000b"', "title", "NUL character"),
    "100,000-digit integer": ("1" * 100_000, "detail", "more than 40 digits"),
    "NaN": ("NaN", "detail", "NaN is not a JSON number"),
    "Infinity": ("Infinity", "detail", "Infinity is not a JSON number"),
    "float overflow": ("-1e999", "detail", "too large"),
}


def assert_nothing_stored(world: World) -> None:
    assert JournalEntry.objects.count() == 1
    assert JournalRevision.objects.count() == 1
    world.entry.refresh_from_db()
    assert world.entry.title == "Week 1"


@pytest.mark.parametrize(("raw", "key", "reason"), HOSTILE.values(), ids=HOSTILE)
def test_hostile_json_is_a_400_with_its_reason(
    world: World, raw: str, key: str, reason: str
) -> None:
    author = world.client("author")
    body = body_with(world, raw)
    for method, url in (
        ("post", f"{API}journal-entries/"),
        ("patch", entry_url(world.entry)),
    ):
        response = getattr(author, method)(url, body, content_type="application/json")
        assert response.status_code == 400, (method, response.content[:300])
        errors = response.json()
        message = errors[key] if key == "detail" else errors[key][0]
        assert reason in message, errors
    assert_nothing_stored(world)


@pytest.mark.parametrize(
    "body",
    [
        b'{"title": "\xed\xa0\x80"}',
        b'{"title": "\xed\xbf\xbf"}',
        b'{"title": "\xc0\x80"}',
    ],
    ids=["UTF-8 of a high surrogate", "of a low surrogate", "overlong NUL"],
)
def test_invalid_utf8_is_a_400(world: World, body: bytes) -> None:
    response = world.client("author").post(
        f"{API}journal-entries/", body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "not valid UTF-8" in response.json()["detail"]
    assert_nothing_stored(world)


def test_nul_in_a_key_names_the_field_it_is_in(world: World) -> None:
    body = json.dumps({"title": "t", "sections": {"what\x00": "x"}})
    response = world.client("author").patch(
        entry_url(world.entry), body, content_type="application/json"
    )
    assert response.status_code == 400
    assert "NUL character" in response.json()["sections"][0]
    assert_nothing_stored(world)


def test_feedback_with_a_lone_surrogate_is_refused(world: World) -> None:
    response = world.client("author").post(
        entry_url(world.entry, "feedback/"),
        '{"body": "nice \\udfff"}',
        content_type="application/json",
    )
    assert response.status_code == 400 and list(response.json()) == ["body"]
    assert not Feedback.objects.exists()


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024 * 1024)
def test_a_body_over_the_limit_is_413_whatever_it_holds(world: World) -> None:
    body = body_with(world, json.dumps("x" * (1024 * 1024)))
    response = world.client("author").post(
        f"{API}journal-entries/", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["detail"] == "The request body is larger than 1 MB."
    assert_nothing_stored(world)


def test_what_the_api_accepts_it_gives_back_unchanged(world: World) -> None:
    title = "Emoji 😀, accents é, CJK 値"
    version = world.client("author").get(entry_url(world.entry)).json()["version"]
    response = world.client("author").patch(
        entry_url(world.entry),
        # ASCII escapes, the emoji as a pair; the version the edit starts from
        json.dumps({"title": title, "version": version}),
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["title"] == title
    fetched = world.client("author").get(entry_url(world.entry)).json()
    assert fetched["title"] == title


@pytest.mark.parametrize("field", ["title", "section_what"])
def test_nul_in_the_journal_form_is_a_form_error(
    world: World, client_for: Any, field: str
) -> None:
    client = client_for(world.people["author"])
    data = {"title": "Week 2", "section_what": "text", field: "a\x00b"}
    response = client.post(
        reverse("engage_trajectories:entry_new", args=[world.enrolment.pk]), data
    )
    assert response.status_code == 400  # the form again, with its errors
    assert response.context["form"].errors[field] == [
        "Null characters are not allowed."
    ]
    assert_nothing_stored(world)
