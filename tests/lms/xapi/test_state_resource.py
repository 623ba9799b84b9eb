"""The State resource, rule by rule (xAPI 1.0.3 Communication 2.2, 2.3, 3.1)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from lms.xapi.models import Document
from tests.lms.xapi.documents_client import (
    ACTIVITY,
    AGENT,
    REGISTRATION,
    Docs,
    state_params,
)

pytestmark = pytest.mark.django_db

STATE = "activities/state"


@pytest.fixture
def docs() -> Docs:
    return Docs()


def sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def test_put_then_get_returns_the_state_document_2_3_s3(docs: Docs) -> None:
    """2.3.s3: "Stores, changes, fetches, or deletes the document specified by the
    given "stateId" … Returns (PUT | POST | DELETE): 204 No Content; Returns (GET):
    200 OK, the State document"."""
    params = state_params(stateId="bookmark")
    put = docs.put(STATE, params, {"page": 3})
    assert put.status_code == 204, put.content
    assert put["X-Experience-API-Version"] == "1.0.3"

    got = docs.get(STATE, params)
    assert got.status_code == 200
    assert got.json() == {"page": 3}
    assert got["Content-Type"] == "application/json"
    stored = Document.objects.get()
    assert (stored.activity_iri, stored.agent, stored.registration) == (
        ACTIVITY,
        AGENT,
        None,
    )


def test_get_adds_a_quoted_lowercase_sha1_etag_3_1_s4_b1_b2_b4(docs: Docs) -> None:
    """3.1.s4.b1/b2/b4: "An LRS responding to a GET request MUST add an ETag HTTP
    header" … "the value of the ETag header to be a hexadecimal string of the SHA-1
    digest of the contents" … "MUST enclose the header in quotes"."""
    body = b'{"page":3}'
    docs.put(STATE, state_params(stateId="s"), body)
    got = docs.get(STATE, state_params(stateId="s"))
    assert got["ETag"] == f'"{sha1(body)}"'
    assert got["ETag"] == got["ETag"].lower()
    listing = docs.get(STATE, state_params())
    assert listing["ETag"] == f'"{sha1(listing.content)}"'


def test_single_document_get_has_last_modified_2_2_s6_b1(docs: Docs) -> None:
    """2.2.s6.b1: "When returning a single document, the LRS SHOULD* include a
    "Last-Modified" header indicating when the document was last modified"."""
    docs.put(STATE, state_params(stateId="s"), {"a": 1})
    got = docs.get(STATE, state_params(stateId="s"))
    assert got["Last-Modified"].endswith("GMT")


def test_head_answers_like_get_without_the_body_1_1_s3_b1(docs: Docs) -> None:
    """1.1.s3.b1: "The LRS MUST respond to any HTTP HEAD request as it would have
    responded to an otherwise identical HTTP GET request except: The message-body
    MUST be omitted"."""
    docs.put(STATE, state_params(stateId="s"), {"a": 1})
    got = docs.get(STATE, state_params(stateId="s"))
    head = docs.head(STATE, state_params(stateId="s"))
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == got["ETag"]
    assert head["Last-Modified"] == got["Last-Modified"]
    assert head["Content-Type"] == got["Content-Type"]
    assert head["Content-Length"] == str(len(got.content))
    assert docs.head(STATE, state_params(stateId="none")).status_code == 404
    assert docs.head(STATE, state_params()).content == b""


def test_registration_scopes_state_2_3_s3(docs: Docs) -> None:
    """2.3.s3: the document "exists in the context of the specified Activity,
    Agent, and registration (if specified)"."""
    docs.put(STATE, state_params(stateId="s"), {"where": "none"})
    docs.put(STATE, state_params(stateId="s", registration=REGISTRATION), {"r": 1})

    assert docs.get(STATE, state_params(stateId="s")).json() == {"where": "none"}
    scoped = docs.get(STATE, state_params(stateId="s", registration=REGISTRATION))
    assert scoped.json() == {"r": 1}
    other = "0e3f3f8a-2b51-4d0e-9a55-0c6d2f1b7a11"
    assert (
        docs.get(STATE, state_params(stateId="s", registration=other)).status_code
        == 404
    )


def test_state_is_per_agent_and_activity_2_3_s3(docs: Docs) -> None:
    """2.3.s3: the stateId is "The id for this state, within the given context"."""
    docs.put(STATE, state_params(stateId="s"), {"who": "ada"})
    bo = json.dumps({"mbox": "mailto:bo@example.org"})
    assert docs.get(STATE, state_params(stateId="s", agent=bo)).status_code == 404
    other_activity = state_params(stateId="s", activityId=ACTIVITY + "/2")
    assert docs.get(STATE, other_activity).status_code == 404


