"""Two blind assessors, conflicts of interest, reconciliation, the decision."""

from __future__ import annotations

from typing import Any

import pytest

from certification import selectors, services
from certification.data import CriterionScoreInput
from certification.exceptions import (
    ConflictOfInterest,
    InvalidState,
    NotAllowed,
    RubricLocked,
)
from certification.models import (
    Assessment,
    AuditEvent,
    Decision,
    ImmutableRow,
    Rubric,
    RubricCriterion,
    RubricLevel,
)
from certification.signals import certificate_awarded
from lms.accounts.roles import Role
from lms.accounts.services import assign_role
from lms.notifications.models import Notification
from lms.xapi.models import Statement
from tests.certification.factories import assess, scores
from tests.factories import person

pytestmark = pytest.mark.django_db

PASS, NOT_YET = 2, 0  # level positions: "Sufficient" meets the standard, "Not yet" not


def _allocated(world: Any) -> tuple[Assessment, Assessment]:
    world.submit()
    first, second = world.allocate()
    return first, second


# --- allocation and conflicts of interest --------------------------------------------


def test_allocation_puts_the_portfolio_under_assessment_and_tells_the_assessors(
    world: Any,
) -> None:
    first, second = _allocated(world)
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "under_assessment"
    assert (first.role, first.assessor) == ("first", world.coach)
    assert (second.role, second.assessor) == ("second", world.assessor)
    assert first.rubric == world.scheme.rubric
    assert Notification.objects.filter(recipient=world.assessor).exists()
    assert AuditEvent.objects.filter(action="allocated").count() == 2


@pytest.mark.parametrize(
    ("first", "second", "error"),
    [
        ("lecturer", "assessor", ConflictOfInterest),  # the candidate
        ("coach", "lecturer", ConflictOfInterest),  # the candidate as second
        ("assessor", "coach", ConflictOfInterest),  # second coaches the cohort
        ("assessor", "assessor", ConflictOfInterest),  # one person twice
        ("coordinator", "assessor", NotAllowed),  # not a coach
        ("coach", "other_lecturer", NotAllowed),  # not a coach
    ],
)
def test_conflicts_of_interest_are_refused(
    world: Any, first: str, second: str, error: type[Exception]
) -> None:
    world.submit()
    with pytest.raises(error) as refused:
        world.allocate(getattr(world, first), getattr(world, second))
    assert str(refused.value)  # a sentence the programme team can act on
    assert not Assessment.objects.exists()


def test_the_second_assessor_conflict_names_the_person(world: Any) -> None:
    world.submit()
    with pytest.raises(ConflictOfInterest, match="coaches the candidate's cohort"):
        world.allocate(world.assessor, world.coach)


def test_only_a_programme_admin_allocates_and_never_for_their_own_portfolio(
    world: Any,
) -> None:
    world.submit()
    for actor in (world.coach, world.lecturer, world.coordinator, world.assessor):
        with pytest.raises(NotAllowed):
            services.allocate_assessors(
                actor=actor, portfolio=world.portfolio, first=world.coach,
                second=world.assessor,
            )  # fmt: skip
    assign_role(user=world.lecturer, role=Role.PROGRAMME_ADMIN)
    with pytest.raises(ConflictOfInterest):
        services.allocate_assessors(
            actor=world.lecturer, portfolio=world.portfolio, first=world.coach,
            second=world.assessor,
        )  # fmt: skip


def test_a_draft_gets_no_assessors(world: Any) -> None:
    with pytest.raises(InvalidState):
        world.allocate()


def test_an_assessor_who_has_not_submitted_can_be_replaced(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    world.allocate(world.coach, world.assessor_b)
    assert not Assessment.objects.filter(pk=second.pk).exists()
    assert Assessment.objects.get(role="second").assessor == world.assessor_b
    with pytest.raises(InvalidState, match="submitted already"):
        world.allocate(world.outsider, world.assessor_b)
    # Swapping roles of people who have not submitted works.
    assert Assessment.objects.get(role="first").assessor == world.coach


# --- blind scoring --------------------------------------------------------------------


def test_scoring_is_blind_until_both_have_submitted(world: Any) -> None:
    first, second = _allocated(world)
    assert selectors.visible_to_assessor(first) == []
    assess(first, world.coach, PASS)
    first.refresh_from_db()
    assert selectors.visible_to_assessor(first) == []
    assert selectors.visible_to_assessor(second) == []
    assess(second, world.assessor, PASS)
    first.refresh_from_db()
    second.refresh_from_db()
    assert selectors.visible_to_assessor(first) == [second]
    assert selectors.visible_to_assessor(second) == [first]


def test_outcome_follows_the_rubric(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, 1)  # "Sufficient": 2 points × 2 = 4 = pass mark
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.outcome, first.total_points, first.max_points) == ("pass", 6, 6)
    assert (second.outcome, second.total_points) == ("pass", 4)


