"""Malformed, mistyped, hostile and oversized input to the journal API: a clear
400 naming the field (or 413/415), never a 500, never half-saved data."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.conf import settings

from tests.trajectories.api_world import (
    API,
    World,
    entry_url,
    version_of,
)
from trajectories.models import Feedback, JournalEntry, JournalRevision

pytestmark = pytest.mark.django_db

HOSTILE_HTML = (
    '<p onclick="steal()">Kept <strong>bold</strong></p>'
    "<script>alert(1)</script>"
    '<img src="x" onerror="alert(2)">'
    '<a href="javascript:alert(3)">link</a>'
    '<iframe src="https://evil.example"></iframe>'
    '<style>body{display:none}</style><svg onload="alert(4)"></svg>'
)


def _unchanged(world: World) -> None:
    world.entry.refresh_from_db()
    assert world.entry.title == "Week 1"
    assert world.entry.sections["what"] == "<p>I rewrote the rubric.</p>"
    assert world.entry.visibility == "private"
    assert JournalEntry.objects.count() == 1
    assert JournalRevision.objects.count() == 1


def test_hostile_html_is_cleaned_like_on_the_site(world: World) -> None:
    author = world.client("author")
    created = author.post(
        f"{API}journal-entries/",
        {
            "enrolment": world.enrolment.pk,
            "title": "<b>Bold</b> title<script>alert(1)</script>",
            "sections": {"what": HOSTILE_HTML, "so_what": HOSTILE_HTML},
        },
        format="json",
    )
    assert created.status_code == 201
    entry = JournalEntry.objects.get(pk=created.json()["id"])
    stored = json.dumps(entry.sections) + entry.title + created.content.decode()
    for bad in ("<script", "alert", "onerror", "onclick", "onload", "javascript:",
                "<img", "<iframe", "<style", "<svg", "evil.example"):  # fmt: skip
        assert bad not in stored, bad
    assert entry.title == "Bold title"
    assert entry.sections["what"].startswith("<p>Kept <strong>bold</strong></p>")
    patched = author.patch(
        entry_url(entry),
        {"version": version_of(entry), "sections": {"now_what": HOSTILE_HTML}},
        format="json",
    )
    assert "alert" not in patched.content.decode()
    revision = entry.revisions.get()
    assert "alert" not in json.dumps(revision.sections)


def test_feedback_is_plain_text(world: World) -> None:
    author = world.client("author")
    author.post(
        entry_url(world.entry, "share/"), {"visibility": "coach"}, format="json"
    )
    coach = world.client("coach")
    given = coach.post(
        entry_url(world.entry, "feedback/"),
        {"body": '<script>alert(1)</script>Nice <b onclick="x()">work</b>'},
        format="json",
    )
    assert given.status_code == 201 and given.json()["body"] == "Nice work"
    empty = coach.post(
        entry_url(world.entry, "feedback/"),
        {"body": "<script>only this</script>"},
        format="json",
    )
    assert empty.status_code == 400 and list(empty.json()) == ["body"]
    assert Feedback.objects.count() == 1


BAD_CREATES = {
    "no title": ({"sections": {}}, "title"),
    "blank title": ({"title": "", "sections": {}}, "title"),
    "title is a number": ({"title": 123}, "title"),
    "title is an object": ({"title": {"$gt": ""}}, "title"),
    "title is a list": ({"title": ["a"]}, "title"),
    "title with a NUL": ({"title": "a\x00b"}, "title"),
    "title too long": ({"title": "x" * 201}, "title"),
    "sections is text": ({"title": "t", "sections": "what"}, "sections"),
    "sections is a list": ({"title": "t", "sections": ["what"]}, "sections"),
    "section is a number": ({"title": "t", "sections": {"what": 5}}, "sections"),
    "section is null": ({"title": "t", "sections": {"what": None}}, "sections"),
    "unknown section": ({"title": "t", "sections": {"feelings": "x"}}, "sections"),
    "section too long": (
        {"title": "t", "sections": {"what": "x" * 50_001}},
        "sections",
    ),
    "session is text": ({"title": "t", "session": "first"}, "session"),
    "session is true": ({"title": "t", "session": True}, "session"),
    "session is negative": ({"title": "t", "session": -1}, "session"),
    "session is huge": ({"title": "t", "session": 10**30}, "session"),
    "session of another cohort": ({"title": "t", "session": "OTHER"}, "session"),
    "session does not exist": ({"title": "t", "session": 987_654}, "session"),
    "unknown assignment": ({"title": "t", "assignment": "not-a-key"}, "assignment"),
    "assignment is a number": ({"title": "t", "assignment": 1}, "assignment"),
    "assignment too long": ({"title": "t", "assignment": "k" * 65}, "assignment"),
}


@pytest.mark.parametrize(("body", "field"), BAD_CREATES.values(), ids=BAD_CREATES)
def test_bad_fields_are_named(world: World, body: dict[str, Any], field: str) -> None:
    if body.get("session") == "OTHER":
        body = {**body, "session": world.other_cohort.sessions.first().pk}
    author = world.client("author")
    created = author.post(
        f"{API}journal-entries/",
        {"enrolment": world.enrolment.pk, **body},
        format="json",
    )
    assert created.status_code == 400
    assert field in created.json(), created.json()
    updated = author.patch(
        entry_url(world.entry),
        {"version": version_of(world.entry), **body},
        format="json",
    )
    if "title" not in body and field == "title":
        assert updated.status_code == 200  # PATCH may leave the title out
        return
    assert updated.status_code == 400
    assert field in updated.json(), updated.json()
    _unchanged(world)


BAD_ENROLMENTS = {
    "missing": {},
    "text": {"enrolment": "mine"},
    "null": {"enrolment": None},
    "zero": {"enrolment": 0},
    "huge": {"enrolment": 10**30},
    "a float": {"enrolment": 1.5},
    "not there": {"enrolment": 987_654},
}


@pytest.mark.parametrize("body", BAD_ENROLMENTS.values(), ids=BAD_ENROLMENTS)
def test_bad_enrolment_is_named(world: World, body: dict[str, Any]) -> None:
    response = world.client("author").post(
        f"{API}journal-entries/", {"title": "t", **body}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["enrolment"]
    _unchanged(world)


def test_the_site_form_limits_apply(world: World) -> None:
    author = world.client("author")
    html = f"<p>{'y' * (50_000 - 7)}</p>"
    at_limit = {"version": 1, "title": "x" * 200, "sections": {"what": html}}
    response = author.put(entry_url(world.entry), at_limit, format="json")
    assert response.status_code == 200
    assert response.json()["sections"]["what"] == html  # kept whole
    world.entry.refresh_from_db()
    assert world.entry.title == "x" * 200
    # 50,000 characters of plain text become longer HTML (<p>, <br>): kept whole,
    # as the site's form keeps them.
    typed = author.patch(
        entry_url(world.entry),
        {"version": 2, "sections": {"so_what": "line\n" * 10_000}},
        format="json",
    )
    assert typed.status_code == 200
    assert typed.json()["sections"]["so_what"].count("line") == 10_000
    # One character more than the form takes is refused by name.
    over = author.patch(
        entry_url(world.entry),
        {"version": 3, "sections": {"so_what": "y" * 50_001}},
        format="json",
    )
    assert over.status_code == 400
    assert list(over.json()["sections"]) == ["so_what"]
    over = author.post(
        entry_url(world.entry, "feedback/"), {"body": "z" * 5001}, format="json"
    )
    assert over.status_code == 400 and list(over.json()) == ["body"]
    assert (
        author.post(
            entry_url(world.entry, "feedback/"), {"body": "z" * 5000}, format="json"
        ).status_code
        == 201
    )


def test_oversized_body_is_refused_before_parsing(world: World) -> None:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = json.dumps({"title": "t", "sections": {"what": "x" * limit}})
    response = world.client("author").patch(
        entry_url(world.entry), body, content_type="application/json"
    )
    assert response.status_code == 413
    assert "MB" in response.json()["detail"]
    _unchanged(world)


MALFORMED = {
    "not json": "{title: 'x'",
    "trailing garbage": '{"title": "x"} junk',
    "NaN": '{"title": NaN}',
    "empty": "",
    "a list": "[1, 2, 3]",
    "a string": '"title"',
    "null": "null",
    "deep nesting": "[" * 5000 + "]" * 5000,
    "invalid utf-8": b'{"title": "\xff\xfe"}',
}


@pytest.mark.parametrize("body", MALFORMED.values(), ids=MALFORMED)
def test_malformed_json_is_a_400(world: World, body: Any) -> None:
    author = world.client("author")
    for method, url in (
        ("post", f"{API}journal-entries/"),
        ("put", entry_url(world.entry)),
        ("patch", entry_url(world.entry)),
        ("post", entry_url(world.entry, "share/")),
        ("post", entry_url(world.entry, "feedback/")),
    ):
        response = getattr(author, method)(url, body, content_type="application/json")
        if body == "" and method == "patch":
            # An empty PATCH does not even say which version it edits.
            assert response.status_code == 400
            assert list(response.json()) == ["version"]
            continue
        assert response.status_code == 400, (method, url, response.content)
        assert response.json(), (method, url)
    world.entry.refresh_from_db()
    assert world.entry.visibility == "private" and world.entry.title == "Week 1"
    assert not Feedback.objects.exists()


def test_only_json_is_accepted(world: World) -> None:
    author = world.client("author")
    response = author.post(
        entry_url(world.entry, "share/"),
        "visibility=peers",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 415
    _unchanged(world)


@pytest.mark.parametrize("visibility", ["public", "everyone", "", None, 1, ["coach"]])
def test_unknown_visibility_is_refused(world: World, visibility: Any) -> None:
    response = world.client("author").post(
        entry_url(world.entry, "share/"), {"visibility": visibility}, format="json"
    )
    assert response.status_code == 400 and list(response.json()) == ["visibility"]
    _unchanged(world)


@pytest.mark.parametrize(
    "pk", ["99999999999999999999999", str(2**63), str(2**63 - 1), "0"]
)
def test_impossible_ids_are_not_found(world: World, pk: str) -> None:
    author = world.client("author")
    for suffix in ("", "share/", "revisions/", "feedback/"):
        url = f"{API}journal-entries/{pk}/{suffix}"
        assert author.get(url).status_code in (404, 405)
        assert author.post(url, {"body": "x"}, format="json").status_code in (404, 405)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "1e9"},
        {"page": str(10**20)},
        {"per_page": "0"},
        {"per_page": "-5"},
        {"per_page": "100000"},
        {"per_page": "ten"},
        {"page": "\x00"},
        {"page": "²"},
        {"per_page": "²"},
    ],
)
def test_hostile_paging_parameters(world: World, params: dict[str, str]) -> None:
    author = world.client("author")
    for path in ("journal-entries/", "me/enrolments/", "me/sessions/"):
        response = author.get(f"{API}{path}", params)
        assert response.status_code == 200, (path, params)
        data = response.json()
        assert data["page"] == 1 and 1 <= len(data["results"]) <= 100


@pytest.mark.parametrize("value", ["abc", "-1", "0", "1.5", str(10**30), "1 OR 1=1"])
def test_bad_journal_filter_is_named(world: World, value: str) -> None:
    response = world.client("author").get(
        f"{API}journal-entries/", {"enrolment": value}
    )
    assert response.status_code == 400 and list(response.json()) == ["enrolment"]