def test_the_agent_is_matched_by_its_identifier_not_its_name(docs: Docs) -> None:
    """Data 2.4.2.1: an Agent is identified by its inverse functional identifier;
    a name and objectType do not make it another agent."""
    docs.put(STATE, state_params(stateId="s"), {"a": 1})
    renamed = json.dumps({"name": "Ada L.", "mbox": AGENT["mbox"]})
    assert docs.get(STATE, state_params(stateId="s", agent=renamed)).json() == {"a": 1}


def test_multiple_document_get_lists_ids_since_exclusive_2_3_s4(docs: Docs) -> None:
    """2.3.s4: "Fetches State ids of all state data for this context (Activity +
    Agent [ + registration if specified]). If "since" parameter is specified, this
    is limited to entries that have been stored or updated since the specified
    timestamp (exclusive)"."""
    docs.put(STATE, state_params(stateId="old"), {"a": 1})
    docs.put(STATE, state_params(stateId="reg", registration=REGISTRATION), {"a": 1})
    Document.objects.filter(document_id="old").update(
        updated=timezone.now() - timedelta(hours=1)
    )
    old = Document.objects.get(document_id="old").updated

    assert sorted(docs.get(STATE, state_params()).json()) == ["old", "reg"]
    assert docs.get(STATE, state_params(registration=REGISTRATION)).json() == ["reg"]
    since = (old + timedelta(minutes=1)).isoformat()
    assert docs.get(STATE, state_params(since=since)).json() == ["reg"]
    exactly = old.isoformat()
    assert "old" not in docs.get(STATE, state_params(since=exactly)).json()
    empty = state_params(agent=json.dumps({"mbox": "mailto:new@example.org"}))
    assert docs.get(STATE, empty).json() == []


def test_multiple_document_get_has_the_newest_last_modified_2_2_s6_b2(
    docs: Docs,
) -> None:
    """2.2.s6.b2: "When returning multiple documents, the LRS SHOULD* include a
    "Last-Modified" header indicating when the most recently modified document was
    last modified"."""
    docs.put(STATE, state_params(stateId="a"), {"a": 1})
    docs.put(STATE, state_params(stateId="b"), {"a": 1})
    newest = Document.objects.get(document_id="b").updated
    listing = docs.get(STATE, state_params())
    assert listing["Last-Modified"] == newest.strftime("%a, %d %b %Y %H:%M:%S GMT")


def test_delete_one_document_2_3_s3(docs: Docs) -> None:
    """2.3.s3: DELETE with a stateId deletes that document; 204 No Content."""
    docs.put(STATE, state_params(stateId="a"), {"a": 1})
    docs.put(STATE, state_params(stateId="b"), {"a": 1})
    assert docs.delete(STATE, state_params(stateId="a")).status_code == 204
    assert docs.get(STATE, state_params()).json() == ["b"]


def test_delete_without_state_id_deletes_the_context_2_3_s5(docs: Docs) -> None:
    """2.3.s5: "Deletes all state data for this context (Activity + Agent
    [+ registration if specified])"."""
    docs.put(STATE, state_params(stateId="a"), {"a": 1})
    docs.put(STATE, state_params(stateId="b", registration=REGISTRATION), {"a": 1})
    other = "0e3f3f8a-2b51-4d0e-9a55-0c6d2f1b7a11"
    docs.put(STATE, state_params(stateId="c", registration=other), {"a": 1})
    bo = state_params(stateId="a", agent=json.dumps({"mbox": "mailto:bo@example.org"}))
    docs.put(STATE, bo, {"a": 1})

    scoped = docs.delete(STATE, state_params(registration=REGISTRATION))
    assert scoped.status_code == 204
    assert sorted(docs.get(STATE, state_params()).json()) == ["a", "c"]

    assert docs.delete(STATE, state_params()).status_code == 204
    assert docs.get(STATE, state_params()).json() == []
    assert docs.get(STATE, bo).status_code == 200  # another agent's state stays


def test_deleting_state_of_an_agent_without_any_is_204(docs: Docs) -> None:
    """2.3.s5: Returns 204 No Content — also when there was nothing to delete."""
    assert docs.delete(STATE, state_params()).status_code == 204
    assert docs.delete(STATE, state_params(stateId="none")).status_code == 204


def test_post_merges_top_level_properties_2_2_s7(docs: Docs) -> None:
    """2.2.s7: "for each property directly defined on the Object being posted, set
    the corresponding property on the existing Object equal to the value from the
    posted Object" … "only top-level properties are merged"."""
    params = state_params(stateId="vars")
    docs.put(STATE, params, {"x": "foo", "y": "bar", "n": {"deep": 1, "keep": 2}})
    posted = docs.post(STATE, params, {"x": "bash", "z": "faz", "n": {"deep": 3}})
    assert posted.status_code == 204, posted.content
    assert docs.get(STATE, params).json() == {
        "x": "bash",
        "y": "bar",
        "z": "faz",
        "n": {"deep": 3},
    }


