"""The Statements and About resources over HTTP (Django test client)."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import pytest
from django.db import connection
from django.test import Client

from lms.xapi.models import Statement
from tests.lms.xapi.factories import lrs_client, new_id, statement

pytestmark = pytest.mark.django_db

VOIDED = "http://adlnet.gov/expapi/verbs/voided"


class LRS:
    """A thin xAPI client on Django's test client."""

    def __init__(self, key: str, secret: str, version: str | None = "1.0.3") -> None:
        self.client = Client()
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.headers: dict[str, str] = {"Authorization": f"Basic {token}"}
        if version is not None:
            self.headers["X-Experience-API-Version"] = version

    def post(self, body: Any, *, raw: bytes | None = None, **kw: Any) -> Any:
        data = raw if raw is not None else json.dumps(body)
        content_type = kw.pop("content_type", "application/json")
        return self.client.post(
            "/xapi/statements",
            data,
            content_type=content_type,
            headers=self.headers,
            **kw,
        )

    def put(self, statement_id: str, body: Any) -> Any:
        return self.client.put(
            f"/xapi/statements?statementId={statement_id}",
            json.dumps(body),
            content_type="application/json",
            headers=self.headers,
        )

    def get(self, **params: str) -> Any:
        return self.client.get("/xapi/statements", params, headers=self.headers)


@pytest.fixture
def lrs() -> LRS:
    client, secret = lrs_client()
    return LRS(client.key, secret)


def test_about_answers_without_credentials_or_version() -> None:
    response = Client().get("/xapi/about")
    assert response.status_code == 200
    assert "1.0.3" in response.json()["version"]
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_post_stores_and_returns_ids_then_get_returns_the_statement(lrs: LRS) -> None:
    response = lrs.post([statement(), statement(email="bo@example.org")])
    assert response.status_code == 200
    ids = response.json()
    assert len(ids) == 2
    assert "X-Experience-API-Consistent-Through" in response

    single = lrs.get(statementId=ids[0])
    assert single.status_code == 200
    body = single.json()
    assert body["id"] == ids[0]
    assert body["version"] == "1.0.0"
    assert body["stored"] and body["authority"]["objectType"] == "Agent"


def test_put_with_statement_id(lrs: LRS) -> None:
    statement_id = new_id()
    assert lrs.put(statement_id, statement()).status_code == 204
    assert lrs.put(statement_id, statement()).status_code == 204  # identical: no-op
    assert Statement.objects.count() == 1
    conflict = lrs.put(statement_id, statement(email="other@example.org"))
    assert conflict.status_code == 409
    mismatch = lrs.put(new_id(), statement(statement_id=new_id()))
    assert mismatch.status_code == 400


def test_version_header_is_required(lrs: LRS) -> None:
    client, secret = lrs_client("no-version")
    unversioned = LRS(client.key, secret, version=None)
    assert unversioned.post([statement()]).status_code == 400
    wrong = LRS(client.key, secret, version="0.95")
    assert wrong.post([statement()]).status_code == 400
    assert Statement.objects.count() == 0


@pytest.mark.parametrize(
    "authorization",
    [
        "",
        "Basic",
        "Basic !!!",
        "Bearer abc",
        "Basic " + base64.b64encode(b"nokey").decode(),
    ],
)
def test_missing_or_bad_credentials_are_refused(authorization: str) -> None:
    headers = {"X-Experience-API-Version": "1.0.3"}
    if authorization:
        headers["Authorization"] = authorization
    response = Client().get("/xapi/statements", headers=headers)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


def test_revoked_credentials_are_refused() -> None:
    client, secret = lrs_client()
    client.is_active = False
    client.save()
    assert LRS(client.key, secret).get().status_code == 401


def test_scopes_are_enforced() -> None:
    reader, reader_secret = lrs_client("reader", can_write=False)
    writer, writer_secret = lrs_client("writer", can_read=False)
    assert LRS(reader.key, reader_secret).post([statement()]).status_code == 403
    assert LRS(writer.key, writer_secret).get().status_code == 403
    assert LRS(writer.key, writer_secret).post([statement()]).status_code == 200


