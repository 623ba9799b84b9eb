"""Reads of session evaluations: results with small groups suppressed (per session,
per cohort, per programme) in a fixed number of queries; what a participant can
answer."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tests.trajectories.evaluation_world import EvalWorld, build_world
from trajectories import selectors, services
from trajectories.models import Cohort, CohortSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(coach: Any) -> EvalWorld:
    return build_world(coach, participants=7)


def _end(session: CohortSession, hours_ago: float) -> CohortSession:
    ends = timezone.now() - timedelta(hours=hours_ago)
    CohortSession.objects.filter(pk=session.pk).update(
        starts_at=ends - timedelta(hours=3), ends_at=ends
    )
    session.refresh_from_db()
    return session


def _answer(world: EvalWorld, session: CohortSession, values: list[Any]) -> None:
    """One answer per value: (first, second, text) by the next participants."""
    keys = world.keys
    for enrolment, (first, second, text) in zip(
        world.participants, values, strict=False
    ):
        services.mark_attendance(
            actor=world.coach, session=session, enrolment=enrolment, status="present"
        )
        answers: dict[str, object] = {keys[0]: first}
        if second is not None:
            answers[keys[1]] = second
        if text:
            answers[keys[2]] = text
        services.submit_evaluation(
            user=enrolment.user, session=session, answers=answers
        )


def test_below_the_minimum_nothing_is_shown_not_even_the_count(
    world: EvalWorld,
) -> None:
    _answer(world, world.session, [(5, 4, "Great")] * 4)
    found = selectors.evaluation_results(world.session)
    assert found.opened and found.state == "open" and found.anonymous is True
    assert found.attended == 7
    assert found.results.shown is False
    assert found.results.responses is None and found.results.questions == ()
    assert found.results.minimum == 5


def test_at_the_minimum_the_distribution_mean_and_sorted_texts(
    world: EvalWorld,
) -> None:
    _answer(
        world,
        world.session,
        [
            (5, 4, "zebra crossing"),
            (4, None, "Apple pie"),
            (4, 2, ""),
            (2, 5, "banana"),
            (1, 1, "  "),
        ],
    )
    found = selectors.evaluation_results(world.session).results
    assert found.shown and found.responses == 5
    first, second, text = found.questions
    assert first.distribution == (1, 1, 0, 2, 1) and first.answers == 5
    assert first.mean == 3.2
    assert first.scale()[3] == (4, 2, 40.0)
    assert second.distribution == (1, 1, 0, 1, 1) and second.answers == 4
    assert second.mean == 3.0
    # Never in the order given: alphabetically, ignoring case.
    assert text.texts == ("Apple pie", "banana", "zebra crossing")
    assert text.answers == 3 and not text.is_likert


def test_the_cohort_sum_leaves_out_sessions_below_the_minimum(
    world: EvalWorld,
) -> None:
    second = _end(world.cohort.sessions.get(number=2), hours_ago=2)
    _answer(world, world.session, [(5, 5, "a")] * 6)
    _answer(world, second, [(1, 1, "b")] * 3)  # hidden: could be subtracted

    found = selectors.cohort_evaluation_results(world.cohort)

    assert found.minimum == 5
    by_number = {s.session.number: s for s in found.sessions}
    assert by_number[1].results.shown and by_number[1].results.responses == 6
    assert not by_number[2].results.shown
    assert not by_number[3].opened and by_number[3].state == "not_yet"
    assert found.hidden_sessions == 1
    assert found.overall.shown and found.overall.responses == 6
    assert found.overall.questions[0].distribution == (0, 0, 0, 0, 6)
    assert "b" not in found.overall.questions[2].texts


def test_the_cohort_sum_is_hidden_when_no_session_is_shown(world: EvalWorld) -> None:
    second = _end(world.cohort.sessions.get(number=2), hours_ago=2)
    _answer(world, world.session, [(5, 5, "a")] * 4)
    _answer(world, second, [(4, 4, "b")] * 4)  # 8 answers, but 4 + 4
    found = selectors.cohort_evaluation_results(world.cohort)
    assert not found.overall.shown and found.overall.responses is None
    assert found.hidden_sessions == 2


def test_the_sum_follows_keys_across_rewording(world: EvalWorld) -> None:
    second = _end(world.cohort.sessions.get(number=2), hours_ago=2)
    _answer(world, world.session, [(5, 5, "")] * 5)
    programme = world.programme
    raw = list(programme.evaluation_questions.raw_data)
    raw[0]["value"]["statement"] = "Useful (reworded)"
    programme.evaluation_questions = raw
    programme.save_revision().publish()
    world.programme.refresh_from_db()
    _answer(world, second, [(3, 3, "")] * 5)
    overall = selectors.cohort_evaluation_results(world.cohort).overall
    assert overall.responses == 10
    assert overall.questions[0].question.text == "Useful (reworded)"
    assert overall.questions[0].distribution == (0, 0, 5, 0, 5)
    assert overall.questions[0].mean == 4.0
    session_one = selectors.evaluation_results(world.session).results
    assert session_one.questions[0].question.text == (
        "The session was useful for my teaching."
    )


def _many(coach: Any, cohorts: int, people: int, sessions: int = 3) -> list[Cohort]:
    """Cohorts of one programme with `people` answers on `sessions` sessions."""
    first = build_world(coach, participants=people)
    worlds = [first]
    for _n in range(cohorts - 1):
        worlds.append(
            build_world(coach, participants=people, programme=first.programme)
        )
    for world in worlds:
        for number in range(1, sessions + 1):
            session = world.cohort.sessions.get(number=number)
            if number > 1:
                _end(session, hours_ago=number)
            _answer(world, session, [(number % 5 + 1, 3, f"t{number}")] * people)
    return [w.cohort for w in worlds]


def test_results_take_a_fixed_number_of_queries(
    coach: Any, django_assert_num_queries: Any
) -> None:
    (small,) = _many(coach, cohorts=1, people=5, sessions=1)
    first = small.sessions.get(number=1)
    with django_assert_num_queries(5):
        selectors.evaluation_results(first)
    with django_assert_num_queries(6):
        selectors.cohort_evaluation_results(small)
    big, _other = _many(coach, cohorts=2, people=12, sessions=3)
    second = big.sessions.get(number=2)
    with django_assert_num_queries(5):
        found = selectors.evaluation_results(second)
    assert found.results.responses == 12
    with django_assert_num_queries(6):
        cohort = selectors.cohort_evaluation_results(big)
    assert cohort.overall.responses == 36
    assert len(cohort.overall.questions[2].texts) == 36


def test_the_programme_summary_per_cohort_and_overall(
    coach: Any, django_assert_num_queries: Any
) -> None:
    cohorts = _many(coach, cohorts=3, people=6, sessions=2)
    # A cohort of another year and one with too few answers.
    programme = cohorts[0].programme
    hidden = build_world(coach, participants=3, programme=programme)
    _answer(hidden, hidden.session, [(1, 1, "x")] * 3)
    Cohort.objects.filter(pk=cohorts[2].pk).update(academic_year="2025-2026")

    with django_assert_num_queries(5):
        summary = selectors.programme_evaluation_summary(programme, "2026-2027")

    assert summary.minimum == 5
    assert [c.cohort.pk for c in summary.cohorts] == sorted(
        [cohorts[0].pk, cohorts[1].pk, hidden.cohort.pk]
    )
    by_pk = {c.cohort.pk: c for c in summary.cohorts}
    assert by_pk[cohorts[0].pk].sessions_shown == 2
    assert by_pk[cohorts[0].pk].results.responses == 12
    assert by_pk[hidden.cohort.pk].sessions_hidden == 1
    assert not by_pk[hidden.cohort.pk].results.shown
    assert summary.overall.responses == 24
    text = summary.overall.questions[2]
    assert text.answers == 24 and text.texts == ()  # counted, not listed
    assert selectors.evaluation_years(programme) == ["2026-2027", "2025-2026"]


def test_open_evaluations_of_a_participant(world: EvalWorld, coach: Any) -> None:
    mine, other = world.participants[0], world.participants[1]
    closed = _end(world.cohort.sessions.get(number=3), hours_ago=24 * 20)
    for session in (closed, world.cohort.sessions.get(number=2)):
        services.mark_attendance(
            actor=coach, session=session, enrolment=mine, status="present"
        )
    found = selectors.open_evaluations(mine.user)
    assert [(e.session.pk, e.answered) for e in found] == [(world.session.pk, False)]
    assert found[0].anonymous and len(found[0].questions) == 3
    assert found[0].closes_at == world.session.ends_at + timedelta(days=14)

    world.answer(mine)
    assert selectors.open_evaluations(mine.user)[0].answered is True
    assert selectors.open_evaluations(other.user)[0].answered is False
    overviews = selectors.my_trajectories(mine.user)
    assert selectors.open_evaluations(mine.user, overviews=overviews) == (
        selectors.open_evaluations(mine.user)
    )
    services.mark_attendance(
        actor=coach, session=world.session, enrolment=other, status="absent"
    )
    assert selectors.open_evaluations(other.user) == []


def test_open_evaluations_take_few_queries(
    world: EvalWorld, django_assert_num_queries: Any, lecturer: Any
) -> None:
    user = world.participants[0].user
    with django_assert_num_queries(2):
        assert len(selectors.open_evaluations(user)) == 1
    overviews = selectors.my_trajectories(user)
    with django_assert_num_queries(1):
        selectors.open_evaluations(user, overviews=overviews)
    # Nothing open: the trajectory page pays nothing for it.
    services.enrol(user=lecturer, cohort=world.cohort)
    overviews = selectors.my_trajectories(lecturer)
    with django_assert_num_queries(0):
        assert selectors.open_evaluations(lecturer, overviews=overviews) == []


def test_the_form_of_a_participant_and_its_states(
    world: EvalWorld, coach: Any, lecturer: Any
) -> None:
    mine = world.participants[0]
    form = selectors.evaluation_form(mine.user, world.session.pk)
    assert form is not None and form.state == "open" and form.anonymous
    assert [q.kind for q in form.questions] == ["likert", "likert", "text"]
    world.answer(mine, text="Mine")
    form = selectors.evaluation_form(mine.user, world.session.pk)
    assert form is not None and form.state == "answered"
    assert form.answered_on == timezone.localdate() and form.own_answers == {}

    later = world.cohort.sessions.get(number=2)
    assert selectors.evaluation_form(mine.user, later.pk).state == "not_yet"
    closed = _end(world.cohort.sessions.get(number=3), hours_ago=24 * 15)
    assert selectors.evaluation_form(mine.user, closed.pk).state == "closed"
    services.mark_attendance(
        actor=coach,
        session=world.session,
        enrolment=world.participants[1],
        status="excused",
    )
    excused = selectors.evaluation_form(world.participants[1].user, world.session.pk)
    assert excused.state == "not_attended"
    # Not a participant of the cohort: nothing at all.
    assert selectors.evaluation_form(lecturer, world.session.pk) is None
    assert selectors.evaluation_form(coach, world.session.pk) is None
    assert selectors.evaluation_form(mine.user, 10**9) is None


def test_a_named_evaluation_shows_the_participant_their_own_answers(
    coach: Any,
) -> None:
    world = build_world(coach, anonymous=False)
    mine = world.participants[0]
    world.answer(mine, first=4, second=None, text="Mine")
    form = selectors.evaluation_form(mine.user, world.session.pk)
    assert form.state == "answered" and not form.anonymous
    assert [(q.kind, text) for q, text in form.own_answer_lines()] == [
        ("likert", "4 — Agree"),
        ("text", "Mine"),
    ]
    other = selectors.evaluation_form(world.participants[1].user, world.session.pk)
    assert other.own_answers == {}
