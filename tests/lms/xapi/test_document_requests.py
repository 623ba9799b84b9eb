"""What every Document resource shares with statements: credentials and scopes,
the alternate request syntax, CORS, limits and hostile parameters (xAPI 1.0.3
Communication 1.3, 2.2–2.7, 3.2; docs/decisions/0005 and 0013)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client

from lms.xapi.models import Document
from tests.lms.xapi.documents_client import ACTIVITY, AGENT, Docs, state_params

pytestmark = pytest.mark.django_db

STATE = "activities/state"
RESOURCES = [
    pytest.param(STATE, state_params(stateId="s"), id="state"),
    pytest.param(
        "activities/profile", {"activityId": ACTIVITY, "profileId": "p"}, id="activity"
    ),
    pytest.param(
        "agents/profile", {"agent": json.dumps(AGENT), "profileId": "p"}, id="agent"
    ),
]
H5P = "https://h5p.example.org"


@pytest.fixture
def docs() -> Docs:
    return Docs()


@pytest.mark.parametrize(("resource", "params"), RESOURCES)
def test_credentials_and_the_version_header_are_required(
    resource: str, params: dict[str, str]
) -> None:
    """Communication 4.0 and 3.3: as for statements — 401 without valid LRS
    credentials, 400 without X-Experience-API-Version; nothing stored."""
    url = f"/xapi/{resource}?{urlencode(params)}"
    anonymous = Client().put(
        url, b"{}", content_type="application/json",
        headers={"X-Experience-API-Version": "1.0.3"},
    )  # fmt: skip
    assert anonymous.status_code == 401
    assert anonymous["WWW-Authenticate"] == 'Basic realm="xAPI"'
    docs = Docs()
    versionless = docs.client.put(
        url, b"{}", content_type="application/json",
        headers={"Authorization": docs.authorization},
    )  # fmt: skip
    assert versionless.status_code == 400
    assert "X-Experience-API-Version" in versionless.json()["error"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(("resource", "params"), RESOURCES)
def test_read_only_and_write_only_clients_keep_to_their_scope(
    resource: str, params: dict[str, str]
) -> None:
    """As for statements: a read-only client may GET but not PUT, POST or DELETE;
    a write-only client may write but not read (403 with a reason)."""
    writer = Docs("writer", can_read=False)
    reader = Docs("reader", can_write=False)
    assert writer.put(resource, params, {"a": 1}, If_None_Match="*").status_code == 204
    refused = writer.get(resource, params)
    assert refused.status_code == 403
    assert "may not read documents" in refused.json()["error"]
    assert reader.get(resource, params).json() == {"a": 1}
    for response in (
        reader.put(resource, params, {"b": 2}, If_Match="*"),
        reader.post(resource, params, {"b": 2}),
        reader.delete(resource, params),
    ):
        assert response.status_code == 403
        assert "may not write documents" in response.json()["error"]
    assert reader.get(resource, params).json() == {"a": 1}


def test_other_methods_are_405_with_allow(docs: Docs) -> None:
    response = docs.request("PATCH", STATE, state_params(stateId="s"))
    assert response.status_code == 405
    assert response["Allow"] == "GET, PUT, POST, DELETE, HEAD, OPTIONS"


def alternate(method: str, resource: str, fields: dict[str, Any]) -> Any:
    return Client().post(
        f"/xapi/{resource}?method={method}",
        urlencode(fields),
        content_type="application/x-www-form-urlencoded",
    )


def test_the_alternate_request_syntax_reaches_every_method_1_3_s3(
    docs: Docs,
) -> None:
    """1.3.s3.b7: "The LRS MUST treat the form parameters listed above as header
    parameters"; b14: "The LRS MUST treat any form parameters other than "content"
    or the header parameters listed above as query string parameters"."""
    head = {"Authorization": docs.authorization, "X-Experience-API-Version": "1.0.3"}
    params = state_params(stateId="s")
    put = alternate("PUT", STATE, {**head, **params, "content": '{"x": 1}'})
    assert put.status_code == 204, put.content
    etag = docs.get(STATE, params)["ETag"]
    stale = alternate(
        "POST", STATE, {**head, **params, "content": '{"y": 2}', "If-Match": '"0"'}
    )
    assert stale.status_code == 412
    post = alternate(
        "POST", STATE, {**head, **params, "content": '{"y": 2}', "If-Match": etag}
    )
    assert post.status_code == 204
    got = alternate("GET", STATE, {**head, **params})
    assert got.json() == {"x": 1, "y": 2}
    assert alternate("DELETE", STATE, {**head, **params}).status_code == 204
    assert not Document.objects.exists()