@pytest.mark.parametrize(
    ("raw", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"\xff\xfe", "application/json"),
        (b'{"actor": 1}', "text/plain"),
        (b"42", "application/json"),
        (b'"a string"', "application/json"),
        (b"[1, 2]", "application/json"),
    ],
)
def test_malformed_bodies_are_rejected_with_a_message(
    lrs: LRS, raw: bytes, content_type: str
) -> None:
    response = lrs.post(None, raw=raw, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]
    assert Statement.objects.count() == 0


def test_an_empty_batch_stores_nothing(lrs: LRS) -> None:
    response = lrs.post([])
    assert response.status_code == 200
    assert response.json() == []


def test_a_batch_with_one_invalid_statement_is_rejected_whole(lrs: LRS) -> None:
    bad = statement()
    bad["actor"] = {"mbox": "ada@example.org"}  # no mailto:
    response = lrs.post([statement(), statement(), bad])
    assert response.status_code == 400
    assert "statements[2]" in response.json()["error"]
    assert "mbox" in response.json()["error"]
    assert Statement.objects.count() == 0


def test_a_property_used_twice_is_rejected(lrs: LRS) -> None:
    raw = (
        b'{"actor": {"mbox": "mailto:a@example.org"}, "actor": {"mbox": '
        b'"mailto:b@example.org"}, "verb": {"id": "http://x.example/v"}, '
        b'"object": {"id": "http://x.example/a"}}'
    )
    response = lrs.post(None, raw=raw)
    assert response.status_code == 400
    assert "actor" in response.json()["error"]


def test_two_identifiers_on_one_agent_are_rejected(lrs: LRS) -> None:
    bad = statement()
    bad["actor"]["account"] = {"homePage": "https://x.example", "name": "ada"}
    response = lrs.post([bad])
    assert response.status_code == 400


def test_a_batch_repeating_an_id_is_rejected(lrs: LRS) -> None:
    statement_id = new_id()
    response = lrs.post([statement(statement_id=statement_id)] * 2)
    assert response.status_code == 400
    assert Statement.objects.count() == 0


def test_oversized_batches_and_bodies_are_refused(lrs: LRS, settings: Any) -> None:
    settings.ENGAGE_XAPI_MAX_BATCH = 5
    assert lrs.post([statement() for _ in range(6)]).status_code == 413
    settings.ENGAGE_XAPI_MAX_BODY_BYTES = 1000
    assert (
        lrs.post([statement(activity="https://x.example/" + "a" * 2000)]).status_code
        == 413
    )
    assert Statement.objects.count() == 0


def test_voiding(lrs: LRS) -> None:
    target = new_id()
    lrs.post([statement(statement_id=target)])
    voiding_id = new_id()
    voiding = statement(statement_id=voiding_id, verb=VOIDED)
    voiding["object"] = {"objectType": "StatementRef", "id": target}
    assert lrs.post([voiding]).status_code == 200

    assert lrs.get(statementId=target).status_code == 404
    assert lrs.get(voidedStatementId=target).json()["id"] == target
    assert lrs.get(voidedStatementId=voiding_id).status_code == 404
    listed = [s["id"] for s in lrs.get().json()["statements"]]
    assert target not in listed and voiding_id in listed

    void_the_void = statement(verb=VOIDED)
    void_the_void["object"] = {"objectType": "StatementRef", "id": voiding_id}
    assert lrs.post([void_the_void]).status_code == 400


def test_query_filters(lrs: LRS) -> None:
    registration = str(uuid.uuid4())
    parent = "https://content.example.org/activities/course/9"
    lrs.post(
        [
            statement(
                email="ada@example.org", verb="http://adlnet.gov/expapi/verbs/attempted"
            ),
            statement(
                email="bo@example.org",
                context={
                    "registration": registration,
                    "contextActivities": {"parent": [{"id": parent}]},
                },
            ),
            statement(
                email="cy@example.org", activity="https://content.example.org/a/2"
            ),
        ]
    )
    ada = json.dumps({"mbox": "mailto:ada@example.org"})
    by_agent = lrs.get(agent=ada).json()["statements"]
    assert [s["actor"]["mbox"] for s in by_agent] == ["mailto:ada@example.org"]
    by_verb = lrs.get(verb="http://adlnet.gov/expapi/verbs/attempted").json()
    assert len(by_verb["statements"]) == 1
    assert len(lrs.get(registration=registration).json()["statements"]) == 1
    assert lrs.get(activity=parent).json()["statements"] == []
    related = lrs.get(activity=parent, related_activities="true").json()["statements"]
    assert len(related) == 1


