"""Pages for assessors (their allocated assessments, blind scoring) and for the
programme team (portfolios, allocation, decision). Site pages, not the Wagtail
admin: the same design system, and one place for the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.accounts.access import ensure, requires, requires_object, signed_in

from .. import selectors, services
from ..data import CriterionScoreInput
from ..forms import AllocationForm, AssessmentForm, DecisionForm, ThirdAssessorForm
from ..models import PortfolioStatus
from ..permissions import ASSESS, MANAGE_PORTFOLIOS
from ..selectors.snapshot import read_snapshot
from .actions import Action, perform

# --- assessors ------------------------------------------------------------------------


@signed_in
def assessments(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_certification/assessments.html",
        {"assessments": selectors.my_assessments(request.user)},
    )


def _scores(form: AssessmentForm, data: dict[str, Any]) -> list[CriterionScoreInput]:
    return [
        CriterionScoreInput(
            criterion_id=criterion.pk,
            level_id=int(data[f"level_{criterion.pk}"]),
            comment=data[f"note_{criterion.pk}"],
        )
        for criterion in form.criteria
    ]


@requires_object(ASSESS)
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.assessment_by_pk(pk)
    if found is None:
        raise Http404
    ensure(request.user, ASSESS, found)
    levels, criteria = selectors.rubric_grid(found.rubric)
    form = None
    if not found.is_submitted:
        form = AssessmentForm(
            request.POST if request.method == "POST" else None,
            levels=levels,
            criteria=criteria,
        )
    status = 200
    if request.method == "POST":
        if form is None:
            messages.error(request, _("You submitted this assessment already."))
            return redirect("engage_certification:assessment", pk=found.pk)
        submitted = perform(
            request,
            "submit",
            {
                "submit": Action(
                    form,
                    lambda data: services.submit_assessment(
                        assessor=request.user,
                        assessment=found,
                        scores=_scores(form, data),
                        comment=data["comment"],
                    ),
                    _("Your assessment is submitted."),
                )
            },
        )
        if submitted is not None:
            return redirect("engage_certification:assessment", pk=found.pk)
        status = 400
    others = selectors.visible_to_assessor(found)
    return render(
        request,
        "engage_certification/assessment.html",
        {
            "assessment": found,
            "portfolio": found.version.portfolio,
            "version": found.version,
            "frozen": read_snapshot(found.version.snapshot),
            "form": form,
            "levels": levels,
            "criteria": criteria,
            "own_scores": selectors.scores_of(found) if found.is_submitted else {},
            "others": others,
            "results": selectors.result_table([found, *others])
            if found.is_submitted
            else None,
            "audit": selectors.audit_trail(found.version.portfolio),
        },
        status=status,
    )


# --- the programme team ---------------------------------------------------------------


@requires(MANAGE_PORTFOLIOS, hide=True)
def manage(request: HttpRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    return render(
        request,
        "engage_certification/manage.html",
        {
            "rows": selectors.portfolios_for_admin(status=status),
            "status": status if status in PortfolioStatus.values else "",
            "statuses": PortfolioStatus.choices,
        },
    )


@requires(MANAGE_PORTFOLIOS, hide=True)
def manage_portfolio(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.portfolio_for_admin(pk)
    if found is None:
        raise Http404
    candidates = selectors.assessor_candidates().exclude(pk=found.user_id)
    action = request.POST.get("action", "") if request.method == "POST" else ""
    data = request.POST if request.method == "POST" else None
    version = selectors.latest_version(found)
    current = selectors.version_assessments(version) if version else []
    state = selectors.state_of(current)
    allocation = AllocationForm(
        data if action == "allocate" else None,
        candidates=candidates,
        initial={
            "first": state.first.assessor_id if state.first else None,
            "second": state.second.assessor_id if state.second else None,
        },
    )
    third = ThirdAssessorForm(
        data if action == "third" else None, candidates=candidates
    )
    decision = DecisionForm(data if action == "decide" else None)
    if request.method == "POST" and _admin_action(
        request, found, action, allocation, third, decision
    ):
        return redirect("engage_certification:manage_portfolio", pk=found.pk)
    return render(
        request,
        "engage_certification/manage_portfolio.html",
        {
            "portfolio": found,
            "version": version,
            "versions": selectors.versions_of(found),
            "state": state,
            "assessments": current,
            # Nobody sees scores before both assessors are done (an admin may
            # be an assessor elsewhere, or of this very portfolio).
            "results": selectors.result_table(current)
            if state.both_submitted
            else None,
            "allocation_form": allocation,
            "third_form": third,
            "decision_form": decision,
            "audit": selectors.audit_trail(found),
        },
        status=400 if request.method == "POST" else 200,
    )


def _admin_action(
    request: HttpRequest,
    found: Any,
    action: str,
    allocation: AllocationForm,
    third: ThirdAssessorForm,
    decision: DecisionForm,
) -> bool:
    actor = request.user
    actions = {
        "allocate": Action(
            allocation,
            lambda data: services.allocate_assessors(
                actor=actor, portfolio=found, first=data["first"], second=data["second"]
            ),
            _("Assessors allocated."),
        ),
        "third": Action(
            third,
            lambda data: services.allocate_third_assessor(
                actor=actor, portfolio=found, assessor=data["assessor"]
            ),
            _("Third assessor allocated."),
        ),
        "decide": Action(
            decision,
            lambda data: services.decide(
                actor=actor,
                portfolio=found,
                outcome=data["outcome"],
                feedback=data["feedback"],
            ),
            _("Decision confirmed."),
        ),
    }
    return perform(request, action, actions) is not None