def test_cors_allows_listed_origins_to_use_documents(docs: Docs, settings: Any) -> None:
    """Decision 0005: the documents answer CORS like statements, DELETE included."""
    settings.ENGAGE_XAPI_CORS_ORIGINS = [H5P]
    url = f"/xapi/{STATE}?{urlencode(state_params(stateId='s'))}"
    preflight = Client().options(
        url,
        headers={"Origin": H5P, "Access-Control-Request-Method": "DELETE"},
    )
    assert preflight.status_code == 204
    assert "DELETE" in preflight["Access-Control-Allow-Methods"]
    assert "If-Match" in preflight["Access-Control-Allow-Headers"]
    got = docs.get(STATE, state_params(), Origin=H5P)
    assert got["Access-Control-Allow-Origin"] == H5P
    assert "ETag" in got["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in got
    elsewhere = docs.get(STATE, state_params(), Origin="https://evil.example")
    assert "Access-Control-Allow-Origin" not in elsewhere


@pytest.mark.parametrize(("resource", "params"), RESOURCES)
def test_a_document_over_the_limit_is_413(
    docs: Docs, settings: Any, resource: str, params: dict[str, str]
) -> None:
    """Communication 3.2: the LRS "can choose any size limit it sees fit" — the
    configured one (ENGAGE_XAPI_MAX_DOCUMENT_BYTES) is answered 413."""
    settings.ENGAGE_XAPI_MAX_DOCUMENT_BYTES = 1000
    assert (
        docs.put(resource, params, b"x" * 1000, content_type="text/plain").status_code
        == 204
    )
    big = docs.put(
        resource, params, b"x" * 1001, content_type="text/plain", If_Match="*"
    )
    assert big.status_code == 413
    assert "1000 bytes" in big.json()["error"]


def test_a_merge_that_outgrows_the_limit_is_413(docs: Docs, settings: Any) -> None:
    settings.ENGAGE_XAPI_MAX_DOCUMENT_BYTES = 1000
    params = state_params(stateId="s")
    docs.put(STATE, params, {"a": "x" * 600})
    response = docs.post(STATE, params, {"b": "y" * 600})
    assert response.status_code == 413
    assert docs.get(STATE, params).json() == {"a": "x" * 600}


DEEP = "[" * 100 + "]" * 100
BAD_PARAMETERS = [
    ({"agent": "{not json"}, "agent"),
    ({"agent": json.dumps({"name": "no identifier"})}, "agent"),
    ({"agent": json.dumps({"mbox": "ada@example.org"})}, "mbox"),
    (
        {"agent": json.dumps({"mbox": "mailto:a@x.org", "openid": "http://x.org"})},
        "agent",
    ),
    ({"agent": '{"mbox": "mailto:a\\u0000@x.org"}'}, "NUL"),
    ({"agent": '{"mbox": "mailto:a\\ud800@x.org"}'}, "surrogate"),
    ({"agent": '{"account": ' + DEEP + "}"}, "nested too deeply"),
    ({"agent": "[1]"}, "agent"),
    ({"activityId": "not an iri"}, "IRI"),
    ({"activityId": "/relative/path"}, "IRI"),
    ({"activityId": "https://x.org/\x00"}, "NUL"),
    ({"activityId": "https://x.org/" + "a" * 2048}, "longer than"),
    ({"registration": "not-a-uuid"}, "registration"),
    ({"stateId": "bad\x00id"}, "NUL"),
    ({"stateId": ""}, "empty"),
    ({"since": "yesterday"}, "since"),
    ({"unknown": "1"}, "Unknown parameter"),
]


@pytest.mark.parametrize(("change", "reason"), BAD_PARAMETERS)
@pytest.mark.parametrize("method", ["GET", "PUT", "POST", "DELETE"])
def test_bad_parameters_are_400_with_the_reason(
    docs: Docs, method: str, change: dict[str, str], reason: str
) -> None:
    """Data 4.3 / 2.4.2.1 and Communication 2.3: activityId is an IRI, agent an
    Agent object, registration a UUID, since a Timestamp — anything else is a 400
    that says why, never a 5xx, and nothing is stored."""
    if method != "GET" and "since" in change:
        change = {**change, "stateId": "s"}
    params = {**state_params(stateId="s"), **change}
    if "since" in change and method == "GET":
        params.pop("stateId")
    response = docs.request(method, STATE, params, {"a": 1})
    assert response.status_code == 400, response.content
    assert reason in response.json()["error"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("resource", "params", "missing"),
    [
        (STATE, {"agent": json.dumps(AGENT), "stateId": "s"}, "activityId"),
        (STATE, {"activityId": ACTIVITY, "stateId": "s"}, "agent"),
        (STATE, state_params(), "stateId"),
        ("activities/profile", {"activityId": ACTIVITY}, "profileId"),
        ("activities/profile", {"profileId": "p"}, "activityId"),
        ("agents/profile", {"agent": json.dumps(AGENT)}, "profileId"),
        ("agents/profile", {"profileId": "p"}, "agent"),
    ],
)
def test_missing_required_parameters_are_400(
    docs: Docs, resource: str, params: dict[str, str], missing: str
) -> None:
    """2.3.s3, 2.6.s3, 2.7.s3: the parameters marked Required."""
    response = docs.put(resource, params, {"a": 1})
    assert response.status_code == 400
    assert missing in response.json()["error"]


def test_since_names_a_list_not_one_document(docs: Docs) -> None:
    response = docs.get(STATE, state_params(stateId="s", since="2026-01-01T00:00:00Z"))
    assert response.status_code == 400
    assert "since" in response.json()["error"]


def test_a_repeated_parameter_is_400(docs: Docs) -> None:
    url = f"/xapi/{STATE}?{urlencode(state_params(stateId='s'))}&stateId=t"
    response = docs.client.get(url, headers=docs.headers)
    assert response.status_code == 400
    assert "once" in response.json()["error"]


@pytest.mark.parametrize(
    "body",
    [
        b'{"a": "\\u0000"}',
        b'{"a": "\\udc00"}',
        b"[" * 200 + b"]" * 200,
        b'{"a": 1e999}',
        b'{"a": NaN}',
        b"\xff\xfe not utf-8",
        b'{"a": ' + b"9" * 100 + b"}",
    ],
)
def test_a_hostile_json_post_is_400_and_changes_nothing(
    docs: Docs, body: bytes
) -> None:
    """2.2.s8.b1: a posted document that "cannot be parsed as a JSON Object" is a
    400 — also what JSON parsers choke on (decision 0013)."""
    params = state_params(stateId="s")
    docs.put(STATE, params, {"a": 1})
    response = docs.post(STATE, params, body)
    assert response.status_code == 400, response.content
    assert docs.get(STATE, params).json() == {"a": 1}


def test_hostile_bytes_put_as_a_document_come_back_unchanged(docs: Docs) -> None:
    """1.5.b1: a document is "arbitrary binary data"; what JSON refuses is still a
    document, stored and returned byte for byte."""
    params = state_params(stateId="s")
    body = b'{"a": "\\u0000\\ud800"}\x00\xff'
    assert docs.put(STATE, params, body).status_code == 204
    assert docs.get(STATE, params).content == body
    refused = docs.post(STATE, params, {"b": 1})
    assert refused.status_code == 400
    assert "stored document" in refused.json()["error"]


@pytest.mark.parametrize("value", [0, -1, "1MB"])
def test_a_document_limit_that_cannot_work_fails_the_system_check(
    settings: Any, value: Any
) -> None:
    from lms.xapi.checks import check_xapi_settings

    settings.ENGAGE_XAPI_MAX_DOCUMENT_BYTES = value
    errors = check_xapi_settings()
    assert [e.id for e in errors] == ["engage_xapi.E002"]
    assert "ENGAGE_XAPI_MAX_DOCUMENT_BYTES" in errors[0].msg


HOSTILE_AGENTS = [
    "{not json",
    '{"mbox": "mailto:a\\u0000@x.org"}',
    '{"mbox": "mailto:a\\udfff@x.org"}',
    '{"account": ' + DEEP + "}",
    '{"mbox": "mailto:a@x.org", "mbox": "mailto:b@x.org"}',
    '{"account": {"homePage": "https://x.org", "name": 1e999}}',
    '{"openid": ' + "9" * 100 + "}",
    "null",
]


@pytest.mark.parametrize("agent", HOSTILE_AGENTS)
@pytest.mark.parametrize("method", ["GET", "PUT", "POST", "DELETE"])
@pytest.mark.parametrize("resource", ["activities/state", "agents/profile"])
def test_a_hostile_agent_is_400_on_every_agent_resource(
    docs: Docs, resource: str, method: str, agent: str
) -> None:
    """Data 2.4.2.1 via decision 0013: the agent parameter is read by the shared
    input limits — never a 5xx, always a reason."""
    params = {"agent": agent, "stateId": "s", "profileId": "p"}
    if resource == "activities/state":
        params = {"activityId": ACTIVITY, **params}
        del params["profileId"]
    else:
        del params["stateId"]
    response = docs.request(method, resource, params, {"a": 1})
    assert response.status_code == 400, response.content
    assert "agent" in response.json()["error"]
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "activity", ["not an iri", "", "https://x.org/\x00", "\ufffd", "urn"]
)
@pytest.mark.parametrize("method", ["GET", "PUT", "POST", "DELETE"])
def test_a_hostile_activity_id_is_400_on_the_activity_profile(
    docs: Docs, method: str, activity: str
) -> None:
    params = {"activityId": activity, "profileId": "p"}
    response = docs.request(method, "activities/profile", params, {"a": 1})
    assert response.status_code == 400, response.content
    assert "activityId" in response.json()["error"]


def test_bytes_that_are_not_utf8_in_the_query_are_400(docs: Docs) -> None:
    """Communication 1.4.s1.b1: "All strings MUST be encoded and interpreted as
    UTF-8" — a lone surrogate's bytes are not, and are no IRI."""
    url = "/xapi/activities/profile?activityId=%ED%A0%80&profileId=p"
    response = docs.client.put(
        url, b"{}", content_type="application/json", headers=docs.headers
    )
    assert response.status_code == 400
    assert "activityId" in response.json()["error"]