def test_a_criterion_below_the_standard_means_not_yet(world: Any) -> None:
    first, _second = _allocated(world)
    levels = list(first.rubric.levels.order_by("sort_order"))
    criteria = list(first.rubric.criteria.order_by("sort_order"))
    services.submit_assessment(
        assessor=world.coach,
        assessment=first,
        scores=[
            CriterionScoreInput(criterion_id=criteria[0].pk, level_id=levels[2].pk),
            CriterionScoreInput(criterion_id=criteria[1].pk, level_id=levels[0].pk),
        ],
        comment="Strong on one, missing the other.",
    )
    first.refresh_from_db()
    assert first.total_points == 3 and first.outcome == "not_yet"


@pytest.mark.parametrize(
    "bad",
    [
        "missing",  # one criterion not scored
        "twice",  # one criterion twice
        "foreign_level",  # a level of another rubric
        "foreign_criterion",
    ],
)
def test_scores_must_cover_the_rubric_exactly(world: Any, bad: str) -> None:
    first, _second = _allocated(world)
    good = scores(first, PASS)
    other = Rubric.objects.create(name_en="x", name_nl="x")
    level = RubricLevel.objects.create(
        rubric=other, label_en="a", label_nl="a", points=9
    )
    criterion = RubricCriterion.objects.create(
        rubric=other, title_en="c", title_nl="c", descriptors_en="a", descriptors_nl="a"
    )
    given = {
        "missing": good[:1],
        "twice": [*good, good[0]],
        "foreign_level": [
            CriterionScoreInput(criterion_id=s.criterion_id, level_id=level.pk)
            for s in good
        ],
        "foreign_criterion": [
            *good,
            CriterionScoreInput(criterion_id=criterion.pk, level_id=good[0].level_id),
        ],
    }[bad]
    with pytest.raises(NotAllowed):
        services.submit_assessment(
            assessor=world.coach, assessment=first, scores=given, comment="x"
        )
    first.refresh_from_db()
    assert not first.is_submitted and not first.scores.exists()


def test_only_the_allocated_assessor_submits_once_with_a_comment(world: Any) -> None:
    first, _second = _allocated(world)
    with pytest.raises(NotAllowed):
        assess(first, world.assessor, PASS)
    with pytest.raises(NotAllowed):
        services.submit_assessment(
            assessor=world.coach, assessment=first, scores=scores(first, PASS),
            comment="<p> </p>",
        )  # fmt: skip
    assess(first, world.coach, PASS)
    with pytest.raises(InvalidState):
        assess(first, world.coach, NOT_YET)


def test_assessed_statement_has_no_free_text(world: Any) -> None:
    first, _second = _allocated(world)
    assess(first, world.coach, PASS)
    statement = Statement.objects.get(verb_iri__endswith="/verbs/assessed")
    assert statement.payload["result"] == {"score": {"scaled": 1.0}, "success": True}
    assert "Judgement" not in str(statement.payload)
    assert statement.registration is None


# --- the rubric is locked once used ---------------------------------------------------


def test_a_rubric_in_use_is_locked_and_versioned(world: Any) -> None:
    rubric = world.scheme.rubric
    rubric.name_en = "Renamed before use"
    services.save_rubric(actor=world.admin, rubric=rubric)
    assert not rubric.is_locked
    _allocated(world)
    rubric.refresh_from_db()
    assert rubric.is_locked
    rubric.name_en = "Renamed after use"
    with pytest.raises(RubricLocked):
        services.save_rubric(actor=world.admin, rubric=rubric)
    with pytest.raises(NotAllowed):
        services.new_rubric_version(actor=world.coach, rubric=rubric)
    copy = services.new_rubric_version(actor=world.admin, rubric=rubric)
    assert copy.version == 2 and copy.previous_version == rubric
    assert copy.levels.count() == 3 and copy.criteria.count() == 2
    assert not copy.is_locked
    world.scheme.refresh_from_db()
    assert world.scheme.rubric == copy
    assert Rubric.objects.get(pk=rubric.pk).name_en == "Renamed before use"
    # The assessment keeps the version it was allocated with.
    assert set(Assessment.objects.values_list("rubric", flat=True)) == {rubric.pk}
    third = services.new_rubric_version(actor=world.admin, rubric=rubric)
    assert third.version == 3  # the line's next number, also from an old version


# --- reconciliation and the decision --------------------------------------------------


def test_agreement_goes_straight_to_the_decision(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)
    state = selectors.assessment_state(first.version)
    assert state.ready_for_decision and state.recommended == "pass"
    assert not state.needs_reconciliation
    with pytest.raises(InvalidState):
        services.allocate_third_assessor(
            actor=world.admin, portfolio=world.portfolio, assessor=world.assessor_b
        )


