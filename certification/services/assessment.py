"""Blind rubric scoring, reconciliation and the programme team's decision."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import mark_read_about, notify
from lms.queueing import enqueue_on_commit
from lms.xapi.services import record

from .. import xapi as events
from ..data import CriterionScoreInput
from ..exceptions import InvalidState, NotAllowed
from ..models import (
    Assessment,
    AssessorRole,
    AuditAction,
    CriterionScore,
    Decision,
    DecisionOutcome,
    Outcome,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    Rubric,
)
from ..rules.text import plain_text
from ..selectors import state_of
from ..signals import certificate_awarded
from .allocation import check_programme_team, current_version, locked
from .audit import log_event

MAX_COMMENT_CHARS = 10_000
MAX_CRITERION_COMMENT_CHARS = 5000
MAX_FEEDBACK_CHARS = 10_000


def submit_assessment(
    *,
    assessor: Any,
    assessment: Assessment,
    scores: Sequence[CriterionScoreInput],
    comment: str,
) -> Assessment:
    """Score every criterion of the rubric with one of its levels, with a comment;
    the outcome follows from the rubric. Submitted once, then final."""
    with transaction.atomic():
        # Lock in the order the allocation does: the portfolio, then the rest.
        portfolio = locked(assessment.version.portfolio)
        assessment = (
            Assessment.objects.select_for_update(of=("self",))
            .select_related("rubric", "version")
            .get(pk=assessment.pk)
        )
        if assessment.assessor_id != getattr(assessor, "pk", None):
            raise NotAllowed(_("This assessment is allocated to someone else."))
        if assessment.is_submitted:
            raise InvalidState(_("You submitted this assessment already."))
        version = assessment.version
        version.portfolio = portfolio
        if portfolio.status != PortfolioStatus.UNDER_ASSESSMENT or (
            current_version(portfolio).pk != version.pk
        ):
            raise InvalidState(_("This version is no longer being assessed."))
        if assessment.role == AssessorRole.THIRD:
            state = state_of(list(version.assessments.all()))
            if not state.needs_reconciliation:
                raise InvalidState(_("There is nothing to reconcile."))
        text = plain_text(comment, limit=MAX_COMMENT_CHARS, field="comment")
        if not text:
            raise NotAllowed(_("Write a comment that explains your judgement."))
        chosen = _check_scores(assessment.rubric, scores)
        CriterionScore.objects.bulk_create(
            CriterionScore(
                assessment=assessment,
                criterion_id=criterion_id,
                level=level,
                comment=note,
            )
            for criterion_id, (level, note) in chosen.items()
        )
        levels = [level for level, _note in chosen.values()]
        total = sum(level.points for level in levels)
        top = max(level.points for level in assessment.rubric.levels.all())
        passed = total >= assessment.rubric.pass_points and all(
            level.meets_standard for level in levels
        )
        assessment.total_points = total
        assessment.max_points = top * len(levels)
        assessment.outcome = Outcome.PASS if passed else Outcome.NOT_YET
        assessment.comment = text
        assessment.submitted_at = timezone.now()
        assessment.save()
        log_event(
            action=AuditAction.ASSESSED,
            actor=assessor,
            portfolio=portfolio,
            version=version.pk,
            role=assessment.role,
        )
        mark_read_about(
            user=assessor,
            url=reverse("engage_certification:assessment", args=[assessment.pk]),
        )
        record(
            events.portfolio_assessed(
                actor=profile_of(assessor).xapi_id, assessment=assessment
            )
        )
        _after_assessment(portfolio, version)
    return assessment


def _check_scores(
    rubric: Rubric, scores: Sequence[CriterionScoreInput]
) -> dict[int, tuple[Any, str]]:
    criteria = {c.pk for c in rubric.criteria.all()}
    levels = {level.pk: level for level in rubric.levels.all()}
    chosen: dict[int, tuple[Any, str]] = {}
    for score in scores:
        if score.criterion_id not in criteria or score.level_id not in levels:
            raise NotAllowed(_("Score each criterion with one of the rubric's levels."))
        if score.criterion_id in chosen:
            raise NotAllowed(_("Score each criterion once."))
        chosen[score.criterion_id] = (
            levels[score.level_id],
            plain_text(
                score.comment,
                limit=MAX_CRITERION_COMMENT_CHARS,
                field=f"note_{score.criterion_id}",
            ),
        )
    if set(chosen) != criteria:
        raise NotAllowed(_("Score every criterion of the rubric."))
    return dict(sorted(chosen.items()))


def _after_assessment(portfolio: Portfolio, version: PortfolioVersion) -> None:
    state = state_of(list(version.assessments.all()))
    if not state.both_submitted:
        return
    if state.needs_reconciliation and state.third is None:
        log_event(
            action=AuditAction.RECONCILIATION_NEEDED,
            portfolio=portfolio,
            version=version.pk,
        )
    elif state.ready_for_decision:
        log_event(
            action=AuditAction.READY_FOR_DECISION,
            portfolio=portfolio,
            version=version.pk,
            recommended=state.recommended,
        )


def _issue_after_commit(decision_id: int) -> None:
    """Issue the credential in a Celery task once the decision is committed.

    Signing is slow and must not hold the decision's transaction; a broker that
    is down does not undo the decision (robust: logged), and the beat task
    `issue_pending_credentials` picks the award up later."""
    enqueue_on_commit("certification.tasks.issue_credential", decision_id)


def decide(
    *, actor: Any, portfolio: Portfolio, outcome: str, feedback: str
) -> Decision:
    """The programme team confirms the assessors' outcome: award (when they
    passed it), not awarded (when they did not), or request changes (either
    way, with feedback). An award sends `certificate_awarded` and
    issues the credential after commit."""
    if outcome not in DecisionOutcome.values:
        raise NotAllowed(_("Choose award, not awarded or request changes."))
    with transaction.atomic():
        portfolio = locked(portfolio)
        check_programme_team(actor, portfolio)
        if portfolio.status != PortfolioStatus.UNDER_ASSESSMENT:
            raise InvalidState(_("The portfolio is not under assessment."))
        version = current_version(portfolio)
        if Decision.objects.filter(version=version).exists():
            raise InvalidState(_("This version has a decision already."))
        state = state_of(list(version.assessments.select_related("rubric")))
        if not state.ready_for_decision:
            raise InvalidState(_("The assessors have not reached an outcome yet."))
        if outcome == DecisionOutcome.AWARD and state.recommended != Outcome.PASS:
            raise NotAllowed(
                _("The assessors did not pass the portfolio; it cannot be awarded.")
            )
        if (
            outcome == DecisionOutcome.NOT_AWARDED
            and state.recommended != Outcome.NOT_YET
        ):
            raise NotAllowed(
                _("The assessors passed the portfolio; award it or request changes.")
            )
        text = plain_text(feedback, limit=MAX_FEEDBACK_CHARS, field="feedback")
        if outcome != DecisionOutcome.AWARD and not text:
            raise NotAllowed(_("Write feedback for the lecturer."), field="feedback")
        now = timezone.now()
        decision = Decision.objects.create(
            version=version,
            outcome=outcome,
            feedback=text,
            rubric=state.all()[0].rubric,
            decided_by=actor,
            decided_at=now,
        )
        portfolio.status = {
            DecisionOutcome.AWARD: PortfolioStatus.AWARDED,
            DecisionOutcome.NOT_AWARDED: PortfolioStatus.NOT_AWARDED,
            DecisionOutcome.CHANGES_REQUESTED: PortfolioStatus.CHANGES_REQUESTED,
        }[DecisionOutcome(outcome)]
        portfolio.save(update_fields=["status", "updated_at"])
        log_event(
            action=AuditAction.DECIDED,
            actor=actor,
            portfolio=portfolio,
            version=version.pk,
            outcome=outcome,
            rubric=decision.rubric_id,
        )
        notify(
            recipient=portfolio.user,
            kind="portfolio-decision",
            title=format_lazy(
                gettext_lazy("Decision on your portfolio for “{scheme}”"),
                scheme=portfolio.scheme.title,
            ),
            url=reverse("engage_certification:portfolio", args=[portfolio.pk]),
        )
        if outcome == DecisionOutcome.AWARD:
            record(
                events.certificate_earned(
                    actor=profile_of(portfolio.user).xapi_id,
                    portfolio=portfolio,
                    decision=decision,
                )
            )
            certificate_awarded.send(
                sender=Decision, portfolio=portfolio, decision=decision
            )
            _issue_after_commit(decision.pk)
    return decision