def test_paging_with_more_returns_every_statement_once(lrs: LRS) -> None:
    ids = lrs.post([statement(email=f"p{n}@example.org") for n in range(7)]).json()
    seen: list[str] = []
    page = lrs.get(limit="3", ascending="true").json()
    while True:
        seen += [s["id"] for s in page["statements"]]
        if not page["more"]:
            break
        page = lrs.client.get(page["more"], headers=lrs.headers).json()
    assert seen == ids


def test_format_ids_and_canonical(lrs: LRS) -> None:
    statement_id = new_id()
    data = statement(statement_id=statement_id)
    data["verb"]["display"] = {"en-US": "completed", "nl-NL": "voltooide"}
    data["object"]["definition"] = {"name": {"en-US": "Quiz", "nl-NL": "Toets"}}
    lrs.post([data])
    ids = lrs.get(statementId=statement_id, format="ids").json()
    assert ids["verb"] == {"id": data["verb"]["id"]}
    assert "definition" not in ids["object"]
    canonical = lrs.client.get(
        "/xapi/statements",
        {"statementId": statement_id, "format": "canonical"},
        headers={**lrs.headers, "Accept-Language": "nl-NL"},
    ).json()
    assert canonical["verb"]["display"] == {"nl-NL": "voltooide"}


@pytest.mark.parametrize(
    "params",
    [
        {"statementId": "not-a-uuid"},
        {"statementId": str(uuid.uuid4()), "verb": "http://x.example/v"},
        {"limit": "-1"},
        {"limit": "many"},
        {"since": "yesterday"},
        {"ascending": "maybe"},
        {"agent": "{not json"},
        {"agent": json.dumps({"mbox": "no-mailto@example.org"})},
        {"format": "pretty"},
        {"unknown": "1"},
        {"more": "forged-token"},
    ],
)
def test_bad_query_parameters_are_400(lrs: LRS, params: dict[str, str]) -> None:
    assert lrs.get(**params).status_code == 400


def test_unknown_statement_is_404(lrs: LRS) -> None:
    assert lrs.get(statementId=str(uuid.uuid4())).status_code == 404


def test_a_single_post_is_stored_like_a_batch_in_fewer_queries(
    lrs: LRS, django_assert_max_num_queries: Any
) -> None:
    """One plain statement takes the one-statement path of record(); what it
    stores must not differ from a batch's (index rows, monthly count, outbox)."""
    from lms.xapi.models import (
        Destination,
        MonthlyActivity,
        OutboxEntry,
        Statement,
        StatementActivity,
        StatementAgent,
    )

    Destination.objects.create(name="one", endpoint="https://lrs.example.org/xapi/")
    single = statement(statement_id=new_id(), email="one@example.org")
    other = statement(email="two@example.org")
    # PostgreSQL: client, existing ids, then the statement with everything that
    # goes with it in one statement (and the savepoints of the test transaction).
    with django_assert_max_num_queries(5 if connection.vendor == "postgresql" else 10):
        assert lrs.post(single).status_code == 200
    assert lrs.post([other, statement(email="three@example.org")]).status_code == 200

    def stored(email: str) -> tuple[Any, ...]:
        row = Statement.objects.get(payload__actor__mbox=f"mailto:{email}")
        return (
            row.client_id,
            row.verb_iri,
            row.object_activity_iri,
            sorted(
                StatementAgent.objects.filter(statement=row).values_list(
                    "is_direct", flat=True
                )
            ),
            sorted(
                StatementActivity.objects.filter(statement=row).values_list(
                    "is_direct", flat=True
                )
            ),
            OutboxEntry.objects.filter(statement=row).count(),
            sorted(row.payload),
        )

    assert stored("one@example.org") == stored("two@example.org")
    assert sum(MonthlyActivity.objects.values_list("count", flat=True)) == 3
    # The same id again with the same content: accepted, nothing new; different: 409.
    assert lrs.post(single).status_code == 200
    assert Statement.objects.count() == 3
    changed = dict(single, verb={"id": "http://adlnet.gov/expapi/verbs/attempted"})
    assert lrs.post(changed).status_code == 409
