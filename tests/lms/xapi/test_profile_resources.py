"""The Activity Profile and Agent Profile resources, rule by rule (xAPI 1.0.3
Communication 2.2, 2.6, 2.7, 3.1)."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from lms.xapi.models import Document
from tests.lms.xapi.documents_client import ACTIVITY, AGENT, Docs

pytestmark = pytest.mark.django_db

ACTIVITY_PROFILE = "activities/profile"
AGENT_PROFILE = "agents/profile"
RESOURCES = [
    pytest.param(ACTIVITY_PROFILE, {"activityId": ACTIVITY}, id="activity"),
    pytest.param(AGENT_PROFILE, {"agent": json.dumps(AGENT)}, id="agent"),
]


@pytest.fixture
def docs() -> Docs:
    return Docs()


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_put_get_delete_a_profile_document_2_6_s3_2_7_s3(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """2.6.s3 / 2.7.s3: "Stores, changes, fetches, or deletes the specified profile
    document" … "Returns (PUT | POST | DELETE): 204 No Content"; "Returns (GET):
    200 OK, the profile document"."""
    params = {**context, "profileId": "outcomes"}
    assert docs.put(resource, params, {"a": 1}).status_code == 204
    got = docs.get(resource, params)
    assert got.status_code == 200
    assert got.json() == {"a": 1}
    assert got["ETag"].startswith('"')
    assert docs.delete(resource, params, If_Match=got["ETag"]).status_code == 204
    assert docs.get(resource, params).status_code == 404


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_put_to_an_existing_profile_without_either_header_is_409_3_1_s4_b13(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """3.1.s4.b13–b15: "If a PUT request is received without either header for a
    resource that already exists, the LRS: MUST return HTTP status 409 Conflict.
    MUST return a response explaining that the Learning Record Provider SHOULD
    check the current state of the resource [and] set the "If-Match" header with
    the current ETag to resolve the conflict. MUST NOT make a modification to the
    resource"."""
    params = {**context, "profileId": "p"}
    assert docs.put(resource, params, {"v": 1}).status_code == 204  # new: allowed
    response = docs.put(resource, params, {"v": 2})
    assert response.status_code == 409
    assert "If-Match" in response.json()["error"]
    assert "current state" in response.json()["error"]
    assert docs.get(resource, params).json() == {"v": 1}


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_put_with_a_matching_if_match_replaces_3_1_s4_b5(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """3.1.s4.b5: "An LRS responding to a PUT request MUST handle the "If-Match"
    header as described in RFC2616, HTTP 1.1 if it contains an ETag, in order to
    detect modifications made after the Client last fetched the document"."""
    params = {**context, "profileId": "p"}
    docs.put(resource, params, {"v": 1})
    etag = docs.get(resource, params)["ETag"]
    assert docs.put(resource, params, {"v": 2}, If_Match=etag).status_code == 204
    assert docs.get(resource, params).json() == {"v": 2}
    # The ETag fetched before is stale now.
    stale = docs.put(resource, params, {"v": 3}, If_Match=etag)
    assert stale.status_code == 412
    assert docs.get(resource, params).json() == {"v": 2}
    assert docs.put(resource, params, {"v": 4}, If_Match="*").status_code == 204


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_if_none_match_star_detects_a_document_present_3_1_s4_b6(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """3.1.s4.b6: "An LRS responding to a PUT request MUST handle the
    "If-None-Match" header … if it contains "*", in order to to detect when there
    is a resource present that the Client is not aware of"; 3.1.s4.b9: "MUST
    return HTTP status 412 Precondition Failed"."""
    params = {**context, "profileId": "p"}
    assert docs.put(resource, params, {"v": 1}, If_None_Match="*").status_code == 204
    again = docs.put(resource, params, {"v": 2}, If_None_Match="*")
    assert again.status_code == 412
    assert docs.get(resource, params).json() == {"v": 1}


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_if_match_on_a_missing_document_is_412_3_1_s4_b9(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """3.1.s4.b9/b10: a PUT whose If-Match names a document that is not there
    fails its precondition: 412, and nothing is stored."""
    params = {**context, "profileId": "p"}
    etag = '"' + "a" * 40 + '"'
    assert docs.put(resource, params, {"v": 1}, If_Match=etag).status_code == 412
    assert docs.put(resource, params, {"v": 1}, If_Match="*").status_code == 412
    assert not Document.objects.exists()


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_post_and_delete_honour_if_match_3_1_s4_b7_b11(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """3.1.s4.b7: "An LRS responding to a POST or DELETE request SHOULD* handle the
    "If-Match" header"; b11: "SHOULD* return HTTP status 412 Precondition
    Failed"; b12: "SHOULD* NOT make a modification to the resource"."""
    params = {**context, "profileId": "p"}
    docs.put(resource, params, {"v": 1})
    stale = '"' + "b" * 40 + '"'
    assert docs.post(resource, params, {"w": 2}, If_Match=stale).status_code == 412
    assert docs.post(resource, params, {"w": 2}, If_None_Match="*").status_code == 412
    assert docs.delete(resource, params, If_Match=stale).status_code == 412
    assert docs.get(resource, params).json() == {"v": 1}
    etag = docs.get(resource, params)["ETag"]
    assert docs.post(resource, params, {"w": 2}, If_Match=etag).status_code == 204
    assert docs.get(resource, params).json() == {"v": 1, "w": 2}


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_post_merges_json_objects_2_2_s7(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """2.2.s7: "When an LRS receives a POST request with content type
    application/json for an existing document also of content type
    application/json, it MUST merge the posted document with the existing
    document"."""
    params = {**context, "profileId": "p"}
    docs.put(resource, params, {"x": "foo", "y": "bar"})
    assert docs.post(resource, params, {"x": "bash", "z": "faz"}).status_code == 204
    assert docs.get(resource, params).json() == {"x": "bash", "y": "bar", "z": "faz"}
    refused = docs.post(resource, params, b"text", content_type="text/plain")
    assert refused.status_code == 400


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_multiple_document_get_returns_profile_ids_since_2_6_s4_2_7_s4(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """2.6.s4 / 2.7.s4: "Fetches profile ids of all profile entries" … "If "since"
    parameter is specified, this is limited to entries that have been stored or
    updated since the specified Timestamp (exclusive)"."""
    docs.put(resource, {**context, "profileId": "old"}, {"a": 1})
    docs.put(resource, {**context, "profileId": "new"}, {"a": 1})
    Document.objects.filter(document_id="old").update(
        updated=timezone.now() - timedelta(days=1)
    )
    listing = docs.get(resource, context)
    assert listing.status_code == 200
    assert listing.json() == ["old", "new"]
    since = (timezone.now() - timedelta(hours=1)).isoformat()
    assert docs.get(resource, {**context, "since": since}).json() == ["new"]


def test_profiles_of_an_activity_and_of_an_agent_are_separate(docs: Docs) -> None:
    """2.6.s3 / 2.7.s3: a profile document lives "in the context of the specified
    Activity" or "Agent"; the same profileId elsewhere is another document."""
    docs.put(ACTIVITY_PROFILE, {"activityId": ACTIVITY, "profileId": "p"}, {"a": 1})
    other = {"activityId": ACTIVITY + "/2", "profileId": "p"}
    assert docs.get(ACTIVITY_PROFILE, other).status_code == 404
    agent = {"agent": json.dumps(AGENT), "profileId": "p"}
    assert docs.get(AGENT_PROFILE, agent).status_code == 404


def test_agent_profile_refuses_a_group_2_6_s3_note(docs: Docs) -> None:
    """2.6.s3 Note: "The "agent" parameter is an Agent Object and not a Group"."""
    group = {"objectType": "Group", "mbox": "mailto:team@example.org"}
    response = docs.put(
        AGENT_PROFILE, {"agent": json.dumps(group), "profileId": "p"}, {"a": 1}
    )
    assert response.status_code == 400
    assert "not a Group" in response.json()["error"]


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_documents_of_unknown_activities_and_agents_are_accepted_2_2_s4_b2(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """2.2.s4.b2: "The LRS MUST NOT reject documents on the basis of not having
    prior knowledge of the Activity and/or Agent" (no statement names them)."""
    assert (
        docs.put(resource, {**context, "profileId": "p"}, {"a": 1}).status_code == 204
    )


@pytest.mark.parametrize(("resource", "context"), RESOURCES)
def test_delete_of_a_profile_needs_its_id(
    docs: Docs, resource: str, context: dict[str, str]
) -> None:
    """2.6.s3 / 2.7.s3: profileId is Required; only state deletes a whole context."""
    docs.put(resource, {**context, "profileId": "p"}, {"a": 1})
    response = docs.delete(resource, context)
    assert response.status_code == 400
    assert "profileId" in response.json()["error"]
    assert Document.objects.count() == 1


def test_listing_reads_a_fixed_number_of_queries(
    docs: Docs, django_assert_max_num_queries: Any
) -> None:
    """A multiple-document GET reads the ids in one query, whatever their number."""
    for n in range(30):
        docs.put(ACTIVITY_PROFILE, {"activityId": ACTIVITY, "profileId": f"p{n}"}, {})
    with django_assert_max_num_queries(2):  # the client, the ids
        listing = docs.get(ACTIVITY_PROFILE, {"activityId": ACTIVITY})
    assert len(listing.json()) == 30
