"""The Agents resource, GET /xapi/agents (xAPI 1.0.3 Communication 2.4)."""

from __future__ import annotations

import hashlib
import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client

from tests.lms.xapi.factories import statement
from tests.lms.xapi.lrs_http import Lrs

pytestmark = pytest.mark.django_db

ADA = {"objectType": "Agent", "mbox": "mailto:ada@example.org"}


def _person(lrs: Lrs, agent: Any) -> Any:
    raw = agent if isinstance(agent, str) else json.dumps(agent)
    return lrs.get("/xapi/agents", agent=raw)


def test_agents_returns_person_object_with_array_properties() -> None:
    """Communication 2.4.s2: "Return a special, Person Object for a specified
    Agent ... instead of each attribute having a single value, each attribute has
    an array value"; 2.4.s5: objectType "Person", name/mbox/... arrays."""
    lrs = Lrs.new()
    lrs.post_statements(
        [
            statement(actor={**ADA, "name": "Ada"}),
            statement(actor={**ADA, "name": "Ada Lovelace"}),
            statement(actor={**ADA, "name": "Ada"}),
            statement(actor={"mbox": "mailto:bob@example.org", "name": "Bob"}),
        ]
    )
    response = _person(lrs, ADA)
    assert response.status_code == 200
    assert response.json() == {
        "objectType": "Person",
        "name": ["Ada", "Ada Lovelace"],
        "mbox": ["mailto:ada@example.org"],
    }


def test_agents_combines_names_from_every_place_an_agent_appears() -> None:
    """Communication 2.4.s2: "a person-centric view of the LRS Agent data": the
    names used with this identifier as object, instructor, group member and in a
    SubStatement, but not the name of a Group with the same identifier."""
    lrs = Lrs.new()
    lrs.post_statements(
        [
            statement(object={**ADA, "name": "Object Ada"}),
            statement(context={"instructor": {**ADA, "name": "Dr Ada"}}),
            statement(
                actor={"objectType": "Group", "member": [{**ADA, "name": "Member Ada"}]}
            ),
            statement(
                object={
                    "objectType": "SubStatement",
                    "actor": {**ADA, "name": "Inner Ada"},
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
                    "object": {"id": "https://content.example.org/q"},
                }
            ),
            statement(actor={**ADA, "objectType": "Group", "name": "Group named Ada"}),
        ]
    )
    assert _person(lrs, ADA).json()["name"] == [
        "Object Ada",
        "Dr Ada",
        "Member Ada",
        "Inner Ada",
    ]


def test_agents_unknown_agent_still_returns_person_with_request_information() -> None:
    """Communication 2.4.s3.b3: "If an LRS does not have any additional
    information about an Agent to return, the LRS MUST still return a Person
    Object when queried, but that Person Object will only include the information
    associated with the requested Agent." """
    lrs = Lrs.new()
    account = {"homePage": "https://lms.example.org", "name": "u-17"}
    response = _person(lrs, {"name": "Someone", "account": account})
    assert response.status_code == 200
    assert response.json() == {
        "objectType": "Person",
        "name": ["Someone"],
        "account": [account],
    }
    for ifi, value in (("mbox_sha1sum", "b" * 40), ("openid", "https://id.example/x")):
        assert _person(lrs, {ifi: value}).json() == {
            "objectType": "Person",
            ifi: [value],
        }


def test_agents_person_properties_occur_once_and_no_others() -> None:
    """Communication 2.4.s6.b2: "Additional properties not listed here SHOULD* NOT
    be added to this object and each property MUST occur only once." """
    lrs = Lrs.new()
    lrs.post_statements([statement(actor={**ADA, "name": "Ada"})])
    text = _person(lrs, ADA).content.decode()
    assert text.count('"mbox"') == 1
    assert set(json.loads(text)) <= {
        "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"
    }  # fmt: skip


