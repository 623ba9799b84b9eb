"""The journal through the API: the same services and rules as the site's pages."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse

from lms.xapi.models import Statement
from tests.trajectories.api_world import (
    API,
    World,
    entry_url,
    query_of,
    version_of,
)
from trajectories import services
from trajectories.models import JournalEntry, JournalRevision

pytestmark = pytest.mark.django_db


def test_write_an_entry_and_find_it_on_the_site(world: World, client_for: Any) -> None:
    session = world.cohort.sessions.get(number=2)
    response = world.client("author").post(
        f"{API}journal-entries/",
        {
            "enrolment": world.enrolment.pk,
            "title": "Session two",
            "session": session.pk,
            "sections": {
                "what": "We tried think-pair-share.",
                "now_what": "<p>Again</p>",
            },
        },
        format="json",
    )
    assert response.status_code == 201
    data = response.json()
    entry = JournalEntry.objects.get(pk=data["id"])
    assert response["Location"].endswith(entry_url(entry))
    assert data["session"] == {"id": session.pk, "number": 2, "title": "Session 2"}
    assert data["visibility"] == "private" and data["shared_at"] is None
    assert data["reflection_model"] == "what" and data["is_author"] is True
    # Plain text becomes paragraphs, as in the site's editor; every section is there.
    assert data["sections"] == {
        "what": "<p>We tried think-pair-share.</p>",
        "so_what": "",
        "now_what": "<p>Again</p>",
    }
    assert entry.revisions.count() == 1
    page = client_for(world.people["author"]).get(
        reverse("engage_trajectories:entry", args=[entry.pk])
    )
    assert "We tried think-pair-share." in page.content.decode()


def test_saves_keep_revisions_like_the_autosave(world: World) -> None:
    author = world.client("author")
    url = entry_url(world.entry)
    for text in ("second", "third"):
        response = author.patch(
            url,
            {"version": version_of(world.entry), "sections": {"what": text}},
            format="json",
        )
        assert response.status_code == 200
    # Within ten minutes of the last revision a save updates it (as autosave does).
    revisions = author.get(entry_url(world.entry, "revisions/")).json()
    assert revisions["count"] == 1
    assert revisions["results"][0]["sections"]["what"] == "<p>third</p>"
    JournalRevision.objects.filter(entry=world.entry).update(
        saved_at=world.entry.updated_at - timedelta(minutes=11)
    )
    author.patch(
        url,
        {"version": version_of(world.entry), "title": "Week 1, later"},
        format="json",
    )
    revisions = author.get(entry_url(world.entry, "revisions/")).json()
    assert [r["title"] for r in revisions["results"]] == ["Week 1, later", "Week 1"]
    assert revisions["results"][0]["sections"]["what"] == "<p>third</p>"


def test_patch_keeps_what_it_does_not_mention_and_put_replaces(world: World) -> None:
    author = world.client("author")
    url = entry_url(world.entry)
    session = world.cohort.sessions.get(number=1)
    author.patch(
        url,
        {
            "version": version_of(world.entry),
            "session": session.pk,
            "sections": {"so_what": "It matters."},
        },
        format="json",
    )
    data = author.patch(
        url,
        {"version": version_of(world.entry), "sections": {"now_what": "Next."}},
        format="json",
    ).json()
    assert data["title"] == "Week 1" and data["session"]["id"] == session.pk
    assert data["sections"] == {
        "what": "<p>I rewrote the rubric.</p>",
        "so_what": "<p>It matters.</p>",
        "now_what": "<p>Next.</p>",
    }
    # PUT is the whole entry: no session given means about no particular session.
    data = author.put(
        url,
        {
            "version": version_of(world.entry),
            "title": "Rewritten",
            "sections": {"what": "Only this."},
        },
        format="json",
    ).json()
    assert data["session"] is None
    assert data["sections"] == {
        "what": "<p>Only this.</p>",
        "so_what": "",
        "now_what": "",
    }
    missing = author.put(
        url, {"version": version_of(world.entry), "title": "No sections"}, format="json"
    )
    assert missing.status_code == 400 and list(missing.json()) == ["sections"]
    cleared = author.patch(
        url, {"version": version_of(world.entry), "session": session.pk}, format="json"
    ).json()
    assert cleared["session"]["id"] == session.pk
    cleared = author.patch(
        url, {"version": version_of(world.entry), "session": None}, format="json"
    ).json()
    assert cleared["session"] is None


def test_the_site_clears_the_session_too(world: World, client_for: Any) -> None:
    session = world.cohort.sessions.get(number=1)
    services.save_entry(
        author=world.people["author"],
        enrolment=world.enrolment,
        entry=world.entry,
        title="Week 1",
        sections=world.entry.sections,
        session_id=session.pk,
        version=world.entry.version,
    )
    client_for(world.people["author"]).post(
        reverse("engage_trajectories:entry_edit", args=[world.entry.pk]),
        {
            "title": "Week 1",
            "session": "",
            "section_what": "Still here",
            "version": version_of(world.entry),
        },
    )
    world.entry.refresh_from_db()
    assert world.entry.session_id is None


def test_share_then_feedback_and_reply(world: World) -> None:
    author, coach = world.client("author"), world.client("coach")
    url = entry_url(world.entry)
    shared = author.post(
        entry_url(world.entry, "share/"), {"visibility": "coach"}, format="json"
    )
    assert shared.status_code == 200
    assert shared.json()["visibility"] == "coach" and shared.json()["shared_at"]
    # Sharing again (more widely) is not a second submission.
    author.post(
        entry_url(world.entry, "share/"), {"visibility": "peers"}, format="json"
    )
    submitted = Statement.objects.filter(
        payload__verb__id__endswith="submitted-reflection"
    )
    assert submitted.count() == 1
    given = coach.post(
        entry_url(world.entry, "feedback/"), {"body": "Nice **work**"}, format="json"
    )
    assert given.status_code == 201
    assert given.json()["by_entry_author"] is False and given.json()["mine"] is True
    reply = author.post(
        entry_url(world.entry, "feedback/"), {"body": "Thanks!"}, format="json"
    )
    assert reply.json()["by_entry_author"] is True
    thread = author.get(entry_url(world.entry, "feedback/")).json()
    assert [
        (f["body"], f["by_entry_author"], f["mine"]) for f in thread["results"]
    ] == [
        ("Nice **work**", False, False),
        ("Thanks!", True, True),
    ]
    assert thread["results"][0]["author_name"] == (
        world.people["coach"].get_full_name() or "coach"
    )
    received = Statement.objects.filter(payload__verb__id__endswith="received-feedback")
    assert received.count() == 1  # the author's reply is not feedback received
    detail = coach.get(url).json()
    assert detail["is_author"] is False
    assert detail["author_name"] == world.people["author"].get_full_name()
    listed = author.get(f"{API}journal-entries/").json()["results"]
    assert listed[0]["num_feedback"] == 2


def test_list_filters_by_journal_and_pages(world: World) -> None:
    author = world.client("author")
    other = services.enrol(user=world.people["author"], cohort=world.other_cohort)
    for n in range(4):
        services.save_entry(
            author=world.people["author"],
            enrolment=other,
            title=f"Other {n}",
            sections={},
        )
    everything = author.get(f"{API}journal-entries/", {"per_page": 2}).json()
    assert (everything["count"], everything["num_pages"]) == (5, 3)
    assert everything["previous"] is None
    assert query_of(everything["next"]) == {"per_page": ["2"], "page": ["2"]}
    assert [e["title"] for e in everything["results"]] == ["Other 3", "Other 2"]
    last = author.get(f"{API}journal-entries/", {"per_page": 2, "page": 3}).json()
    assert [e["title"] for e in last["results"]] == ["Week 1"]
    assert last["next"] is None and last["page"] == 3
    one = author.get(f"{API}journal-entries/", {"enrolment": world.enrolment.pk})
    assert [e["id"] for e in one.json()["results"]] == [world.entry.pk]
    assert one.json()["results"][0]["url"].endswith(entry_url(world.entry))


def test_journal_list_query_count_does_not_grow(
    world: World, django_assert_max_num_queries: Any
) -> None:
    author, lecturer = world.client("author"), world.people["author"]
    sessions = list(world.cohort.sessions.all())
    for n in range(35):
        entry = services.save_entry(
            author=lecturer,
            enrolment=world.enrolment,
            title=f"Entry {n}",
            sections={"what": "text"},
            session_id=sessions[n % len(sessions)].pk,
        )
        services.give_feedback(author=lecturer, entry=entry, body="note")
    author.get(f"{API}journal-entries/")  # warm the session
    with django_assert_max_num_queries(4):
        data = author.get(f"{API}journal-entries/", {"per_page": 100}).json()
    assert data["count"] == 36 and len(data["results"]) == 36
    assert all(e["session"] for e in data["results"][:35])


def test_thread_and_revisions_query_counts_do_not_grow(
    world: World, django_assert_max_num_queries: Any
) -> None:
    author, lecturer = world.client("author"), world.people["author"]
    services.share_entry(author=lecturer, entry=world.entry, visibility="peers")
    people = [world.people[r] for r in ("coach", "peer", "author")]
    for n in range(33):
        services.give_feedback(author=people[n % 3], entry=world.entry, body=f"#{n}")
    for n in range(32):
        JournalRevision.objects.create(
            entry=world.entry,
            title=f"r{n}",
            sections={},
            saved_at=world.entry.updated_at,
        )
    author.get(f"{API}me/enrolments/")  # warm the session
    with django_assert_max_num_queries(4):
        thread = author.get(entry_url(world.entry, "feedback/"), {"per_page": 100})
    assert thread.json()["count"] == 33
    with django_assert_max_num_queries(5):
        revisions = author.get(entry_url(world.entry, "revisions/"), {"per_page": 100})
    assert revisions.json()["count"] == 33


def test_an_entry_about_an_assignment(world: World) -> None:
    author = world.client("author")
    key = author.get(f"{API}me/assignments/").json()["results"][0]["key"]
    created = author.post(
        f"{API}journal-entries/",
        {"enrolment": world.enrolment.pk, "title": "On the texts", "assignment": key},
        format="json",
    )
    assert created.status_code == 201 and created.json()["assignment"] == key
    url = created.json()["url"]
    # PATCH leaves it; PUT is the whole entry, so no assignment means none.
    assert (
        author.patch(
            url,
            {"version": created.json()["version"], "title": "Renamed"},
            format="json",
        ).json()["assignment"]
        == key
    )
    listed = author.get(f"{API}journal-entries/").json()["results"]
    assert {e["assignment"] for e in listed} == {key, ""}
    put = author.put(
        url,
        {"version": created.json()["version"] + 1, "title": "Renamed", "sections": {}},
        format="json",
    )
    assert put.json()["assignment"] == ""