def test_different_outcomes_go_to_a_third_assessor(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, NOT_YET)
    state = selectors.assessment_state(first.version)
    assert state.needs_reconciliation and not state.ready_for_decision
    assert AuditEvent.objects.filter(action="reconciliation_needed").exists()
    with pytest.raises(InvalidState):
        services.decide(
            actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
        )
    for conflicted in (world.coach, world.assessor, world.lecturer):
        with pytest.raises(ConflictOfInterest):
            services.allocate_third_assessor(
                actor=world.admin, portfolio=world.portfolio, assessor=conflicted
            )
    second_coach = person(Role.COACH, username="co-coach")
    world.cohort.coaches.add(second_coach)
    with pytest.raises(ConflictOfInterest):
        services.allocate_third_assessor(
            actor=world.admin, portfolio=world.portfolio, assessor=second_coach
        )
    third = services.allocate_third_assessor(
        actor=world.admin, portfolio=world.portfolio, assessor=world.assessor_b
    )
    # The third assessor sees the first two (that is the point of reconciling).
    assert {a.pk for a in selectors.visible_to_assessor(third)} == {first.pk, second.pk}
    assess(third, world.assessor_b, NOT_YET)
    state = selectors.assessment_state(first.version)
    assert state.ready_for_decision and state.recommended == "not_yet"
    with pytest.raises(NotAllowed, match="cannot be awarded"):
        services.decide(
            actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
        )
    decision = services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="not_awarded",
        feedback="Show the effect of your changes.",
    )  # fmt: skip
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "not_awarded"
    assert decision.rubric == world.scheme.rubric
    assert not Statement.objects.filter(verb_iri__endswith="/verb/earned").exists()


def test_award_sends_the_signal_and_records_earned(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)
    received: list[dict[str, Any]] = []

    def receiver(sender: Any, **kwargs: Any) -> None:
        received.append({"sender": sender, **kwargs})

    certificate_awarded.connect(receiver)
    try:
        with pytest.raises(NotAllowed, match="award it or request changes"):
            services.decide(
                actor=world.admin, portfolio=world.portfolio, outcome="not_awarded",
                feedback="No.",
            )  # fmt: skip
        for actor in (world.coach, world.assessor, world.lecturer, world.coordinator):
            with pytest.raises(NotAllowed):
                services.decide(
                    actor=actor, portfolio=world.portfolio, outcome="award", feedback=""
                )
        decision = services.decide(
            actor=world.admin, portfolio=world.portfolio, outcome="award",
            feedback="Well done.",
        )  # fmt: skip
    finally:
        certificate_awarded.disconnect(receiver)
    assert len(received) == 1
    assert received[0]["sender"] is Decision
    assert received[0]["decision"] == decision
    assert received[0]["portfolio"].status == "awarded"
    earned = Statement.objects.get(verb_iri="http://id.tincanapi.com/verb/earned")
    assert earned.registration == world.enrolment.registration
    with pytest.raises(InvalidState):
        services.decide(
            actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
        )
    assert Notification.objects.filter(recipient=world.lecturer).exists()


def test_a_receiver_that_fails_rolls_the_award_back(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)

    def broken(sender: Any, **kwargs: Any) -> None:
        raise RuntimeError("issuing failed")

    certificate_awarded.connect(broken)
    try:
        with pytest.raises(RuntimeError):
            services.decide(
                actor=world.admin, portfolio=world.portfolio, outcome="award",
                feedback="",
            )  # fmt: skip
    finally:
        certificate_awarded.disconnect(broken)
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "under_assessment"
    assert not Decision.objects.exists()


def test_changes_requested_then_resubmitted_as_a_new_version(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)
    with pytest.raises(NotAllowed, match="feedback"):
        services.decide(
            actor=world.admin, portfolio=world.portfolio, outcome="changes_requested",
            feedback="  ",
        )  # fmt: skip
    services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="changes_requested",
        feedback="Add evidence of the effect.",
    )  # fmt: skip
    world.portfolio.refresh_from_db()
    assert world.portfolio.status == "changes_requested"
    first_version = first.version
    # The lecturer edits and resubmits: version 2, assessed afresh.
    services.save_self_assessment(
        user=world.lecturer, portfolio=world.portfolio,
        competency=world.competencies()[0], level="advanced", text="Better now",
    )  # fmt: skip
    second_version = services.submit_portfolio(
        user=world.lecturer, portfolio=world.portfolio
    )
    assert second_version.number == 2
    first_version.refresh_from_db()
    assert first_version.snapshot["competencies"][0]["self_assessment"]["level"] == (
        "proficient"
    )
    assert second_version.snapshot["competencies"][0]["self_assessment"]["level"] == (
        "advanced"
    )
    new_first, new_second = world.allocate()
    assert new_first.version == second_version != first_version
    assert new_first.pk != first.pk and not new_first.is_submitted
    assert [a.pk for a in selectors.my_assessments(world.assessor)] == [
        new_second.pk,  # the open one first
        second.pk,
    ]


def test_the_audit_trail_holds_every_step(world: Any) -> None:
    first, second = _allocated(world)
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)
    services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
    )
    trail = [line.event for line in selectors.audit_trail(world.portfolio)]
    assert [e.action for e in trail] == [
        "started", "submitted", "allocated", "allocated", "assessed", "assessed",
        "ready_for_decision", "decided",
    ]  # fmt: skip
    assert [e.actor for e in trail if e.action == "assessed"] == [
        world.coach,
        world.assessor,
    ]
    # No scores or free text in the trail.
    assert all("points" not in e.details and "comment" not in e.details for e in trail)
    assert trail[-1].details["outcome"] == "award"
    event = trail[0]
    event.details = {"forged": True}
    with pytest.raises(ImmutableRow):
        event.save()
