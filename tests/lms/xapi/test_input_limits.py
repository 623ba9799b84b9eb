"""The LRS's input limits (lms.input_limits) over HTTP: every hostile body an
attacker found answers 400 (413 for its size) with the reason, stores nothing and
never answers 500; whatever the LRS accepts, it gives back unchanged."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import override_settings

from lms.input_limits import INT64
from lms.xapi.checks import check_xapi_settings
from lms.xapi.exceptions import BadRequest
from lms.xapi.models import Statement
from lms.xapi.services import store_statements
from tests.lms.xapi.factories import lrs_client, new_id, statement
from tests.lms.xapi.test_statements_resource import LRS

pytestmark = pytest.mark.django_db

EXTENSION = "https://content.example.org/extensions/answer"
MARK = '"@@VALUE@@"'


@pytest.fixture
def lrs() -> LRS:
    client, secret = lrs_client()
    return LRS(client.key, secret)


def with_extension(raw_value: str, *, batch: int = 1) -> str:
    """JSON text of a batch whose last statement's result extension is `raw_value`
    verbatim; the statement object itself nests three levels (statement, result,
    extensions), the batch array one more."""
    good = [statement(email=f"l{i}@example.org") for i in range(batch - 1)]
    poisoned = statement(result={"extensions": {EXTENSION: "@@VALUE@@"}})
    return json.dumps([*good, poisoned]).replace(MARK, raw_value)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def refused(response: Any, status: int, reason: str) -> None:
    assert response.status_code == status, response.content[:300]
    assert reason in response.json()["error"], response.json()


HOSTILE = {
    # (raw JSON text of the extension value, expected reason)
    "document depth 65": (nested(61), "nested too deeply"),
    "nested 923": (nested(923), "nested too deeply"),
    "nested 10,000": (nested(10_000), "nested too deeply"),
    "nested 100,000": (nested(100_000), "nested too deeply"),
    "nested unclosed 100,000": ("[" * 100_000, "nested too deeply"),
    "nested objects 10,000": ('{"a":' * 10_000 + "1" + "}" * 10_000, "too deeply"),
    "lone surrogate escape": ('"\\ud800"', "lone surrogate (\\ud800)"),
    "lone low surrogate escape": ('"a\\udc00b"', "lone surrogate (\\udc00)"),
    "surrogates reversed": ('"\\ude00\\ud83d"', "lone surrogate"),
    "NUL in a value": ('"a\\u0000b"', "NUL character"),
    "NUL in an extension key": ('{"k\\u0000": 1}', "NUL character"),
    "100,000-digit integer": ("9" * 100_000, "more than 40 digits"),
    "100,000-digit negative integer": ("-" + "9" * 100_000, "more than 40 digits"),
    "integer past 64 bits": (str(INT64[1] + 1), "is outside"),
    "integer below 64 bits": (str(INT64[0] - 1), "is outside"),
    "float past 2**53": ("1.7976931348623157e308", "is too large"),
    "negative float past 2**53": ("-9007199254740993.5", "is too large"),
    "NaN": ("NaN", "NaN is not a JSON number"),
    "Infinity": ("Infinity", "Infinity is not a JSON number"),
    "-Infinity": ("-Infinity", "-Infinity is not a JSON number"),
    "a float that overflows": ("1e400", "too large"),
    "a float with 100,000 digits": ("0." + "1" * 100_000, "more than 40 characters"),
}


@pytest.mark.parametrize(("raw", "reason"), HOSTILE.values(), ids=HOSTILE)
@pytest.mark.parametrize("batch", [1, 91], ids=["alone", "in a batch of 91"])
def test_hostile_json_is_refused_with_its_reason_and_stores_nothing(
    lrs: LRS, raw: str, reason: str, batch: int
) -> None:
    before = Statement.objects.count()
    refused(lrs.post(None, raw=with_extension(raw, batch=batch).encode()), 400, reason)
    assert Statement.objects.count() == before


def test_the_depth_limit_is_64_levels_for_the_whole_document(lrs: LRS) -> None:
    # statement array (1) + statement (2) + result (3) + extensions (4) + 60 = 64
    accepted = lrs.post(None, raw=with_extension(nested(60)).encode())
    assert accepted.status_code == 200, accepted.content
    refused(lrs.post(None, raw=with_extension(nested(61)).encode()), 400, "64 levels")
    assert Statement.objects.count() == 1


def test_brackets_inside_strings_are_not_nesting(lrs: LRS) -> None:
    value = json.dumps(["[" * 5000 + '\\"{' * 100, "]" * 5000])
    assert lrs.post(None, raw=with_extension(value).encode()).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b'{"actor": {"mbox": "mailto:\xed\xa0\x80@example.org"}}',  # UTF-8 of \ud800
        b'{"actor": {"mbox": "mailto:\xed\xb0\x80@example.org"}}',  # of \udc00
        b'{"actor": {"name": "\xff"}}',
        b'{"actor": {"name": "\xc0\x80"}}',  # an overlong NUL
    ],
    ids=["high surrogate", "low surrogate", "0xff", "overlong NUL"],
)
def test_invalid_utf8_is_refused(lrs: LRS, body: bytes) -> None:
    refused(lrs.post(None, raw=body), 400, "not valid UTF-8")
    assert not Statement.objects.exists()


@pytest.mark.parametrize(
    "field",
    ["verb.display.en-US", "actor.name", "context.extensions key", "result.response"],
)
def test_nul_anywhere_in_a_statement_is_refused(lrs: LRS, field: str) -> None:
    data = statement(context={"extensions": {EXTENSION: 1}}, result={"response": "a"})
    if field == "verb.display.en-US":
        data["verb"]["display"]["en-US"] = "com\x00pleted"
    elif field == "actor.name":
        data["actor"]["name"] = "Ada\x00"
    elif field == "result.response":
        data["result"]["response"] = "\x00"
    else:
        data["context"]["extensions"] = {EXTENSION + "\x00": 1}
    refused(lrs.post(data), 400, "NUL character")
    assert not Statement.objects.exists()


def test_the_error_names_where_the_bad_string_is(lrs: LRS) -> None:
    response = lrs.post(None, raw=with_extension('"\\u0000"', batch=3).encode())
    refused(response, 400, f"at /2/result/extensions/{EXTENSION.replace('/', '~1')}")


@override_settings(ENGAGE_XAPI_MAX_BODY_BYTES=10 * 1024 * 1024)
def test_a_body_over_the_size_limit_is_413_before_parsing(lrs: LRS) -> None:
    body = with_extension(json.dumps("x" * (11 * 1024 * 1024))).encode()
    refused(lrs.post(None, raw=body), 413, "exceeds 10485760 bytes")
    assert not Statement.objects.exists()


def test_put_and_the_alternate_syntax_have_the_same_limits(lrs: LRS) -> None:
    statement_id = new_id()
    raw = with_extension(nested(10_000))[1:-1]  # the statement, not the array
    response = lrs.client.put(
        f"/xapi/statements?statementId={statement_id}",
        raw,
        content_type="application/json",
        headers=lrs.headers,
    )
    refused(response, 400, "nested too deeply")
    form = {
        "Authorization": lrs.headers["Authorization"],
        "X-Experience-API-Version": "1.0.3",
        "content": with_extension('"\\ud800"'),
    }
    alternate = lrs.client.generic(
        "POST",
        "/xapi/statements?method=POST",
        urlencode(form),
        content_type="application/x-www-form-urlencoded",
    )
    refused(alternate, 400, "lone surrogate")
    assert not Statement.objects.exists()


def test_the_agent_parameter_has_the_same_limits(lrs: LRS) -> None:
    for agent in (nested(100_000), '{"mbox": "mailto:\\u0000@example.org"}'):
        response = lrs.get(agent=agent)
        refused(response, 400, "Parameter 'agent' must be a JSON Agent or Group")


EDGE_VALUES = {
    "largest 64-bit integer": INT64[1],
    "smallest 64-bit integer": INT64[0],
    "40-digit float": float("0." + "1" * 38),
    "largest float stored exactly": 2.0**53 - 1,
    "negative zero": -0.0,
    "emoji (sent as a surrogate pair escape)": "😀",
    "control characters but NUL": "\x01\x1f\x7f",
    "nested arrays with text": [[[["deep"]]]],
    "unicode keys": {"clé": "値", "": "empty key"},
}


@pytest.mark.parametrize("value", EDGE_VALUES.values(), ids=EDGE_VALUES)
def test_what_is_accepted_is_fetched_back_unchanged(lrs: LRS, value: Any) -> None:
    sent = statement(statement_id=new_id(), result={"extensions": {EXTENSION: value}})
    assert lrs.post(sent).status_code == 200
    fetched = lrs.get(statementId=sent["id"])
    assert fetched.status_code == 200
    back = json.loads(fetched.content)
    assert back["result"]["extensions"][EXTENSION] == value
    assert back == Statement.objects.get().payload
    listed = json.loads(lrs.get().content)["statements"]
    assert listed == [back]


def test_the_escape_of_an_emoji_pair_is_one_character(lrs: LRS) -> None:
    raw = with_extension('"\\ud83d\\ude00"')
    assert lrs.post(None, raw=raw.encode()).status_code == 200
    assert Statement.objects.get().payload["result"]["extensions"][EXTENSION] == "😀"


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), "\ud800", "a\x00", {"k": {1, 2}}],
    ids=["nan", "inf", "surrogate", "nul", "a set"],
)
def test_the_service_refuses_what_json_cannot_give_back(value: Any) -> None:
    """Anything else that calls store_statements meets the same guard."""
    data = statement(result={"extensions": {EXTENSION: value}})
    with pytest.raises(BadRequest):
        store_statements([statement(email="ok@example.org"), data], client=None)
    assert not Statement.objects.exists()


@pytest.mark.parametrize("depth", [15, 257, 100_000, "64", None])
def test_a_depth_limit_that_cannot_work_fails_the_system_check(depth: Any) -> None:
    with override_settings(ENGAGE_XAPI_MAX_JSON_DEPTH=depth):
        assert "engage_xapi.E004" in [error.id for error in check_xapi_settings()]
    with override_settings(ENGAGE_XAPI_MAX_JSON_DEPTH=16):
        assert "engage_xapi.E004" not in [error.id for error in check_xapi_settings()]


@override_settings(ENGAGE_XAPI_MAX_JSON_DEPTH=16)
def test_the_depth_limit_is_a_setting(lrs: LRS) -> None:
    assert lrs.post(None, raw=with_extension(nested(12)).encode()).status_code == 200
    refused(lrs.post(None, raw=with_extension(nested(13)).encode()), 400, "16 levels")


LONG = "https://content.example.org/" + "a" * 2100


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (statement(activity=LONG), "object.id"),
        (statement(verb=LONG), "verb.id"),
        (
            statement(context={"contextActivities": {"parent": [{"id": LONG}]}}),
            "parent",
        ),
        (
            statement(
                object={
                    "objectType": "SubStatement",
                    "actor": {"mbox": "mailto:bob@example.org"},
                    "verb": {"id": LONG},
                    "object": {"id": "https://content.example.org/q"},
                }
            ),
            "verb.id",
        ),
    ],
)
def test_an_indexed_iri_longer_than_its_column_is_400_not_500(
    lrs: LRS, data: dict[str, Any], where: str
) -> None:
    """Verb and Activity ids are indexed in 2048-character columns: PostgreSQL
    refused a longer one with a 500 (DataError). Now it is a 400 saying where."""
    response = lrs.post([data])
    assert response.status_code == 400
    assert where in response.json()["error"]
    assert "2048" in response.json()["error"]
    assert not Statement.objects.exists()


def test_an_indexed_iri_of_exactly_2048_characters_is_stored(lrs: LRS) -> None:
    iri = "https://content.example.org/" + "a" * (2048 - 28)
    assert len(iri) == 2048
    response = lrs.post([statement(activity=iri, verb=iri)])
    assert response.status_code == 200
    assert Statement.objects.get().payload["object"]["id"] == iri


def test_the_iri_limit_matches_the_indexed_columns() -> None:
    from lms.xapi.models import StatementActivity
    from lms.xapi.rules.validation import MAX_INDEXED_IRI_LENGTH

    for model, field in (
        (Statement, "verb_iri"),
        (Statement, "object_activity_iri"),
        (StatementActivity, "activity_iri"),
    ):
        assert model._meta.get_field(field).max_length == MAX_INDEXED_IRI_LENGTH