def test_agents_get_has_etag_of_sha1_of_content_and_head_has_no_body() -> None:
    """Communication 3.1.s4.b1/b2/b4: an ETag, the quoted lowercase hex SHA-1 of the
    contents; HEAD answers the same headers without content."""
    lrs = Lrs.new()
    get = _person(lrs, ADA)
    assert (
        get["ETag"]
        == f'"{hashlib.sha1(get.content, usedforsecurity=False).hexdigest()}"'
    )
    head = lrs.head("/xapi/agents", agent=json.dumps(ADA))
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({}, "required"),
        ({"agent": ""}, "JSON"),
        ({"agent": "{not json"}, "JSON"),
        ({"agent": "[]"}, "agent"),
        ({"agent": json.dumps({"name": "No identifier"})}, "agent"),
        ({"agent": json.dumps({"mbox": "ada@example.org"})}, "mailto"),
        ({"agent": json.dumps({**ADA, "openid": "https://x.example"})}, "agent"),
        ({"agent": json.dumps({"objectType": "Group", "mbox": ADA["mbox"]})}, "Group"),
        (
            {"agent": json.dumps({"objectType": "Person", "mbox": [ADA["mbox"]]})},
            "agent",
        ),
        ({"agent": json.dumps(ADA), "extra": "1"}, "Unknown parameter"),
        ({"agent": json.dumps({**ADA, "name": "a\u0000b"})}, "agent"),
        ({"agent": '{"mbox": "mailto:a@b.c", "name": "\\ud800"}'}, "surrogate"),
        ({"agent": "[" * 10_000 + "]" * 10_000}, "agent"),
        ({"agent": json.dumps({**ADA, "name": "x" * 11_000_000})}, "agent"),
        (
            {"agent": '{"mbox": "mailto:a@b.c", "mbox": "mailto:d@e.f"}'},
            "more than once",
        ),
    ],
)
def test_agents_missing_or_invalid_agent_is_400_with_reason(
    params: dict[str, str], reason: str
) -> None:
    """Communication 2.4.s2: the required "agent" parameter is "a normal Agent
    Object with a single identifier and no arrays. It is not a Person Object, nor
    is it a Group." Anything else is a 400 (Communication 3.2) saying why."""
    lrs = Lrs.new()
    response = lrs.get("/xapi/agents", **params)
    assert response.status_code in (400, 413)
    assert reason.lower() in response.json()["error"].lower()


def test_agents_repeated_parameter_is_400() -> None:
    lrs = Lrs.new()
    response = lrs.client.get(
        f"/xapi/agents?agent={json.dumps(ADA)}&agent={json.dumps(ADA)}",
        headers=lrs.headers,
    )
    assert response.status_code == 400


def test_agents_requires_credentials_version_and_read_scope() -> None:
    """Same authentication and client scopes as the Statements resource
    (Communication 4.0, 6.2): 401 without credentials, 400 without the version
    header, 403 for a write-only client."""
    query = {"agent": json.dumps(ADA)}
    anonymous = Client().get(
        "/xapi/agents", query, headers={"X-Experience-API-Version": "1.0.3"}
    )
    assert anonymous.status_code == 401
    reader = Lrs.new("reader", can_write=False)
    assert reader.get("/xapi/agents", **query).status_code == 200
    writer = Lrs.new("writer", can_read=False)
    assert writer.get("/xapi/agents", **query).status_code == 403
    unversioned = Lrs.new("old")
    del unversioned.headers["X-Experience-API-Version"]
    assert unversioned.get("/xapi/agents", **query).status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_agents_other_methods_are_405(method: str) -> None:
    lrs = Lrs.new()
    response = getattr(lrs.client, method)(
        f"/xapi/agents?agent={json.dumps(ADA)}", headers=lrs.headers
    )
    assert response.status_code == 405
    assert "GET" in response["Allow"]


def test_agents_alternate_request_syntax() -> None:
    """Communication 1.3: GET as a POST with method=GET, the parameters and
    headers as form fields."""
    lrs = Lrs.new()
    response = lrs.client.post(
        "/xapi/agents?method=GET",
        urlencode({"agent": json.dumps(ADA), **lrs.headers}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["mbox"] == [ADA["mbox"]]


def test_agents_cors(settings: Any) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["https://h5p.example.org"]
    lrs = Lrs.new()
    response = lrs.client.get(
        "/xapi/agents",
        {"agent": json.dumps(ADA)},
        headers={**lrs.headers, "Origin": "https://h5p.example.org"},
    )
    assert response["Access-Control-Allow-Origin"] == "https://h5p.example.org"
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_agents_reads_in_one_query(django_assert_max_num_queries: Any) -> None:
    lrs = Lrs.new()
    lrs.post_statements(
        [statement(actor={**ADA, "name": f"Ada {i}"}) for i in range(60)]
    )
    with django_assert_max_num_queries(2):  # the client's credentials, the person
        response = _person(lrs, ADA)
    assert len(response.json()["name"]) == 60
