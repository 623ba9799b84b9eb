"""The Activities resource, GET /xapi/activities (xAPI 1.0.3 Communication 2.5)."""

from __future__ import annotations

import hashlib
from typing import Any
from urllib.parse import urlencode

import pytest
from django.test import Client

from lms.xapi.models import Statement
from lms.xapi.rules.activity_definition import merge_definition
from tests.lms.xapi.factories import new_id, statement
from tests.lms.xapi.lrs_http import Lrs

pytestmark = pytest.mark.django_db

QUIZ = "https://content.example.org/quiz/7"
CHOICE = {
    "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
    "interactionType": "choice",
    "correctResponsesPattern": ["a"],
    "choices": [{"id": "a", "description": {"en-US": "A"}}],
}


def _activity(lrs: Lrs, iri: str = QUIZ) -> Any:
    return lrs.get("/xapi/activities", activityId=iri)


def _about_quiz(definition: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return statement(
        object={"objectType": "Activity", "id": QUIZ, "definition": definition},
        **extra,
    )


def test_activities_returns_the_full_activity_object() -> None:
    """Communication 2.5.s1: "Loads the complete Activity Object specified." The
    definitions statements gave, merged oldest first: a later name or description
    in another language is added, a later text in the same language replaces the
    earlier one, extensions merge by key, and a definition given only in a
    context activity or a SubStatement counts too."""
    lrs = Lrs.new()
    lrs.post_statements([_about_quiz({"name": {"en-US": "Quiz"}, **CHOICE})])
    lrs.post_statements([_about_quiz({"name": {"nl-NL": "Toets"}})])
    lrs.post_statements(
        [
            statement(
                context={
                    "contextActivities": {
                        "parent": {
                            "id": QUIZ,
                            "definition": {
                                "name": {"en-US": "Quiz seven"},
                                "extensions": {"https://x.example/ext/a": 1},
                            },
                        }
                    }
                }
            )
        ]
    )
    lrs.post_statements(
        [
            statement(
                object={
                    "objectType": "SubStatement",
                    "actor": {"mbox": "mailto:bob@example.org"},
                    "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
                    "object": {
                        "id": QUIZ,
                        "definition": {
                            "description": {"en-US": "Seven questions"},
                            "extensions": {"https://x.example/ext/b": 2},
                        },
                    },
                }
            )
        ]
    )
    response = _activity(lrs)
    assert response.status_code == 200
    assert response.json() == {
        "objectType": "Activity",
        "id": QUIZ,
        "definition": {
            "name": {"en-US": "Quiz seven", "nl-NL": "Toets"},
            "description": {"en-US": "Seven questions"},
            "extensions": {"https://x.example/ext/a": 1, "https://x.example/ext/b": 2},
            **CHOICE,
        },
    }


def test_activities_significant_changes_do_not_alter_the_canonical_definition() -> None:
    """Data 2.4.4.1.s4.b5: "An LRS SHOULD NOT make significant changes to its
    canonical definition for the Activity based on an updated definition e.g.
    changes to correct responses." The first interaction stays."""
    lrs = Lrs.new()
    lrs.post_statements([_about_quiz(CHOICE)])
    lrs.post_statements(
        [_about_quiz({**CHOICE, "correctResponsesPattern": ["b"], "choices": []})]
    )
    definition = _activity(lrs).json()["definition"]
    assert definition["correctResponsesPattern"] == ["a"]
    assert definition["choices"] == CHOICE["choices"]


def test_activities_voided_statements_do_not_define_the_activity() -> None:
    lrs = Lrs.new()
    voided_id = new_id()
    lrs.post_statements([_about_quiz({"name": {"en-US": "Withdrawn"}}, id=voided_id)])
    lrs.post_statements(
        [
            statement(
                verb="http://adlnet.gov/expapi/verbs/voided",
                object={"objectType": "StatementRef", "id": voided_id},
            )
        ]
    )
    assert "definition" not in _activity(lrs).json()


def test_activities_unknown_activity_still_returns_an_activity_object() -> None:
    """Communication 2.5.s2.b1: "If an LRS does not have a canonical definition of
    the Activity to return, the LRS SHOULD* still return an Activity Object when
    queried." An Activity never mentioned, or mentioned without a definition, is
    200 with its id; never a 404."""
    lrs = Lrs.new()
    never = "https://content.example.org/never-mentioned"
    assert _activity(lrs, never).json() == {"objectType": "Activity", "id": never}
    lrs.post_statements([statement(activity=QUIZ)])
    response = _activity(lrs)
    assert response.status_code == 200
    assert response.json() == {"objectType": "Activity", "id": QUIZ}


def test_activities_get_has_etag_of_sha1_of_content_and_head_has_no_body() -> None:
    """Communication 2.5: "This resource has Concurrency controls associated with
    it"; 3.1.s4.b1/b2/b4: ETag = quoted lowercase hex SHA-1 of the contents."""
    lrs = Lrs.new()
    lrs.post_statements([_about_quiz(CHOICE)])
    get = _activity(lrs)
    assert (
        get["ETag"]
        == f'"{hashlib.sha1(get.content, usedforsecurity=False).hexdigest()}"'
    )
    head = lrs.head("/xapi/activities", activityId=QUIZ)
    assert (head.status_code, head.content, head["ETag"]) == (200, b"", get["ETag"])


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({}, "required"),
        ({"activityId": ""}, "IRI"),
        ({"activityId": "not an iri"}, "IRI"),
        ({"activityId": "relative/path"}, "IRI"),
        ({"activityId": "https://x.example/a b"}, "IRI"),
        ({"activityId": "https://x.example/\u0000"}, "IRI"),
        ({"activityId": "https://x.example/" + "a" * 3000}, "longer"),
        ({"activityId": "https://x.example/" + "a" * 3_000_000}, "longer"),
        ({"activityId": QUIZ, "agent": "{}"}, "Unknown parameter"),
    ],
)
def test_activities_missing_or_invalid_iri_is_400_with_reason(
    params: dict[str, str], reason: str
) -> None:
    """Communication 2.5.s1: activityId, an Activity id (IRI), is required;
    anything else is a 400 (Communication 3.2) saying why."""
    response = Lrs.new().get("/xapi/activities", **params)
    assert response.status_code == 400
    assert reason.lower() in response.json()["error"].lower()


