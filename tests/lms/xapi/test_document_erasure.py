"""A person's state and agent-profile documents are theirs: in their data
export, and gone when they are erased (docs/decisions/0010). Activity profiles
and other people's documents stay."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from lms.accounts.roles import Role
from lms.accounts.selectors import collect_personal_data, profile_of
from lms.accounts.services import erase_person
from lms.xapi.conf import xapi_settings
from lms.xapi.models import Document
from tests.factories import person
from tests.lms.xapi.documents_client import ACTIVITY, Docs

pytestmark = pytest.mark.django_db


def pseudonym_agent(user: Any) -> dict[str, Any]:
    return {
        "account": {
            "homePage": xapi_settings.actor_home_page,
            "name": str(profile_of(user).xapi_id),
        }
    }


def agents_of(user: Any) -> list[dict[str, Any]]:
    """Every way content may name the person: pseudonym, mbox, mbox_sha1sum."""
    mbox = f"mailto:{user.email}"
    return [
        pseudonym_agent(user),
        {"objectType": "Agent", "mbox": mbox},
        {"mbox_sha1sum": hashlib.sha1(mbox.encode()).hexdigest()},  # noqa: S324
    ]


def store_for(docs: Docs, agent: dict[str, Any], tag: str) -> None:
    state = {"activityId": ACTIVITY, "agent": json.dumps(agent), "stateId": tag}
    assert docs.put("activities/state", state, {"tag": tag}).status_code == 204
    profile = {"agent": json.dumps(agent), "profileId": tag}
    assert (
        docs.put(
            "agents/profile", profile, b"\x00\x01", content_type="image/x"
        ).status_code
        == 204
    )


def test_erasure_removes_the_persons_state_and_agent_profiles() -> None:
    noor = person(Role.LECTURER, username="noor", email="noor@example.org")
    sam = person(Role.LECTURER, username="sam", email="sam@example.org")
    docs = Docs()
    for n, agent in enumerate(agents_of(noor)):
        store_for(docs, agent, f"noor{n}")
    store_for(docs, pseudonym_agent(sam), "sam")
    activity = {"activityId": ACTIVITY, "profileId": "outcomes"}
    docs.put("activities/profile", activity, {"outcomes": []})
    assert Document.objects.count() == 2 * 3 + 2 + 1

    erase_person(user=noor)

    left = sorted(Document.objects.values_list("resource", "document_id"))
    assert left == [
        ("activity_profile", "outcomes"),
        ("agent_profile", "sam"),
        ("state", "sam"),
    ]


def test_the_data_export_holds_the_persons_documents_only() -> None:
    noor = person(Role.LECTURER, username="noor", email="noor@example.org")
    sam = person(Role.LECTURER, username="sam", email="sam@example.org")
    docs = Docs()
    store_for(docs, pseudonym_agent(noor), "mine")
    store_for(docs, pseudonym_agent(sam), "theirs")

    section = collect_personal_data(noor)["sections"]["xapi_documents"]

    assert [(d["resource"], d["id"]) for d in section] == [
        ("agent_profile", "mine"),
        ("state", "mine"),
    ]
    state = section[1]
    assert state["activity_id"] == ACTIVITY
    assert json.loads(state["content"]) == {"tag": "mine"}
    assert section[0]["content"] is None
    assert section[0]["content_base64"] == "AAE="


def test_the_my_data_download_includes_the_documents(client_for: Any) -> None:
    noor = person(Role.LECTURER, username="noor", email="noor@example.org")
    store_for(Docs(), pseudonym_agent(noor), "mine")
    response = client_for(noor).get("/accounts/profile/my-data.json")
    assert response.status_code == 200
    body = (
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    sections = json.loads(body)["sections"]
    assert {d["id"] for d in sections["xapi_documents"]} == {"mine"}
