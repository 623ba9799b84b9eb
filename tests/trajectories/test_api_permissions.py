"""Every role against every journal endpoint: who reads, who writes, who is told
nothing exists."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from lms.sanitizing import html_to_text
from tests.trajectories.api_world import (
    API,
    ROLES,
    World,
    api_client,
    entry_url,
    version_of,
)
from trajectories import services
from trajectories.models import EnrolmentStatus, Feedback, JournalEntry

pytestmark = pytest.mark.django_db

READERS = {
    "private": {"author"},
    "coach": {"author", "coach"},
    "peers": {"author", "coach", "peer"},
}


def _share(world: World, visibility: str) -> None:
    if visibility != "private":
        services.share_entry(
            author=world.people["author"], entry=world.entry, visibility=visibility
        )


def _expected(role: str, readers: set[str], *, write: bool) -> int:
    if role not in readers:
        return 404  # never a 403 that tells them the entry exists
    if write and role != "author":
        return 403  # they may read it, so they know it exists; writing is the author's
    return 200


@pytest.mark.parametrize("visibility", ["private", "coach", "peers"])
def test_reading_an_entry_and_its_thread(world: World, visibility: str) -> None:
    _share(world, visibility)
    got = {}
    for role in ROLES:
        client = world.client(role)
        got[role] = (
            client.get(entry_url(world.entry)).status_code,
            client.get(entry_url(world.entry, "feedback/")).status_code,
        )
    expected = {
        role: (_expected(role, READERS[visibility], write=False),) * 2 for role in ROLES
    }
    assert got == expected


@pytest.mark.parametrize("visibility", ["private", "coach", "peers"])
def test_only_the_author_changes_an_entry_or_sees_its_revisions(
    world: World, visibility: str
) -> None:
    _share(world, visibility)
    got, expected = {}, {}
    for role in ROLES:
        client = world.client(role)
        got[role] = (
            client.put(
                entry_url(world.entry),
                {
                    "version": version_of(world.entry),
                    "title": f"By {role}",
                    "sections": {"what": "x"},
                },
                format="json",
            ).status_code,
            client.patch(
                entry_url(world.entry),
                {"version": version_of(world.entry), "title": f"By {role}"},
                format="json",
            ).status_code,
            client.post(
                entry_url(world.entry, "share/"),
                {"visibility": visibility},
                format="json",
            ).status_code,
            client.get(entry_url(world.entry, "revisions/")).status_code,
        )
        expected[role] = (_expected(role, READERS[visibility], write=True),) * 4
    assert got == expected
    world.entry.refresh_from_db()
    assert world.entry.title == "By author"
    assert world.entry.visibility == visibility


@pytest.mark.parametrize("visibility", ["private", "coach", "peers"])
def test_who_may_post_feedback(world: World, visibility: str) -> None:
    _share(world, visibility)
    got = {
        role: world.client(role)
        .post(entry_url(world.entry, "feedback/"), {"body": role}, format="json")
        .status_code
        for role in ROLES
    }
    readers = READERS[visibility]
    assert got == {role: 201 if role in readers else 404 for role in ROLES}
    # Stored as HTML since feedback has an editor; the API's plain text is its text.
    stored = Feedback.objects.values_list("body", flat=True)
    assert {html_to_text(body) for body in stored} == readers


def test_a_peer_reads_only_after_sharing_with_peers(world: World) -> None:
    peer = world.client("peer")
    url = entry_url(world.entry)
    assert peer.get(url).status_code == 404
    _share(world, "coach")
    assert peer.get(url).status_code == 404
    _share(world, "peers")
    assert peer.get(url).json()["title"] == "Week 1"
    services.share_entry(
        author=world.people["author"], entry=world.entry, visibility="private"
    )
    assert peer.get(url).status_code == 404
    assert world.client("coach").get(url).status_code == 404


def test_a_peer_who_withdrew_no_longer_reads(world: World) -> None:
    _share(world, "peers")
    peer = world.client("peer")
    assert peer.get(entry_url(world.entry)).status_code == 200
    services.withdraw(user=world.people["peer"], enrolment=world.peer_enrolment)
    assert peer.get(entry_url(world.entry)).status_code == 404


def test_not_found_looks_the_same_as_not_yours(world: World) -> None:
    missing = JournalEntry.objects.order_by("-pk").first().pk + 1000
    outsider = world.client("other_lecturer")
    theirs = outsider.get(entry_url(world.entry))
    nothing = outsider.get(entry_url(missing))
    assert (theirs.status_code, theirs.json()) == (nothing.status_code, nothing.json())
    for suffix in ("share/", "revisions/", "feedback/"):
        assert outsider.get(entry_url(world.entry, suffix)).json() == (
            outsider.get(entry_url(missing, suffix)).json()
        )


def test_lists_hold_only_your_own(world: World) -> None:
    _share(world, "peers")
    for role in ROLES:
        entries = world.client(role).get(f"{API}journal-entries/").json()
        assert entries["count"] == (1 if role == "author" else 0), role
        enrolments = world.client(role).get(f"{API}me/enrolments/").json()
        mine = {e["id"] for e in enrolments["results"]}
        user = world.people[role]
        assert mine == set(user.enrolments.values_list("pk", flat=True)), role
    # Filtering by someone else's journal finds nothing rather than their entries.
    coach = world.client("coach")
    response = coach.get(
        f"{API}journal-entries/", {"enrolment": world.enrolment.pk}
    ).json()
    assert response["count"] == 0


def test_nobody_writes_in_someone_elses_journal(world: World) -> None:
    for role in ROLES:
        if role == "author":
            continue
        response = world.client(role).post(
            f"{API}journal-entries/",
            {"enrolment": world.enrolment.pk, "title": "Planted", "sections": {}},
            format="json",
        )
        assert response.status_code == 400, role
        assert list(response.json()) == ["enrolment"], role
    assert not JournalEntry.objects.filter(title="Planted").exists()


def test_nothing_is_deleted_through_the_api(world: World) -> None:
    for role in ROLES:
        client = world.client(role)
        assert client.delete(entry_url(world.entry)).status_code == 405
        assert client.delete(entry_url(999_999)).status_code == 405
    assert JournalEntry.objects.filter(pk=world.entry.pk).exists()


ANONYMOUS_CALLS = [
    ("get", f"{API}me/enrolments/", None),
    ("get", f"{API}me/sessions/", None),
    ("get", f"{API}me/assignments/", None),
    ("get", f"{API}journal-entries/", None),
    ("post", f"{API}journal-entries/", {"title": "x"}),
    ("get", "ENTRY/", None),
    ("put", "ENTRY/", {"title": "x", "sections": {}}),
    ("patch", "ENTRY/", {"title": "x"}),
    ("delete", "ENTRY/", None),
    ("post", "ENTRY/share/", {"visibility": "peers"}),
    ("get", "ENTRY/revisions/", None),
    ("get", "ENTRY/feedback/", None),
    ("post", "ENTRY/feedback/", {"body": "x"}),
]


def test_anonymous_gets_nothing(world: World) -> None:
    _share(world, "peers")
    client = APIClient()
    base = entry_url(world.entry).rstrip("/")
    for method, url, data in ANONYMOUS_CALLS:
        response = getattr(client, method)(
            url.replace("ENTRY", base), data, format="json"
        )
        # Session authentication: DRF answers 403 "not provided" (no 401 challenge).
        assert response.status_code == 403, (method, url)
        assert "Week 1" not in response.content.decode()
    assert JournalEntry.objects.get().title == "Week 1"
    assert not Feedback.objects.exists()


def test_writes_need_the_csrf_token_like_the_site(world: World) -> None:
    client = api_client(world.people["author"], enforce_csrf_checks=True)
    url = entry_url(world.entry)
    refused = client.patch(url, {"title": "No token"}, format="json")
    assert refused.status_code == 403 and "CSRF" in refused.json()["detail"]
    assert client.get(url).status_code == 200  # reading needs no token
    token = client.cookies.get("csrftoken")
    if token is None:  # no page set the cookie yet: fetch one like a browser would
        client.get("/accounts/login/")
        token = client.cookies["csrftoken"]
    accepted = client.patch(
        url,
        {"version": version_of(world.entry), "title": "With token"},
        format="json",
        HTTP_X_CSRFTOKEN=token.value,
    )
    assert accepted.status_code == 200 and accepted.json()["title"] == "With token"


def test_a_withdrawn_author_keeps_their_journal(world: World) -> None:
    services.withdraw(user=world.people["author"], enrolment=world.enrolment)
    author = world.client("author")
    assert author.get(entry_url(world.entry)).status_code == 200
    listed = author.get(f"{API}me/enrolments/").json()["results"]
    assert [e["status"] for e in listed] == [EnrolmentStatus.WITHDRAWN]
    assert author.get(f"{API}journal-entries/").json()["count"] == 1
