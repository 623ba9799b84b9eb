"""The alternate request syntax (xAPI 1.0.3 Communication 1.3) over HTTP.

Everything travels in an application/x-www-form-urlencoded POST whose only query
parameter is ``method``; the LRS must treat it exactly like the usual syntax.
"""

from __future__ import annotations

import base64
import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client

from lms.accounts.roles import Role
from lms.xapi.models import Statement
from tests.factories import person
from tests.lms.xapi.factories import lrs_client, new_id, statement

pytestmark = pytest.mark.django_db

FORM = "application/x-www-form-urlencoded"


def basic(key: str, secret: str) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


@pytest.fixture
def auth() -> str:
    client, secret = lrs_client()
    return basic(client.key, secret)


def alternate(
    method: str,
    form: dict[str, Any],
    *,
    query: str = "",
    content_type: str = FORM,
    raw: bytes | None = None,
    path: str = "/xapi/statements",
    headers: dict[str, str] | None = None,
) -> Any:
    """POST in the alternate syntax; by default nothing in the HTTP headers."""
    body = raw if raw is not None else urlencode(form, doseq=True).encode()
    return Client().generic(
        "POST",
        f"{path}?method={method}{query}",
        body,
        content_type=content_type,
        headers=headers or {},
    )


def form(auth: str, **fields: Any) -> dict[str, Any]:
    return {"Authorization": auth, "X-Experience-API-Version": "1.0.3", **fields}


def test_put_with_headers_and_parameters_as_form_fields(auth: str) -> None:
    statement_id = new_id()
    response = alternate(
        "PUT",
        form(auth, statementId=statement_id, content=json.dumps(statement())),
    )
    assert response.status_code == 204, response.content
    assert str(Statement.objects.get().statement_id) == statement_id
    assert response["X-Experience-API-Version"] == "1.0.3"


def test_post_stores_a_batch(auth: str) -> None:
    batch = [statement(), statement(email="bo@example.org")]
    response = alternate("POST", form(auth, content=json.dumps(batch)))
    assert response.status_code == 200, response.content
    assert len(response.json()) == 2
    assert Statement.objects.count() == 2


def test_get_queries_with_form_parameters(auth: str) -> None:
    alternate("POST", form(auth, content=json.dumps([statement() for _ in range(3)])))
    response = alternate("GET", form(auth, limit="1", ascending="true"))
    assert response.status_code == 200, response.content
    result = response.json()
    assert len(result["statements"]) == 1
    assert result["more"]


def test_get_a_single_statement(auth: str) -> None:
    statement_id = new_id()
    alternate(
        "PUT", form(auth, statementId=statement_id, content=json.dumps(statement()))
    )
    response = alternate("GET", form(auth, statementId=statement_id))
    assert response.status_code == 200
    assert response.json()["id"] == statement_id


def test_http_headers_still_count_when_no_form_field_overrides_them(auth: str) -> None:
    response = alternate(
        "GET",
        {},
        headers={"Authorization": auth, "X-Experience-API-Version": "1.0.3"},
    )
    assert response.status_code == 200


def test_form_header_fields_override_http_headers(auth: str) -> None:
    """Communication 1.3.s3.b7: the form field is the header."""
    response = alternate(
        "PUT",
        {
            "X-Experience-API-Version": "0.8",
            "statementId": new_id(),
            "content": json.dumps(statement()),
        },
        headers={"Authorization": auth, "X-Experience-API-Version": "1.0.3"},
    )
    assert response.status_code == 400
    assert "X-Experience-API-Version" in response.json()["error"]
    assert not Statement.objects.exists()


def test_about_in_the_alternate_syntax() -> None:
    response = alternate("GET", {}, path="/xapi/about")
    assert response.status_code == 200
    assert "1.0.3" in response.json()["version"]
    assert alternate("PUT", {}, path="/xapi/about").status_code == 405
    assert Client().post("/xapi/about").status_code == 405
    extra = alternate("GET", {"verb": "x"}, path="/xapi/about")
    assert extra.status_code == 400


