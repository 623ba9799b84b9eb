"""Session evaluations through the services: who may answer and when, once; bad
input refused with nothing stored; anonymity kept by the shape of the tables; the
questions fixed when an evaluation opens; invitations once per person."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from django.core.checks import run_checks
from django.db import models
from django.test import override_settings
from django.utils import timezone

from lms.accounts.roles import Role
from lms.accounts.services import erase_person, set_preferred_language
from lms.notifications.models import Notification
from lms.xapi.models import Statement
from tests.factories import person
from tests.trajectories.evaluation_world import (
    QUESTIONS,
    EvalWorld,
    build_world,
    programme_with_questions,
)
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import (
    AlreadyAnswered,
    AnonymityChanged,
    EvaluationUnavailable,
    InvalidAnswers,
    NotAllowed,
)
from trajectories.models import (
    CohortSession,
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSubmission,
    SessionEvaluation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(coach: Any) -> EvalWorld:
    return build_world(coach)


def _nothing_stored() -> None:
    assert not EvaluationResponse.objects.exists()
    assert not EvaluationAnswer.objects.exists()
    assert not EvaluationSubmission.objects.exists()


def test_an_anonymous_answer_is_stored_without_the_person(world: EvalWorld) -> None:
    enrolment = world.participants[0]
    submission = world.answer(enrolment, first=4, second=2, text="More examples.")

    assert submission.enrolment == enrolment
    assert submission.submitted_on == timezone.localdate()
    response = EvaluationResponse.objects.get()
    assert response.enrolment is None
    answers = {a.question_key: (a.likert, a.text) for a in response.answers.all()}
    keys = world.keys
    assert answers == {
        keys[0]: (4, ""),
        keys[1]: (2, ""),
        keys[2]: (None, "More examples."),
    }
    evaluation = SessionEvaluation.objects.get(session=world.session)
    assert evaluation.anonymous is True
    assert [q.text for q in evaluation.question_list()] == [
        "The session was useful for my teaching.",
        "I can apply it in my own course.",
        "What should we change?",
    ]


def test_the_tables_cannot_be_joined_to_people() -> None:
    """No time, no shared key, random ids: the submission (who) and the response
    (what) of an anonymous evaluation have nothing in common but the session."""

    def fields(model: type[models.Model]) -> dict[str, models.Field]:
        return {f.name: f for f in model._meta.get_fields() if f.concrete}

    response = fields(EvaluationResponse)
    assert set(response) == {"id", "evaluation", "enrolment"}
    assert isinstance(response["id"], models.UUIDField)
    answer = fields(EvaluationAnswer)
    assert isinstance(answer["id"], models.UUIDField)
    assert not any(
        isinstance(f, models.DateField | models.DateTimeField) for f in answer.values()
    )
    submission = fields(EvaluationSubmission)
    assert set(submission) == {"id", "evaluation", "enrolment", "submitted_on"}
    assert isinstance(submission["id"], models.UUIDField)
    # A date, never a time of day.
    assert type(submission["submitted_on"]) is models.DateField


def test_ids_do_not_follow_the_order_of_answering(world: EvalWorld) -> None:
    for enrolment in world.participants[:5]:
        world.answer(enrolment)
    ids = list(EvaluationResponse.objects.values_list("id", flat=True))
    assert all(isinstance(pk, uuid.UUID) and pk.version == 4 for pk in ids)


def test_a_named_evaluation_keeps_the_link_and_erasure_drops_it(coach: Any) -> None:
    world = build_world(coach, anonymous=False)
    enrolment = world.participants[0]
    world.answer(enrolment)
    response = EvaluationResponse.objects.get()
    assert response.enrolment == enrolment

    erase_person(user=enrolment.user)
    response.refresh_from_db()
    assert response.enrolment is None  # the answers stay, without the person
    assert response.answers.count() == 2
    assert not EvaluationSubmission.objects.exists()


def test_one_answer_per_participant(world: EvalWorld) -> None:
    enrolment = world.participants[0]
    world.answer(enrolment)
    with pytest.raises(AlreadyAnswered, match="already evaluated"):
        world.answer(enrolment, first=1)
    assert EvaluationResponse.objects.count() == 1
    assert EvaluationSubmission.objects.count() == 1
    assert set(EvaluationAnswer.objects.values_list("likert", flat=True)) == {4, 5}


def test_the_answer_is_recorded_in_xapi_without_its_content(world: EvalWorld) -> None:
    enrolment = world.participants[0]
    world.answer(enrolment, text="Secret opinion about the coach")
    statements = Statement.objects.filter(verb_iri__endswith="/verbs/responded")
    (statement,) = statements
    payload = statement.payload
    assert payload["verb"]["id"] == "http://adlnet.gov/expapi/verbs/responded"
    assert payload["object"]["id"].endswith(f"/session-evaluation/{world.session.pk}")
    assert "result" not in payload
    text = str(payload)
    assert "Secret opinion" not in text
    response_id = str(EvaluationResponse.objects.get().pk)
    assert response_id not in text
    assert payload["context"]["registration"] == str(enrolment.registration)


@pytest.mark.parametrize(
    ("answers", "key", "message"),
    [
        ({0: 0}, 0, "whole number from 1 to 5"),
        ({0: 6}, 0, "whole number from 1 to 5"),
        ({0: "7"}, 0, "whole number from 1 to 5"),
        ({0: 3.5}, 0, "whole number from 1 to 5"),
        ({0: True}, 0, "whole number from 1 to 5"),
        ({0: [4]}, 0, "whole number from 1 to 5"),
        ({0: "very good"}, 0, "whole number from 1 to 5"),
        ({1: 4}, 0, "needs an answer"),  # the required statement left out
        ({0: 4, 2: 12}, 2, "as text"),
        ({0: 4, 2: "x" * 2001}, 2, "at most 2,000 characters (you wrote 2,001)"),
    ],
)
def test_bad_answers_are_refused_by_question_and_nothing_is_stored(
    world: EvalWorld, answers: dict, key: Any, message: str
) -> None:
    keys = world.keys
    sent = {keys[k]: v for k, v in answers.items()}
    with pytest.raises(InvalidAnswers) as refused:
        services.submit_evaluation(
            user=world.participants[0].user, session=world.session, answers=sent
        )
    assert any(message in m for m in refused.value.errors[keys[key]])
    _nothing_stored()
    assert not Statement.objects.filter(verb_iri__endswith="/responded").exists()


def test_unknown_question_keys_and_non_objects_are_refused(world: EvalWorld) -> None:
    user = world.participants[0].user
    with pytest.raises(InvalidAnswers) as refused:
        services.submit_evaluation(
            user=user,
            session=world.session,
            answers={**world.answers(), "made-up": 3},
        )
    assert "Unknown question(s): made-up" in refused.value.errors[""][0]
    for bad in (None, [], "4", 4):
        with pytest.raises(InvalidAnswers, match="as an object"):
            services.submit_evaluation(user=user, session=world.session, answers=bad)
    _nothing_stored()


def test_an_empty_answer_is_refused(coach: Any) -> None:
    optional = programme_with_questions(
        "Optional",
        questions=[
            ("likert", {"statement": "Useful?", "required": False}),
            ("text", {"question": "Anything else?", "required": False}),
        ],
    )
    world = build_world(coach, programme=optional)
    keys = world.keys
    for empty in ({}, {keys[0]: ""}, {keys[1]: "<script>alert(1)</script>  "}):
        with pytest.raises(InvalidAnswers, match="Answer at least one question"):
            services.submit_evaluation(
                user=world.participants[0].user, session=world.session, answers=empty
            )
    _nothing_stored()


def test_hostile_text_is_kept_as_plain_text(world: EvalWorld) -> None:
    hostile = (
        '<img src=x onerror="alert(1)">Less <b>slides</b>\x00 please'
        "<script>steal()</script> &lt;script&gt;x&lt;/script&gt;"
    )
    world.answer(world.participants[0], text=hostile)
    text = EvaluationAnswer.objects.get(likert__isnull=True).text
    assert "<" not in text and "onerror" not in text and "steal" not in text
    assert "\x00" not in text
    assert text.startswith("Less slides please")


def test_the_text_limit_counts_what_was_typed(world: EvalWorld) -> None:
    world.answer(world.participants[0], text="y" * 2000)
    assert len(EvaluationAnswer.objects.get(likert__isnull=True).text) == 2000


def test_only_participants_who_attended_while_it_is_open(
    world: EvalWorld, coach: Any, lecturer: Any
) -> None:
    answers = world.answers()
    # Not in the cohort at all.
    with pytest.raises(NotAllowed, match="do not take part"):
        services.submit_evaluation(
            user=lecturer, session=world.session, answers=answers
        )
    # A participant of another cohort of the same programme.
    other = make_cohort(world.programme, coaches=(coach,))
    stranger = services.enrol(user=lecturer, cohort=other)
    with pytest.raises(NotAllowed):
        services.submit_evaluation(
            user=stranger.user, session=world.session, answers=answers
        )
    # In the cohort, but not marked present (excused).
    excused = world.participants[1]
    services.mark_attendance(
        actor=coach, session=world.session, enrolment=excused, status="excused"
    )
    with pytest.raises(EvaluationUnavailable, match="who attended"):
        services.submit_evaluation(
            user=excused.user, session=world.session, answers=answers
        )
    # Withdrawn.
    gone = world.participants[2]
    services.withdraw(user=gone.user, enrolment=gone)
    with pytest.raises(NotAllowed):
        services.submit_evaluation(
            user=gone.user, session=world.session, answers=answers
        )
    # A session that has not ended yet.
    later = world.cohort.sessions.get(number=2)
    services.mark_attendance(
        actor=coach, session=later, enrolment=world.participants[0], status="present"
    )
    with pytest.raises(EvaluationUnavailable, match="once it has ended"):
        services.submit_evaluation(
            user=world.participants[0].user, session=later, answers=answers
        )
    _nothing_stored()
    assert not SessionEvaluation.objects.exists()  # nothing opened either


@override_settings(ENGAGE_TRAJECTORIES_EVALUATION_DAYS=3)
def test_the_evaluation_closes_after_the_configured_days(world: EvalWorld) -> None:
    user = world.participants[0].user
    CohortSession.objects.filter(pk=world.session.pk).update(
        ends_at=timezone.now() - timedelta(days=3, minutes=1),
        starts_at=timezone.now() - timedelta(days=3, hours=3),
    )
    world.session.refresh_from_db()
    with pytest.raises(EvaluationUnavailable, match="closed on"):
        services.submit_evaluation(
            user=user, session=world.session, answers=world.answers()
        )
    # Inside the window (the moment can be given, e.g. for demo data).
    services.submit_evaluation(
        user=user,
        session=world.session,
        answers=world.answers(),
        now=world.session.ends_at + timedelta(days=2),
    )
    assert EvaluationSubmission.objects.get().submitted_on == timezone.localdate(
        world.session.ends_at + timedelta(days=2)
    )


def test_a_session_without_questions_has_no_evaluation(coach: Any) -> None:
    world = build_world(coach, programme=programme_with_questions(questions=[]))
    with pytest.raises(EvaluationUnavailable, match="no evaluation"):
        services.submit_evaluation(
            user=world.participants[0].user, session=world.session, answers={"x": 1}
        )
    assert services.open_evaluation(session=world.session) is None


def test_changing_questions_after_answers_keeps_what_they_mean(
    world: EvalWorld,
) -> None:
    first_keys = world.keys
    world.answer(world.participants[0], first=2)
    # The programme team rewords the first statement, drops the second and adds
    # a new one; and switches anonymity off.
    programme = world.programme
    stream = programme.evaluation_questions
    raw = list(stream.raw_data)
    raw[0]["value"]["statement"] = "Reworded statement"
    programme.evaluation_questions = [
        raw[0],
        raw[2],
        {"type": "likert", "value": {"statement": "A new one", "required": True}},
    ]
    programme.evaluation_anonymous = False
    programme.save_revision().publish()
    programme.refresh_from_db()
    assert programme.evaluation_question_list()[0].key == first_keys[0]

    # The open evaluation keeps the questions and anonymity it opened with.
    evaluation = SessionEvaluation.objects.get()
    assert [q.key for q in evaluation.question_list()] == first_keys
    assert (
        evaluation.question_list()[0].text == "The session was useful for my teaching."
    )
    services.submit_evaluation(
        user=world.participants[1].user,
        session=world.session,
        answers={first_keys[0]: 5, first_keys[1]: 1},  # the dropped one too
    )
    assert EvaluationResponse.objects.filter(enrolment__isnull=False).count() == 0
    new_key = programme.evaluation_question_list()[2].key
    with pytest.raises(InvalidAnswers, match="Unknown question"):
        services.submit_evaluation(
            user=world.participants[2].user,
            session=world.session,
            answers={first_keys[0]: 3, new_key: 3},
        )
    # A session that opens later gets the new questions.
    later = world.cohort.sessions.get(number=2)
    CohortSession.objects.filter(pk=later.pk).update(
        starts_at=timezone.now() - timedelta(hours=5),
        ends_at=timezone.now() - timedelta(hours=2),
    )
    later.refresh_from_db()
    opened = services.open_evaluation(session=later)
    assert opened is not None and opened.anonymous is False
    assert [q.text for q in opened.question_list()] == [
        "Reworded statement",
        "What should we change?",
        "A new one",
    ]


def test_a_promise_of_anonymity_that_no_longer_holds_stores_nothing(
    coach: Any,
) -> None:
    world = build_world(coach, anonymous=False)
    with pytest.raises(AnonymityChanged):
        services.submit_evaluation(
            user=world.participants[0].user,
            session=world.session,
            answers=world.answers(),
            anonymous_promised=True,
        )
    _nothing_stored()


def _notifications() -> list[Notification]:
    return list(Notification.objects.filter(kind="session-evaluation"))


def test_invitations_go_once_to_those_who_attended(
    world: EvalWorld, coach: Any
) -> None:
    expected = {e.user_id for e in world.participants[1:]}
    absent = world.more_participants(1)[0]
    services.mark_attendance(
        actor=coach, session=world.session, enrolment=absent, status="absent"
    )
    unmarked = services.enrol(
        user=person(Role.LECTURER, username="unmarked"), cohort=world.cohort
    )
    answered = world.participants[0]
    world.answer(answered)

    told = services.send_evaluation_invitations()

    assert told == 5
    recipients = {n.recipient_id for n in _notifications()}
    assert recipients == expected
    assert absent.user_id not in recipients and unmarked.user_id not in recipients
    note = _notifications()[0]
    assert note.title == "How was session 1, Session 1? Tell us in two minutes"
    assert note.url == f"/trajectory/evaluations/{world.session.pk}/"
    assert "anonymous" in note.body and "You can answer until" in note.body

    assert services.send_evaluation_invitations() == 0  # nobody twice
    # Marked present later: told on the next run.
    services.mark_attendance(
        actor=coach, session=world.session, enrolment=unmarked, status="present"
    )
    assert services.send_evaluation_invitations() == 1
    assert EvaluationInvitation.objects.count() == 6  # not the absent one


def test_invitations_only_within_the_window_and_with_questions(coach: Any) -> None:
    closed = build_world(coach, ended_hours_ago=24 * 15)
    no_questions = build_world(
        coach, programme=programme_with_questions("Plain", questions=[])
    )
    assert services.send_evaluation_invitations() == 0
    assert not SessionEvaluation.objects.exists()
    assert closed.session and no_questions.session


def test_invitations_are_written_in_the_recipients_language(
    world: EvalWorld,
) -> None:
    dutch = world.participants[1].user
    set_preferred_language(user=dutch, language="nl")
    services.send_evaluation_invitations()
    note = Notification.objects.get(recipient=dutch, kind="session-evaluation")
    # The month is written in the recipient's language (the text itself follows
    # once the Dutch catalogue has it).
    closes = timezone.localtime(world.session.ends_at + timedelta(days=14))
    months_nl = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december",
    ]  # fmt: skip
    assert months_nl[closes.month - 1] in note.body


def test_the_invitation_task_calls_the_service(world: EvalWorld) -> None:
    from trajectories.tasks import send_evaluation_invitations

    assert send_evaluation_invitations() == len(world.participants)


@pytest.mark.parametrize("value", [0, 366, "14", True, 2.5])
def test_a_bad_evaluation_window_is_a_system_check_error(value: object) -> None:
    with override_settings(ENGAGE_TRAJECTORIES_EVALUATION_DAYS=value):
        ids = [e.id for e in run_checks()]
    assert "engage_trajectories.E003" in ids


def test_the_questions_of_the_programme_page() -> None:
    page = programme_with_questions(
        questions=[
            *QUESTIONS,
            ("likert", {"statement": "Defaults to required"}),
            ("text", {"question": ""}),  # no text: not a question
        ]
    )
    found = page.evaluation_question_list()
    assert [q.kind for q in found] == ["likert", "likert", "text", "likert"]
    assert [q.required for q in found] == [True, False, False, True]
    assert len({q.key for q in found}) == 4