def test_post_without_a_stored_document_stores_it(docs: Docs) -> None:
    """2.2.s8.b2: "If the merge is successful, the LRS MUST respond with HTTP status
    code 204 No Content" — with nothing stored, the posted object is the document."""
    params = state_params(stateId="new")
    assert docs.post(STATE, params, {"x": 1}).status_code == 204
    assert docs.get(STATE, params).json() == {"x": 1}


@pytest.mark.parametrize(
    ("stored_type", "stored", "posted_type", "posted"),
    [
        ("application/json", b'{"x":1}', "text/plain", b'{"y":2}'),
        ("text/plain", b'{"x":1}', "application/json", b'{"y":2}'),
        ("application/json", b"[1,2]", "application/json", b'{"y":2}'),
        ("application/json", b"not json", "application/json", b'{"y":2}'),
        ("application/json", b'{"x":1}', "application/json", b"[1]"),
        ("application/json", b'{"x":1}', "application/json", b"{oops"),
    ],
)
def test_post_refuses_what_cannot_be_merged_2_2_s8_b1(
    docs: Docs, stored_type: str, stored: bytes, posted_type: str, posted: bytes
) -> None:
    """2.2.s8.b1: "If the document being posted or any existing document does not
    have a Content-Type of application/json, or if either document cannot be parsed
    as a JSON Object, the LRS MUST respond with HTTP status code 400 Bad Request,
    and MUST NOT update the target document as a result of the request"."""
    params = state_params(stateId="s")
    docs.put(STATE, params, stored, content_type=stored_type)
    response = docs.post(STATE, params, posted, content_type=posted_type)
    assert response.status_code == 400
    assert response.json()["error"]
    assert docs.get(STATE, params).content == stored


def test_a_json_content_type_with_parameters_still_merges(docs: Docs) -> None:
    """1.5.b1 / 2.2.s7: application/json with a charset is application/json."""
    params = state_params(stateId="s")
    docs.put(STATE, params, {"x": 1}, content_type="application/json; charset=utf-8")
    assert docs.post(STATE, params, {"y": 2}).status_code == 204
    assert docs.get(STATE, params).json() == {"x": 1, "y": 2}


def test_binary_documents_round_trip_byte_for_byte_1_5_b1(docs: Docs) -> None:
    """1.5.b1: "Documents can have any content type" — and come back unchanged."""
    data = bytes(range(256)) * 40 + b"\x00\xff\xfe"
    params = state_params(stateId="blob")
    put = docs.put(STATE, params, data, content_type="application/octet-stream")
    assert put.status_code == 204
    got = docs.get(STATE, params)
    assert got.content == data
    assert got["Content-Type"] == "application/octet-stream"
    assert got["ETag"] == f'"{sha1(data)}"'


def test_state_accepts_writes_without_concurrency_headers_3_1_s3(docs: Docs) -> None:
    """3.1.s3: "The State Resource will permit PUT, POST and DELETE requests without
    concurrency headers, since state conflicts are unlikely"."""
    params = state_params(stateId="s")
    assert docs.put(STATE, params, {"v": 1}).status_code == 204
    assert docs.put(STATE, params, {"v": 2}).status_code == 204
    assert docs.post(STATE, params, {"w": 3}).status_code == 204
    assert docs.get(STATE, params).json() == {"v": 2, "w": 3}
    assert docs.delete(STATE, params).status_code == 204


def test_state_honours_if_match_and_if_none_match_3_1_s4_b5_to_b8(docs: Docs) -> None:
    """3.1.s4.b5–b8: the LRS handles If-Match (an ETag) and If-None-Match ("*") on
    PUT, POST and DELETE; "If the header precondition … fails, the LRS MUST return
    HTTP status 412 Precondition Failed" and "MUST NOT make a modification"."""
    params = state_params(stateId="s")
    docs.put(STATE, params, {"v": 1})
    etag = docs.get(STATE, params)["ETag"]
    stale = '"' + "0" * 40 + '"'

    assert docs.put(STATE, params, {"v": 2}, If_Match=stale).status_code == 412
    assert docs.put(STATE, params, {"v": 2}, If_None_Match="*").status_code == 412
    assert docs.post(STATE, params, {"w": 2}, If_Match=stale).status_code == 412
    assert docs.delete(STATE, params, If_Match=stale).status_code == 412
    assert docs.get(STATE, params).json() == {"v": 1}

    assert docs.put(STATE, params, {"v": 2}, If_Match=etag).status_code == 204
    assert docs.get(STATE, params).json() == {"v": 2}
