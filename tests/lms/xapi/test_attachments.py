"""Statements with attachments and signed statements over HTTP (Django test client).

xAPI 1.0.3: Communication 1.5 (multipart/mixed), Data 2.4.11 (attachments) and
Data 2.6 (signed statements).
"""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from django.test import Client

from lms.accounts.roles import Role
from lms.xapi.models import AttachmentContent, Statement
from tests.factories import person
from tests.lms.xapi.factories import lrs_client, new_id, statement
from tests.lms.xapi.xapi_wire import (
    BOUNDARY,
    SIGNATURE,
    attachment,
    content_type,
    data_part,
    jws,
    multipart_body,
    new_key,
    read_multipart,
    self_signed,
    sha256,
    signed,
)

pytestmark = pytest.mark.django_db

TEXT = b"here is a simple attachment"
OTHER = b"here is another simple attachment"
BINARY = bytes(range(256)) * 4
ESSAY = b"My reflection on inclusive assessment.\r\n--not a boundary--\r\n"
SPEC_SHA2 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"


class LRS:
    def __init__(self, key: str, secret: str) -> None:
        self.client = Client()
        token = base64.b64encode(f"{key}:{secret}".encode()).decode()
        self.headers = {
            "Authorization": f"Basic {token}",
            "X-Experience-API-Version": "1.0.3",
        }

    def post(self, body: bytes, ctype: str = content_type(), path: str = "") -> Any:
        return self.client.generic(
            "POST",
            "/xapi/statements" + path,
            body,
            content_type=ctype,
            headers=self.headers,
        )

    def put(self, statement_id: str, body: bytes, ctype: str = content_type()) -> Any:
        return self.client.generic(
            "PUT",
            f"/xapi/statements?statementId={statement_id}",
            body,
            content_type=ctype,
            headers=self.headers,
        )

    def get(self, **params: str) -> Any:
        return self.client.get("/xapi/statements", params, headers=self.headers)


@pytest.fixture
def lrs() -> LRS:
    client, secret = lrs_client()
    return LRS(client.key, secret)


@pytest.fixture(scope="module")
def key() -> Any:
    return new_key()


def with_attachments(*datas: bytes, **extra: Any) -> dict[str, Any]:
    return statement(
        statement_id=new_id(), attachments=[attachment(d) for d in datas], **extra
    )


def nothing_stored() -> bool:
    return not Statement.objects.exists() and not AttachmentContent.objects.exists()


# --- Storing and returning attachment data ---------------------------------------


def test_post_multipart_stores_the_data_and_get_returns_it(lrs: LRS) -> None:
    data = with_attachments(TEXT, BINARY)
    data["attachments"][1]["contentType"] = "application/octet-stream"
    body = multipart_body(
        data,
        [data_part(TEXT), data_part(BINARY, content_type="application/octet-stream")],
    )
    response = lrs.post(body)
    assert response.status_code == 200, response.content
    assert response.json() == [data["id"]]

    plain = lrs.get(statementId=data["id"])
    assert plain["Content-Type"] == "application/json"
    assert plain.json()["attachments"] == data["attachments"]

    full = lrs.get(statementId=data["id"], attachments="true")
    assert full.status_code == 200
    assert full["X-Experience-API-Consistent-Through"]
    (first_headers, first), *parts = read_multipart(full)
    assert first_headers["Content-Type"] == "application/json"
    assert json.loads(first)["id"] == data["id"]
    assert [(h["X-Experience-API-Hash"], d) for h, d in parts] == [
        (sha256(TEXT), TEXT),
        (sha256(BINARY), BINARY),
    ]
    assert all(h["Content-Transfer-Encoding"] == "binary" for h, _ in parts)
    assert parts[1][0]["Content-Type"] == "application/octet-stream"


