"""Allocating assessors: two independent assessors per submitted version, a
third when they differ; conflicts of interest are refused."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import notify

from ..exceptions import ConflictOfInterest, InvalidState, NotAllowed
from ..models import (
    Assessment,
    AssessorRole,
    AuditAction,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    Rubric,
)
from ..permissions import (
    ASSESS_INDEPENDENTLY,
    ASSESS_PORTFOLIO,
    DECIDE_PORTFOLIO,
    MANAGE_PORTFOLIOS,
)
from ..selectors import state_of
from .audit import log_event


def check_programme_team(actor: Any, portfolio: Portfolio) -> None:
    if not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team allocates assessors and decides."))
    # Django grants a superuser every rule: a candidate is refused all the same.
    if portfolio.user_id == actor.pk or not actor.has_perm(DECIDE_PORTFOLIO, portfolio):
        raise ConflictOfInterest(
            _("You cannot allocate assessors for or decide on your own portfolio.")
        )


def _name(user: Any) -> str:
    return profile_of(user).display_name


def _check_assessor(
    user: Any, portfolio: Portfolio, *, may_coach: bool, field: str
) -> None:
    # Django grants a superuser every rule: a candidate is refused all the same.
    if user.pk == portfolio.user_id:
        raise ConflictOfInterest(
            _("%(name)s is the candidate and cannot assess their own portfolio.")
            % {"name": _name(user)},
            field=field,
        )
    if not user.has_perm(ASSESS_PORTFOLIO, portfolio):
        raise NotAllowed(
            _("%(name)s is not an active coach and cannot assess.")
            % {"name": _name(user)},
            field=field,
        )
    if not may_coach and not user.has_perm(ASSESS_INDEPENDENTLY, portfolio):
        raise ConflictOfInterest(
            _(
                "%(name)s coaches the candidate's cohort; the second and third "
                "assessors must be independent of it."
            )
            % {"name": _name(user)},
            field=field,
        )


def current_version(portfolio: Portfolio) -> PortfolioVersion:
    version = portfolio.versions.order_by("-number").first()
    if version is None:
        raise InvalidState(_("The portfolio has not been submitted."))
    return version


def locked(portfolio: Portfolio) -> Portfolio:
    return (
        Portfolio.objects.select_for_update(of=("self",))
        .select_related(
            "scheme__rubric", "scheme__programme", "enrolment__cohort", "user"
        )
        .get(pk=portfolio.pk)
    )


def _allocate(
    *,
    actor: Any,
    portfolio: Portfolio,
    version: PortfolioVersion,
    role: str,
    assessor: Any,
    rubric: Rubric,
) -> Assessment:
    existing = Assessment.objects.filter(version=version, role=role).first()
    if existing is not None:
        if existing.assessor_id == assessor.pk:
            return existing
        _release(existing)
    assessment = Assessment.objects.create(
        version=version,
        assessor=assessor,
        role=role,
        rubric=rubric,
        allocated_by=actor,
    )
    log_event(
        action=AuditAction.ALLOCATED,
        actor=actor,
        portfolio=portfolio,
        version=version.pk,
        role=role,
        assessor=assessor.pk,
    )
    notify(
        recipient=assessor,
        kind="portfolio-to-assess",
        title=format_lazy(
            gettext_lazy("A portfolio for “{scheme}” is waiting for your assessment"),
            scheme=portfolio.scheme.title,
        ),
        url=reverse("engage_certification:assessment", args=[assessment.pk]),
    )
    return assessment


def _release(assessment: Assessment) -> None:
    """Take an allocation back (only while it has not been submitted)."""
    if assessment.is_submitted:
        raise InvalidState(
            _("The %(role)s has submitted already and cannot be replaced.")
            % {"role": assessment.get_role_display().lower()}
        )
    assessment.delete()


def allocate_assessors(
    *, actor: Any, portfolio: Portfolio, first: Any, second: Any
) -> list[Assessment]:
    """Allocate the first assessor (may be a coach of the cohort) and the second
    (must not coach it); neither may be the candidate. An assessor who has not
    submitted yet can be replaced; a submitted judgement of a former (erased)
    assessor stays in its role. The rubric is locked from now on."""
    with transaction.atomic():
        portfolio = locked(portfolio)
        check_programme_team(actor, portfolio)
        if portfolio.status not in (
            PortfolioStatus.SUBMITTED,
            PortfolioStatus.UNDER_ASSESSMENT,
        ):
            raise InvalidState(_("Only a submitted portfolio gets assessors."))
        if first.pk == second.pk:
            raise ConflictOfInterest(
                _("The first and second assessor must be two different people.")
            )
        _check_assessor(first, portfolio, may_coach=True, field="first")
        _check_assessor(second, portfolio, may_coach=False, field="second")
        version = current_version(portfolio)
        rubric_id = portfolio.scheme.rubric_id
        if rubric_id is None:
            raise InvalidState(
                _("The certification scheme has no rubric yet; add one first.")
            )
        # Serialise with an edit of the rubric that is about to be saved.
        rubric = Rubric.objects.select_for_update().get(pk=rubric_id)
        third = Assessment.objects.filter(version=version, role=AssessorRole.THIRD)
        if third.filter(assessor__in=[first, second]).exists():
            raise ConflictOfInterest(
                _("The third assessor cannot also be first or second.")
            )
        wanted = {AssessorRole.FIRST: first, AssessorRole.SECOND: second}
        current_ones = list(version.assessments.filter(role__in=list(wanted)))
        # A former (erased) assessor's submitted judgement keeps its role.
        kept = {
            a.role: a for a in current_ones if a.assessor_id is None and a.is_submitted
        }
        for current in current_ones:
            if current.role in kept:
                continue
            if current.assessor_id != wanted[AssessorRole(current.role)].pk:
                _release(current)
        allocated = [
            kept.get(role)
            or _allocate(
                actor=actor,
                portfolio=portfolio,
                version=version,
                role=role,
                assessor=person,
                rubric=existing_rubric(version, role) or rubric,
            )
            for role, person in wanted.items()
        ]
        if portfolio.status != PortfolioStatus.UNDER_ASSESSMENT:
            portfolio.status = PortfolioStatus.UNDER_ASSESSMENT
            portfolio.save(update_fields=["status", "updated_at"])
    return allocated


def existing_rubric(version: PortfolioVersion, role: str) -> Rubric | None:
    """The rubric the version's other assessments use (all use the same one)."""
    other = (
        Assessment.objects.filter(version=version)
        .exclude(role=role)
        .select_related("rubric")
        .first()
    )
    return other.rubric if other else None


def allocate_third_assessor(
    *, actor: Any, portfolio: Portfolio, assessor: Any
) -> Assessment:
    """When the first two outcomes differ: a third assessor, independent of the
    cohort and of the first two, reconciles."""
    with transaction.atomic():
        portfolio = locked(portfolio)
        check_programme_team(actor, portfolio)
        if portfolio.status != PortfolioStatus.UNDER_ASSESSMENT:
            raise InvalidState(_("The portfolio is not under assessment."))
        version = current_version(portfolio)
        state = state_of(list(version.assessments.all()))
        if not state.needs_reconciliation:
            raise InvalidState(
                _("A third assessor is only needed when the first two outcomes differ.")
            )
        if assessor.pk in (state.first.assessor_id, state.second.assessor_id):  # type: ignore[union-attr]
            raise ConflictOfInterest(
                _("The third assessor must be someone other than the first two.")
            )
        _check_assessor(assessor, portfolio, may_coach=False, field="assessor")
        rubric = state.first.rubric  # type: ignore[union-attr]
        return _allocate(
            actor=actor,
            portfolio=portfolio,
            version=version,
            role=AssessorRole.THIRD,
            assessor=assessor,
            rubric=rubric,
        )