def test_activities_lone_surrogate_and_invalid_utf8_are_400_not_5xx() -> None:
    lrs = Lrs.new()
    for query in ("activityId=https%3A%2F%2Fx.example%2F%ED%A0%80", "activityId=%FF"):
        response = lrs.client.get(f"/xapi/activities?{query}", headers=lrs.headers)
        assert response.status_code == 400
        assert "IRI" in response.json()["error"]


def test_activities_repeated_parameter_is_400() -> None:
    lrs = Lrs.new()
    response = lrs.client.get(
        f"/xapi/activities?activityId={QUIZ}&activityId={QUIZ}", headers=lrs.headers
    )
    assert response.status_code == 400
    assert "once" in response.json()["error"]


def test_activities_requires_credentials_version_and_read_scope() -> None:
    version = {"X-Experience-API-Version": "1.0.3"}
    query = {"activityId": QUIZ}
    assert Client().get("/xapi/activities", query, headers=version).status_code == 401
    assert (
        Lrs.new("r", can_write=False).get("/xapi/activities", **query).status_code
        == 200
    )
    assert (
        Lrs.new("w", can_read=False).get("/xapi/activities", **query).status_code == 403
    )
    unversioned = Lrs.new("old")
    del unversioned.headers["X-Experience-API-Version"]
    assert unversioned.get("/xapi/activities", **query).status_code == 400


@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_activities_other_methods_are_405(method: str) -> None:
    lrs = Lrs.new()
    response = getattr(lrs.client, method)(
        f"/xapi/activities?activityId={QUIZ}", headers=lrs.headers
    )
    assert response.status_code == 405


def test_activities_alternate_request_syntax() -> None:
    lrs = Lrs.new()
    response = lrs.client.post(
        "/xapi/activities?method=GET",
        urlencode({"activityId": QUIZ, **lrs.headers}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert response.json()["id"] == QUIZ


def test_activities_cors_preflight(settings: Any) -> None:
    settings.ENGAGE_XAPI_CORS_ORIGINS = ["*"]
    response = Client().options(
        "/xapi/activities",
        headers={
            "Origin": "https://h5p.example",
            "Access-Control-Request-Method": "GET",
        },
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"


def test_activities_reads_in_one_query(django_assert_max_num_queries: Any) -> None:
    lrs = Lrs.new()
    lrs.post_statements(
        [_about_quiz({"name": {f"x-{i}": f"name {i}"}}) for i in range(60)]
    )
    assert Statement.objects.count() == 60
    with django_assert_max_num_queries(2):  # the client's credentials, the activity
        response = _activity(lrs)
    assert len(response.json()["definition"]["name"]) == 60


def test_merge_definition_type_and_more_info_take_the_newer_value() -> None:
    merged = merge_definition(
        {"type": "https://x.example/t1", "moreInfo": "https://x.example/1"},
        {"type": "https://x.example/t2", "moreInfo": "https://x.example/2"},
    )
    assert merged == {"type": "https://x.example/t2", "moreInfo": "https://x.example/2"}