def test_the_specification_example_is_accepted(lrs: LRS) -> None:
    """Communication 1.5.2.s6, byte for byte: a quoted boundary with unusual
    characters, headers without a space, and contentType parameters that the
    part's Content-Type leaves out."""
    document = {
        "actor": {"mbox": "mailto:sample.agent@example.com", "objectType": "Agent"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
        "object": {"id": "http://www.example.com/tincan/activities/multipart"},
        "attachments": [
            {
                "usageType": "http://example.com/attachment-usage/test",
                "display": {"en-US": "A test attachment"},
                "contentType": "text/plain; charset=ascii",
                "length": 27,
                "sha2": SPEC_SHA2,
            }
        ],
    }
    body = (
        b"\r\n--abcABC0123'()+_,-./:=?\r\nContent-Type:application/json\r\n\r\n"
        + json.dumps(document, indent=4).encode()
        + b"\r\n--abcABC0123'()+_,-./:=?\r\nContent-Type:text/plain\r\n"
        b"Content-Transfer-Encoding:binary\r\nX-Experience-API-Hash:"
        b"495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a\r\n\r\n"
        b"here is a simple attachment\r\n--abcABC0123'()+_,-./:=?--"
    )
    response = lrs.post(body, 'multipart/mixed; boundary="abcABC0123\'()+_,-./:=?"')
    assert response.status_code == 200, response.content
    assert bytes(AttachmentContent.objects.get().data) == TEXT


def test_bare_line_feeds_are_tolerated(lrs: LRS) -> None:
    """Bodies saved with LF line ends (as some test suites ship them) still parse."""
    data = with_attachments(TEXT, OTHER)
    body = multipart_body(data, [data_part(TEXT), data_part(OTHER)]).replace(
        b"\r\n", b"\n"
    )
    assert lrs.post(body).status_code == 200
    assert AttachmentContent.objects.count() == 2


def test_put_with_attachment_data(lrs: LRS) -> None:
    data = with_attachments(TEXT)
    response = lrs.put(data["id"], multipart_body(data, [data_part(TEXT)]))
    assert response.status_code == 204, response.content
    assert AttachmentContent.objects.get().sha2 == sha256(TEXT)


def test_one_copy_per_hash_across_statements_and_requests(lrs: LRS) -> None:
    batch = [with_attachments(TEXT), with_attachments(TEXT, OTHER)]
    assert (
        lrs.post(multipart_body(batch, [data_part(TEXT), data_part(OTHER)])).status_code
        == 200
    )
    again = [with_attachments(TEXT)]
    assert lrs.post(multipart_body(again, [data_part(TEXT)])).status_code == 200
    assert Statement.objects.count() == 3
    assert sorted(AttachmentContent.objects.values_list("sha2", flat=True)) == sorted(
        [sha256(TEXT), sha256(OTHER)]
    )


def test_file_url_attachments_are_accepted_as_json(lrs: LRS) -> None:
    data = statement(
        statement_id=new_id(),
        attachments=[attachment(TEXT, fileUrl="https://files.example.org/essay.txt")],
    )
    response = lrs.client.post(
        "/xapi/statements", json.dumps(data), "application/json", headers=lrs.headers
    )
    assert response.status_code == 200, response.content
    assert not AttachmentContent.objects.exists()
    parts = read_multipart(lrs.get(statementId=data["id"], attachments="true"))
    assert len(parts) == 1  # the statement; the LRS holds no data for a fileUrl


def test_multipart_without_attachments_is_accepted(lrs: LRS) -> None:
    assert lrs.post(multipart_body([statement()])).status_code == 200


def test_attachments_false_never_sends_data(lrs: LRS) -> None:
    data = with_attachments(TEXT)
    lrs.post(multipart_body(data, [data_part(TEXT)]))
    response = lrs.get(attachments="false")
    assert response["Content-Type"] == "application/json"
    assert response.json()["statements"][0]["attachments"][0]["sha2"] == sha256(TEXT)


def test_data_of_a_resent_statement_is_not_stored(lrs: LRS) -> None:
    """Receiving a known statement id changes nothing (Communication 2.1.2.s2.b4)."""
    data = statement(statement_id=new_id())
    lrs.post(multipart_body(data))
    data["attachments"] = [attachment(TEXT)]
    assert lrs.post(multipart_body(data, [data_part(TEXT)])).status_code == 200
    assert not AttachmentContent.objects.exists()


# --- Hostile and malformed multipart bodies ---------------------------------------


def _body(case: str) -> tuple[bytes, str]:
    data = with_attachments(TEXT)
    good = data_part(TEXT)
    headers, payload = good
    ctype = content_type()
    if case == "missing hash header":
        parts = [({k: v for k, v in headers.items() if "Hash" not in k}, payload)]
    elif case == "hash not matching the data":
        parts = [data_part(b"other bytes", hash_=sha256(TEXT))]
    elif case == "hash not a sha2":
        parts = [data_part(TEXT, hash_="xyz")]
    elif case == "extra part":
        parts = [good, data_part(OTHER)]
    elif case == "missing part":
        data = with_attachments(TEXT, OTHER)
        parts = [good]
    elif case == "base64 transfer encoding":
        parts = [({**headers, "Content-Transfer-Encoding": "base64"}, payload)]
    elif case == "part type differs from contentType":
        parts = [data_part(TEXT, content_type="image/png")]
    elif case == "part length differs from length":
        parts = [({**headers, "Content-Length": "99"}, payload)]
    elif case == "repeated hash header":
        return (
            multipart_body(data, [good]).replace(
                b"X-Experience-API-Hash",
                b"X-Experience-API-Hash: 00\r\nX-Experience-API-Hash",
                1,
            ),
            ctype,
        )
    elif case == "first part not application/json":
        return multipart_body(data, [good], first_type="text/plain"), ctype
    elif case == "first part without content type":
        return multipart_body(data, [good], first_type=None), ctype
    elif case == "statements split over two parts":
        body = multipart_body(
            data, [({"Content-Type": "application/json"}, b"{}"), good]
        )
        return body, ctype
    elif case == "no boundary parameter":
        return multipart_body(data, [good]), "multipart/mixed;"
    elif case == "boundary not in the body":
        return multipart_body(data, [good], boundary="other-boundary"), ctype
    elif case == "invalid boundary":
        return multipart_body(data, [good]), "multipart/mixed; boundary=" + "b" * 71
    elif case == "no closing boundary":
        body = multipart_body(data, [good])
        return body[: body.rindex(b"--" + BOUNDARY.encode())], ctype
    elif case == "header without blank line":
        dash = b"--" + BOUNDARY.encode()
        body = (
            dash + b"\r\nContent-Type: application/json\r\n" + json.dumps(data).encode()
        )
        return body + b"\r\n" + dash + b"--\r\n", ctype
    elif case == "malformed header line":
        body = multipart_body(data, [good]).replace(
            b"Content-Transfer-Encoding: binary", b"no colon here", 1
        )
        return body, ctype
    elif case == "multipart/form-data":
        return multipart_body(data, [good]), f"multipart/form-data; boundary={BOUNDARY}"
    elif case == "json with attachment data missing":
        return json.dumps(data).encode(), "application/json"
    elif case == "garbage":
        return b"\x00\xff" * 100, ctype
    else:  # pragma: no cover
        raise AssertionError(case)
    return multipart_body(data, parts), ctype


# Each malformed body, and words the error message must contain.
HOSTILE = {
    "missing hash header": "no X-Experience-API-Hash header",
    "hash not matching the data": "does not hash to",
    "hash not a sha2": "must be a hex SHA-2 hash",
    "extra part": "no attachment declares",
    "missing part": "statement.attachments[1]: no fileUrl and no multipart part",
    "base64 transfer encoding": "Content-Transfer-Encoding binary",
    "part type differs from contentType": "differs from the Content-Type",
    "part length differs from length": "differs from the Content-Length",
    "repeated hash header": "repeats the X-Experience-API-Hash",
    "first part not application/json": "first part",
    "first part without content type": "first part",
    "statements split over two parts": "no X-Experience-API-Hash header",
    "no boundary parameter": "needs a boundary parameter",
    "boundary not in the body": "does not contain the boundary",
    "invalid boundary": "1 to 70 characters",
    "no closing boundary": "closing boundary",
    "header without blank line": "no blank line",
    "malformed header line": "malformed header line",
    "multipart/form-data": "must be application/json, or multipart/mixed",
    "json with attachment data missing": "no fileUrl and no multipart part",
    "garbage": "does not contain the boundary",
}


@pytest.mark.parametrize(("case", "expected"), HOSTILE.items())
def test_hostile_multipart_is_rejected_whole(
    lrs: LRS, case: str, expected: str
) -> None:
    body, ctype = _body(case)
    response = lrs.post(body, ctype)
    assert response.status_code == 400, (case, response.content)
    assert expected in response.json()["error"]
    assert nothing_stored()


def test_error_names_the_statement_and_attachment(lrs: LRS) -> None:
    batch = [statement(), with_attachments(TEXT, OTHER)]
    response = lrs.post(multipart_body(batch, [data_part(TEXT)]))
    assert response.status_code == 400
    assert "statements[1].attachments[1]" in response.json()["error"]


def test_a_missing_part_in_a_substatement_is_rejected(lrs: LRS) -> None:
    inner = {
        "objectType": "SubStatement",
        "actor": {"mbox": "mailto:bo@example.org"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/completed"},
        "object": {"id": "https://x.example/a"},
        "attachments": [attachment(TEXT)],
    }
    response = lrs.post(multipart_body(statement(object=inner)))
    assert response.status_code == 400
    assert "statement.object.attachments[0]" in response.json()["error"]
    ok = lrs.post(multipart_body(statement(object=inner), [data_part(TEXT)]))
    assert ok.status_code == 200, ok.content


def test_an_oversized_part_is_refused(lrs: LRS, settings: Any) -> None:
    settings.ENGAGE_XAPI_MAX_ATTACHMENT_BYTES = 100
    big = b"x" * 101
    response = lrs.post(multipart_body(with_attachments(big), [data_part(big)]))
    assert response.status_code == 413
    assert nothing_stored()


def test_an_oversized_body_is_refused_before_parsing(lrs: LRS, settings: Any) -> None:
    settings.ENGAGE_XAPI_MAX_BODY_BYTES = 2000
    big = b"x" * 2000
    response = lrs.post(multipart_body(with_attachments(big), [data_part(big)]))
    assert response.status_code == 413
    assert nothing_stored()


def test_the_lrs_limit_not_djangos_form_limit_applies(lrs: LRS, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    big = BINARY * 10
    response = lrs.post(multipart_body(with_attachments(big), [data_part(big)]))
    assert response.status_code == 200, response.content


# --- Credentials and roles --------------------------------------------------------


def test_scopes_apply_to_attachments() -> None:
    reader, reader_secret = lrs_client("reader", can_write=False)
    writer, writer_secret = lrs_client("writer", can_read=False)
    data = with_attachments(TEXT)
    body = multipart_body(data, [data_part(TEXT)])
    assert LRS(reader.key, reader_secret).post(body).status_code == 403
    assert nothing_stored()
    assert LRS(writer.key, writer_secret).post(body).status_code == 200
    forbidden = LRS(writer.key, writer_secret).get(attachments="true")
    assert forbidden.status_code == 403
    assert forbidden["Content-Type"] == "application/json"


@pytest.mark.parametrize(
    "role",
    [None, Role.LECTURER, Role.COACH, Role.FACULTY_COORDINATOR, Role.PROGRAMME_ADMIN],
)
def test_a_site_login_is_not_an_lrs_credential(role: Role | None, faculty: Any) -> None:
    """Signed-in people (any role) and anonymous visitors cannot read or write
    attachment data: only LRS client credentials can."""
    lrs, secret = lrs_client()
    LRS(lrs.key, secret).post(multipart_body(with_attachments(TEXT), [data_part(TEXT)]))
    client = Client()
    if role is not None:
        client.force_login(person(role, username=f"u-{role}", faculty=faculty))
    headers = {"X-Experience-API-Version": "1.0.3"}
    read = client.get("/xapi/statements?attachments=true", headers=headers)
    assert read.status_code == 401
    assert TEXT not in read.content
    body = multipart_body(with_attachments(OTHER), [data_part(OTHER)])
    write = client.generic(
        "POST", "/xapi/statements", body, content_type=content_type(), headers=headers
    )
    assert write.status_code == 401
    assert AttachmentContent.objects.count() == 1


# --- GET with attachments=true: paging and query count ------------------------------


def test_query_with_attachments_pages_and_counts_queries(
    lrs: LRS, django_assert_max_num_queries: Any, settings: Any
) -> None:
    settings.ENGAGE_XAPI_PAGE_SIZE = 40
    datas = [f"attachment {n}".encode() for n in range(60)]
    batch = [with_attachments(d) for d in datas]
    assert (
        lrs.post(multipart_body(batch, [data_part(d) for d in datas])).status_code
        == 200
    )

    with django_assert_max_num_queries(4):
        first = lrs.get(attachments="true", ascending="true")
    (_, document), *parts = read_multipart(first)
    page = json.loads(document)
    assert len(page["statements"]) == 40 and page["more"]
    assert [d for _, d in parts] == datas[:40]

    with django_assert_max_num_queries(4):
        second = lrs.client.get(page["more"], headers=lrs.headers)
    (_, document), *parts = read_multipart(second)  # the more link keeps attachments
    assert [d for _, d in parts] == datas[40:]
    assert json.loads(document)["more"] == ""


# --- Signed statements (Data 2.6) ---------------------------------------------------


@pytest.mark.parametrize("alg", ["RS256", "RS384", "RS512"])
def test_signed_statements_are_accepted(lrs: LRS, key: Any, alg: str) -> None:
    original = statement(statement_id=new_id())
    _, body = signed(original, jws(original, key, alg=alg))
    response = lrs.post(body)
    assert response.status_code == 200, response.content
    parts = read_multipart(lrs.get(statementId=original["id"], attachments="true"))
    assert parts[1][0]["Content-Type"] == "application/octet-stream"
    assert parts[1][1].startswith(b"eyJ")  # the JWS, returned as received


def test_a_signature_with_its_certificate_is_verified(lrs: LRS, key: Any) -> None:
    original = statement(statement_id=new_id())
    signature = jws(original, key, alg="RS384", certificate=self_signed(key))
    assert lrs.post(signed(original, signature)[1]).status_code == 200


def test_a_signature_the_certificate_does_not_verify_is_rejected(
    lrs: LRS, key: Any
) -> None:
    original = statement(statement_id=new_id())
    signature = jws(original, key, certificate=self_signed(new_key()))
    response = lrs.post(signed(original, signature)[1])
    assert response.status_code == 400
    assert "x5c" in response.json()["error"]
    assert nothing_stored()


@pytest.mark.parametrize(
    "received",
    [
        # Differences the LRS may have caused, or that do not count (Data 2.3.1).
        lambda s: {k: v for k, v in s.items() if k != "id"},
        lambda s: {**s, "verb": {**s["verb"], "display": {"nl-NL": "voltooid"}}},
        lambda s: {**s, "object": {**s["object"], "definition": {"name": {"en": "X"}}}},
        lambda s: {**s, "timestamp": "2024-05-01T12:00:00.000Z"},
        lambda s: {**s, "actor": {**s["actor"], "mbox": "mailto:ada@EXAMPLE.org"}},
        lambda s: {**s, "authority": {"mbox": "mailto:lrs@example.org"}},
        lambda s: {**s, "stored": "2024-05-01T12:00:00Z", "version": "1.0.3"},
    ],
)
def test_signed_payload_comparison_ignores_what_the_spec_ignores(
    lrs: LRS, key: Any, received: Any
) -> None:
    original = statement(statement_id=new_id(), timestamp="2024-05-01T14:00:00+02:00")
    signature = jws(original, key)
    sent = received(original)
    if "stored" in sent:
        original = {**original, "version": "1.0.3"}
        signature = jws(original, key)
    response = lrs.post(signed(sent, signature)[1])
    assert response.status_code == 200, response.content


def test_group_member_order_does_not_matter(lrs: LRS, key: Any) -> None:
    members = [{"mbox": f"mailto:m{n}@example.org"} for n in range(3)]
    original = statement(statement_id=new_id())
    original["actor"] = {"objectType": "Group", "member": members}
    sent = {**original, "actor": {"objectType": "Group", "member": members[::-1]}}
    assert lrs.post(signed(sent, jws(original, key))[1]).status_code == 200


def _bad_signature(case: str, key: Any, original: dict[str, Any]) -> bytes:
    if case == "alg none":
        return jws(original, key, alg="none") + b"c2ln"
    if case == "alg none, empty signature":
        return jws(original, key, alg="none")
    if case == "alg HS256":
        return jws(original, key, alg="HS256")
    if case == "alg missing":
        return jws(original, key, alg="RS256").replace(
            jws(original, key).split(b".")[0], b"e30", 1
        )
    if case == "payload of another statement":
        return jws({**original, "verb": {"id": "http://x.example/other"}}, key)
    if case == "payload with another id":
        return jws({**original, "id": new_id()}, key)
    if case == "payload with another duration":
        return jws({**original, "result": {"duration": "PT60S"}}, key)
    if case == "payload not JSON":
        return jws(json.dumps(original).replace('"', "'", 1).encode(), key)
    if case == "payload a JSON array":
        return jws([original], key)
    if case == "two segments":
        return b".".join(jws(original, key).split(b".")[:2])
    if case == "not base64url":
        return b"!!!." + b".".join(jws(original, key).split(b".")[1:])
    if case == "JSON serialization":
        return json.dumps({"payload": "e30", "signatures": []}).encode()
    if case == "binary junk":
        return b"\xff\xfe\x00"
    if case == "critical extension":
        return jws(original, key, crit=["b64"], b64=False)
    if case == "x5c not a certificate":
        return jws(original, key, x5c=["bm90IGEgY2VydA=="])
    raise AssertionError(case)  # pragma: no cover


SIGNATURE_CASES = {
    "alg none": "must be RS256, RS384 or RS512, not 'none'",
    "alg none, empty signature": "compact serialization",
    "alg HS256": "must be RS256, RS384 or RS512, not 'HS256'",
    "alg missing": "must be RS256, RS384 or RS512, not None",
    "payload of another statement": "differs from the statement received",
    "payload with another id": "differs from the statement received",
    "payload with another duration": "differs from the statement received",
    "payload not JSON": "payload is not valid JSON",
    "payload a JSON array": "payload must be a JSON object",
    "two segments": "compact serialization",
    "not base64url": "not base64url-encoded",
    "JSON serialization": "JSON serialization",
    "binary junk": "compact serialization",
    "critical extension": "critical extensions",
    "x5c not a certificate": "not a DER X.509 certificate",
}


@pytest.mark.parametrize(("case", "expected"), SIGNATURE_CASES.items())
def test_malformed_signatures_are_rejected(
    lrs: LRS, key: Any, case: str, expected: str
) -> None:
    original = statement(statement_id=new_id(), result={"duration": "PT1M"})
    response = lrs.post(signed(original, _bad_signature(case, key, original))[1])
    assert response.status_code == 400, (case, response.content)
    error = response.json()["error"]
    assert error.startswith("statement.attachments[0]: malformed signature")
    assert expected in error
    assert nothing_stored()


def test_a_signature_needs_content_type_octet_stream(lrs: LRS, key: Any) -> None:
    original = statement(statement_id=new_id())
    _, body = signed(
        original, jws(original, key), content_type="text/plain; charset=ascii"
    )
    response = lrs.post(body)
    assert response.status_code == 400
    assert "application/octet-stream" in response.json()["error"]


def test_a_signature_known_only_by_file_url_cannot_be_checked(lrs: LRS) -> None:
    data = statement(
        attachments=[
            attachment(
                b"sig",
                usage=SIGNATURE,
                content_type="application/octet-stream",
                fileUrl="https://files.example.org/sig.jws",
            )
        ]
    )
    response = lrs.client.post(
        "/xapi/statements", json.dumps(data), "application/json", headers=lrs.headers
    )
    assert response.status_code == 400
    assert nothing_stored()


def test_one_bad_signature_rejects_the_batch(lrs: LRS, key: Any) -> None:
    good = statement(statement_id=new_id())
    bad = statement(statement_id=new_id(), email="bo@example.org")
    good_signed, _ = signed(good, jws(good, key))
    bad_signature = jws(good, key)  # signs the other statement
    bad_signed, _ = signed(bad, bad_signature)
    body = multipart_body(
        [good_signed, bad_signed],
        [
            data_part(jws(good, key), content_type="application/octet-stream"),
        ],
    )
    response = lrs.post(body)
    assert response.status_code == 400
    assert "statements[1].attachments[0]" in response.json()["error"]
    assert nothing_stored()


# --- The tincan client over real HTTP -----------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tincan_statements_with_attachments_over_real_http(
    live_server: Any, django_db_serialized_rollback: Any, transactional_db: Any
) -> None:
    """tincan's RemoteLRS has no multipart support: its statements (with tincan
    Attachment objects) travel through its own transport in the request format
    of Communication 1.5.2, and its fileUrl-only statements through its API.
    That transport sends text only, so the attachment here is ASCII text."""
    from tincan import (
        Activity,
        Agent,
        Attachment,
        HTTPRequest,
        LanguageMap,
        RemoteLRS,
        Verb,
    )
    from tincan import Statement as TincanStatement

    client, secret = lrs_client("tincan")
    remote = RemoteLRS(
        version="1.0.3",
        endpoint=f"{live_server.url}/xapi/",
        username=client.key,
        password=secret,
    )

    def tincan_statement(**attachment_kwargs: Any) -> TincanStatement:
        return TincanStatement(
            actor=Agent(mbox="mailto:learner@example.org"),
            verb=Verb(
                id="http://adlnet.gov/expapi/verbs/completed",
                display=LanguageMap({"en-US": "completed"}),
            ),
            object=Activity(id="https://content.example.org/activities/essay"),
            attachments=[
                Attachment(
                    usage_type="http://example.com/attachment-usage/essay",
                    display=LanguageMap({"en-US": "Essay"}),
                    content_type="text/plain",
                    length=len(ESSAY),
                    sha2=sha256(ESSAY),
                    **attachment_kwargs,
                )
            ],
        )

    by_url = remote.save_statement(
        tincan_statement(fileurl="https://files.example.org/essay.bin")
    )
    assert by_url.success, by_url.data
    assert not AttachmentContent.objects.exists()

    document = json.loads(tincan_statement().to_json("1.0.3"))
    body = multipart_body(document, [data_part(ESSAY, content_type="text/plain")])
    saved = remote._send_request(
        HTTPRequest(
            method="POST",
            resource="statements",
            headers={"Content-Type": content_type()},
            content=body,
        )
    )
    assert saved.success, saved.data
    statement_id = json.loads(saved.data)[0]

    fetched = remote._send_request(
        HTTPRequest(
            method="GET",
            resource="statements",
            query_params={"statementId": statement_id, "attachments": "true"},
        )
    )
    assert fetched.success
    wire = type(
        "Response",
        (),
        {
            # LRSResponse hands back the body decoded as text.
            "content": fetched.data.encode("utf-8"),
            "__getitem__": lambda self, name: fetched.response.getheader(name),
        },
    )()
    (_, first), (headers, data) = read_multipart(wire)
    returned = TincanStatement.from_json(first.decode())
    assert str(returned.id) == statement_id
    assert returned.attachments[0].sha2 == sha256(ESSAY)
    assert headers["X-Experience-API-Hash"] == sha256(ESSAY)
    assert data == ESSAY


# --- Forwarding carries the attachment data (Communication 1.5.2.s3.b3) -------------


def test_forwarding_sends_the_attachment_data(lrs: LRS, second_lrs: Any) -> None:
    import urllib.request

    from lms.xapi.models import Destination
    from lms.xapi.services import forwarding

    destination = Destination.objects.create(
        name="second",
        endpoint=second_lrs.url,
        username=second_lrs.key,
        password=second_lrs.secret,
    )
    with_data = with_attachments(BINARY)
    by_url = statement(
        statement_id=new_id(),
        attachments=[attachment(OTHER, fileUrl="https://files.example.org/o.txt")],
    )
    plain = statement(statement_id=new_id())
    body = multipart_body([with_data, by_url, plain], [data_part(BINARY)])
    assert lrs.post(body).status_code == 200

    result = forwarding.drain(destination.pk)
    assert result.sent == 3 and result.failed == 0 and result.dead == 0

    token = base64.b64encode(f"{second_lrs.key}:{second_lrs.secret}".encode())
    request = urllib.request.Request(  # noqa: S310 - a local test server
        f"{second_lrs.url}statements?statementId={with_data['id']}&attachments=true",
        headers={
            "Authorization": f"Basic {token.decode()}",
            "X-Experience-API-Version": "1.0.3",
        },
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        wire = type(
            "Response",
            (),
            {
                "content": answer.read(),
                "__getitem__": lambda self, name, h=answer.headers: h[name],
            },
        )()
    (_, first), (headers, data) = read_multipart(wire)
    assert json.loads(first)["id"] == with_data["id"]
    assert headers["X-Experience-API-Hash"] == sha256(BINARY)
    assert data == BINARY
