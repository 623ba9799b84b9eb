"""Session evaluations in the lecturer's API: the open ones, answering one, bad
input and who may do what; documented in the OpenAPI schema."""

from __future__ import annotations

import json
from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from tests.trajectories.api_world import api_client
from tests.trajectories.evaluation_world import EvalWorld, build_world
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import (
    EvaluationAnswer,
    EvaluationResponse,
    EvaluationSubmission,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/session-evaluations/"


def _respond(session_id: int) -> str:
    return f"{LIST}{session_id}/response/"


@pytest.fixture
def world(coach: Any) -> EvalWorld:
    return build_world(coach)


def _post(client: Any, url: str, data: Any) -> Any:
    return client.post(url, json.dumps(data), content_type="application/json")


def test_a_participant_lists_and_answers_an_open_evaluation(
    world: EvalWorld,
) -> None:
    participant = world.participants[0]
    client = api_client(participant.user)
    listing = client.get(LIST)
    assert listing.status_code == 200
    body = listing.json()
    assert body["count"] == 1
    (item,) = body["results"]
    assert item["session"] == world.session.pk and item["number"] == 1
    assert item["anonymous"] is True and item["answered"] is False
    assert item["enrolment"] == participant.pk
    assert [q["kind"] for q in item["questions"]] == ["likert", "likert", "text"]
    assert item["url"].endswith(f"/trajectory/evaluations/{world.session.pk}/")

    keys = [q["key"] for q in item["questions"]]
    answered = _post(
        client,
        _respond(world.session.pk),
        {"answers": {keys[0]: 5, keys[2]: "More time."}, "anonymous": True},
    )
    assert answered.status_code == 201, answered.content
    assert answered.json() == {
        "session": world.session.pk,
        "received": True,
        "submitted_on": answered.json()["submitted_on"],
    }
    assert EvaluationResponse.objects.get().enrolment is None
    assert client.get(LIST).json()["results"][0]["answered"] is True

    again = _post(client, _respond(world.session.pk), {"answers": {keys[0]: 1}})
    assert again.status_code == 409
    assert "already evaluated" in again.json()["detail"]
    assert EvaluationResponse.objects.count() == 1


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"k0": 0}, {"k0": ["Choose a whole number from 1 to 5."]}),
        ({"k0": 6}, {"k0": ["Choose a whole number from 1 to 5."]}),
        ({"k0": "five"}, {"k0": ["Choose a whole number from 1 to 5."]}),
        ({"k0": 4, "k2": 3}, {"k2": ["Send the answer as text."]}),
        ({"k1": 4}, {"k0": ["This question needs an answer."]}),
        (
            {"k0": 4, "k2": "z" * 2001},
            {"k2": ["Write at most 2,000 characters (you wrote 2,001)."]},
        ),
    ],
)
def test_bad_answers_get_a_message_per_question(
    world: EvalWorld, answers: dict[str, Any], expected: dict[str, list[str]]
) -> None:
    keys = {f"k{i}": key for i, key in enumerate(world.keys)}
    client = api_client(world.participants[0].user)
    response = _post(
        client,
        _respond(world.session.pk),
        {"answers": {keys[k]: v for k, v in answers.items()}},
    )
    assert response.status_code == 400
    assert response.json() == {
        "answers": {keys[k]: messages for k, messages in expected.items()}
    }
    assert not EvaluationSubmission.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "answers"),
        ({"answers": []}, "answers"),
        ({"answers": "4"}, "answers"),
        ({"answers": {"x": {"nested": 1}}}, "answers"),
        ({"answers": {"x": True}}, "answers"),
        ({"answers": {"x": None}}, "answers"),
        ({"answers": {"x": 1.5}}, "answers"),
        ({"answers": {"x": "y" * 30_000}}, "answers"),
        ({"answers": {f"x{i}": 1 for i in range(101)}}, "answers"),
        ({"answers": {}, "anonymous": "perhaps"}, "anonymous"),
    ],
)
def test_malformed_bodies_are_refused_by_field(
    world: EvalWorld, payload: Any, field: str
) -> None:
    client = api_client(world.participants[0].user)
    response = _post(client, _respond(world.session.pk), payload)
    assert response.status_code == 400
    assert field in response.json()
    assert not EvaluationSubmission.objects.exists()