@pytest.mark.parametrize(
    ("method", "query", "expected"),
    [
        (
            "PUT",
            "&statementId=9e3f3f8a-2b51-4d0e-9a55-0c6d2f1b7a11",
            "only query parameter",
        ),
        ("GET", "&limit=1", "only query parameter"),
        ("FETCH", "", "must be one of GET, PUT, POST, DELETE"),
        ("GET", "&method=PUT", "must be one of GET, PUT, POST, DELETE"),
        ("", "", "must be one of GET, PUT, POST, DELETE"),
    ],
)
def test_bad_query_strings_are_400(
    auth: str, method: str, query: str, expected: str
) -> None:
    response = alternate(
        method,
        form(auth, statementId=new_id(), content=json.dumps(statement())),
        query=query,
    )
    assert response.status_code == 400
    assert expected in response.json()["error"]
    assert not Statement.objects.exists()


def test_delete_in_the_alternate_syntax_reaches_statements_as_delete(
    auth: str,
) -> None:
    """DELETE is a method of the Document resources; statements answer it 405."""
    response = alternate("DELETE", form(auth, statementId=new_id()))
    assert response.status_code == 405
    assert "DELETE is not allowed" in response.json()["error"]


def test_the_method_parameter_needs_post(auth: str) -> None:
    headers = {"Authorization": auth, "X-Experience-API-Version": "1.0.3"}
    put = Client().put(
        "/xapi/statements?method=POST",
        json.dumps(statement()),
        content_type="application/json",
        headers=headers,
    )
    assert put.status_code == 400
    get = Client().get("/xapi/statements?method=GET", headers=headers)
    assert get.status_code == 400
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        ("no content", "no statements"),
        ("json body, not url encoded", "requires the statementId"),
        ("json http content type", "Content-Type application/x-www-form-urlencoded"),
        ("content twice", "must be given once"),
        ("content of another type", "must be application/json"),
        ("invalid utf-8", "not valid UTF-8"),
        ("invalid statement", "mbox"),
        ("unknown query parameter as form field", "Unknown parameter"),
    ],
)
def test_malformed_alternate_requests_are_400(
    auth: str, case: str, expected: str
) -> None:
    statement_id = new_id()
    good = json.dumps(statement())
    fields = form(auth, statementId=statement_id, content=good)
    method, kwargs = "PUT", dict[str, Any]()
    if case == "no content":
        del fields["content"]
    elif case == "json body, not url encoded":
        headers = {"Authorization": auth, "X-Experience-API-Version": "1.0.3"}
        kwargs = {"raw": json.dumps(fields).encode(), "headers": headers}
    elif case == "json http content type":
        kwargs = {"content_type": "application/json"}
    elif case == "content twice":
        fields["content"] = [good, good]
    elif case == "content of another type":
        fields["Content-Type"] = "text/plain"
    elif case == "invalid utf-8":
        kwargs = {"raw": urlencode(fields).encode() + b"&x=\xff\xfe"}
    elif case == "invalid statement":
        bad = statement()
        bad["actor"] = {"mbox": "ada@example.org"}
        fields["content"] = json.dumps(bad)
    elif case == "unknown query parameter as form field":
        method = "GET"
        fields = form(auth, colour="blue")
    response = alternate(method, fields, **kwargs)
    assert response.status_code == 400, response.content
    assert expected in response.json()["error"]
    assert not Statement.objects.exists()


def test_credentials_in_the_form_are_checked() -> None:
    reader, secret = lrs_client("reader", can_write=False)
    content = json.dumps(statement())
    wrong = alternate("POST", form(basic(reader.key, "wrong"), content=content))
    assert wrong.status_code == 401
    read_only = alternate("POST", form(basic(reader.key, secret), content=content))
    assert read_only.status_code == 403
    assert not Statement.objects.exists()


def test_an_oversized_form_is_refused(auth: str, settings: Any) -> None:
    settings.ENGAGE_XAPI_MAX_BODY_BYTES = 500
    big = statement(activity="https://x.example/" + "a" * 600)
    response = alternate("POST", form(auth, content=json.dumps(big)))
    assert response.status_code == 413
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "role",
    [None, Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN],
)
def test_a_site_login_is_not_an_lrs_credential(role: Role | None, faculty: Any) -> None:
    client = Client()
    if role is not None:
        client.force_login(person(role, username=f"u-{role}", faculty=faculty))
    body = urlencode(
        {"X-Experience-API-Version": "1.0.3", "content": json.dumps(statement())}
    )
    response = client.generic(
        "POST", "/xapi/statements?method=POST", body, content_type=FORM
    )
    assert response.status_code == 401
    assert not Statement.objects.exists()