def test_unknown_keys_hostile_html_and_non_json(world: EvalWorld) -> None:
    keys = world.keys
    client = api_client(world.participants[0].user)
    unknown = _post(
        client, _respond(world.session.pk), {"answers": {keys[0]: 4, "nope": 2}}
    )
    assert unknown.status_code == 400
    (message,) = unknown.json()["answers"]
    assert message.startswith("Unknown question(s): nope.")
    form = client.post(_respond(world.session.pk), {"answers": "x"})
    assert form.status_code == 415
    deep = client.post(
        _respond(world.session.pk),
        "[" * 5000 + "]" * 5000,
        content_type="application/json",
    )
    assert deep.status_code == 400
    assert not EvaluationAnswer.objects.exists()

    hostile = _post(
        client,
        _respond(world.session.pk),
        {"answers": {keys[0]: 3, keys[2]: '<a href="javascript:x()">click</a> me'}},
    )
    assert hostile.status_code == 201
    assert EvaluationAnswer.objects.get(likert__isnull=True).text == "click me"


def test_not_open_closed_or_not_attended_is_a_clear_400(
    world: EvalWorld, coach: Any
) -> None:
    participant = world.participants[0]
    client = api_client(participant.user)
    later = world.cohort.sessions.get(number=2)
    services.mark_attendance(
        actor=coach, session=later, enrolment=participant, status="present"
    )
    answers = {"answers": {world.keys[0]: 4}}
    response = _post(client, _respond(later.pk), answers)
    assert response.status_code == 400
    assert "once it has ended" in response.json()["detail"][0]
    services.mark_attendance(
        actor=coach, session=world.session, enrolment=participant, status="excused"
    )
    response = _post(client, _respond(world.session.pk), answers)
    assert response.status_code == 400
    assert "who attended" in response.json()["detail"][0]
    assert not EvaluationSubmission.objects.exists()


def test_a_broken_promise_of_anonymity_is_a_conflict(coach: Any) -> None:
    world = build_world(coach, anonymous=False)
    client = api_client(world.participants[0].user)
    response = _post(
        client,
        _respond(world.session.pk),
        {"answers": {world.keys[0]: 4}, "anonymous": True},
    )
    assert response.status_code == 409
    assert not EvaluationSubmission.objects.exists()
    named = _post(client, _respond(world.session.pk), {"answers": {world.keys[0]: 4}})
    assert named.status_code == 201
    assert EvaluationResponse.objects.get().enrolment == world.participants[0]


def test_only_participants_of_the_cohort(
    world: EvalWorld, coach: Any, lecturer: Any, programme_admin: Any
) -> None:
    other = make_cohort(world.programme, coaches=(coach,))
    services.enrol(user=lecturer, cohort=other)
    answers = {"answers": {world.keys[0]: 4}}
    for user in (lecturer, coach, programme_admin):
        client = api_client(user)
        response = _post(client, _respond(world.session.pk), answers)
        assert response.status_code == 404, user
        assert client.get(LIST).json()["count"] == 0
    signed_out = api_client()
    assert signed_out.get(LIST).status_code == 403
    assert _post(signed_out, _respond(world.session.pk), answers).status_code == 403
    too_big = _post(api_client(lecturer), _respond(2**64), answers)
    assert too_big.status_code == 404
    assert not EvaluationSubmission.objects.exists()


def test_the_list_takes_a_fixed_number_of_queries(
    world: EvalWorld, coach: Any, django_assert_max_num_queries: Any
) -> None:
    participant = world.participants[0]
    for _n in range(5):
        more = build_world(coach, participants=0, programme=world.programme)
        services.enrol(user=participant.user, cohort=more.cohort)
        services.mark_attendance(
            actor=coach,
            session=more.session,
            enrolment=more.cohort.enrolments.get(user=participant.user),
            status="present",
        )
    client = api_client(participant.user)
    client.get(LIST)
    with django_assert_max_num_queries(4):
        response = client.get(LIST)
    assert response.json()["count"] == 6


def test_the_operations_are_documented() -> None:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    validate_schema(schema)
    listing = schema["paths"][LIST]["get"]
    assert listing["operationId"] == "session_evaluations_list"
    respond = schema["paths"]["/api/v1/session-evaluations/{session_id}/response/"]
    operation = respond["post"]
    assert operation["operationId"] == "session_evaluations_respond"
    assert operation["tags"] == ["trajectories"]
    assert operation["security"] == [{"cookieAuth": []}]
    assert set(operation["responses"]) == {"201", "400", "403", "404", "409"}
    assert list(operation["requestBody"]["content"]) == ["application/json"]
    answers = schema["components"]["schemas"]["EvaluationAnswers"]["properties"]
    assert answers["answers"]["additionalProperties"]["oneOf"][1]["maxLength"] == 2000
