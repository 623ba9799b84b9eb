"""Pages for assessors (their allocated assessments, blind scoring) and for the
programme team (portfolios, allocation, decision). Site pages, not the Wagtail
admin: the same design system, and one place for the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from lms.accounts.access import ensure, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..data import CriterionScoreInput
from ..exceptions import CertificationError
from ..forms import AllocationForm, AssessmentForm, DecisionForm, ThirdAssessorForm
from ..models import PortfolioStatus
from ..permissions import ASSESS, MANAGE_PORTFOLIOS
from ..selectors.snapshot import read_snapshot
from .access import requires_hidden

# --- assessors ------------------------------------------------------------------------


@signed_in
def assessments(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_certification/assessments.html",
        {"assessments": selectors.my_assessments(request.user)},
    )


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
        if form.is_valid():
            try:
                services.submit_assessment(
                    assessor=request.user,
                    assessment=found,
                    scores=[
                        CriterionScoreInput(
                            criterion_id=criterion.pk,
                            level_id=int(form.cleaned_data[f"level_{criterion.pk}"]),
                            comment=form.cleaned_data[f"note_{criterion.pk}"],
                        )
                        for criterion in form.criteria
                    ],
                    comment=form.cleaned_data["comment"],
                )
                messages.success(request, _("Your assessment is submitted."))
                return redirect("engage_certification:assessment", pk=found.pk)
            except CertificationError as error:
                add_domain_error(form, error)
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


@requires_hidden(MANAGE_PORTFOLIOS)
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


@requires_hidden(MANAGE_PORTFOLIOS)
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
    acting = {"allocate": allocation, "third": third, "decide": decision}
    try:
        if action == "allocate" and allocation.is_valid():
            services.allocate_assessors(
                actor=request.user,
                portfolio=found,
                first=allocation.cleaned_data["first"],
                second=allocation.cleaned_data["second"],
            )
            messages.success(request, _("Assessors allocated."))
            return True
        if action == "third" and third.is_valid():
            services.allocate_third_assessor(
                actor=request.user,
                portfolio=found,
                assessor=third.cleaned_data["assessor"],
            )
            messages.success(request, _("Third assessor allocated."))
            return True
        if action == "decide" and decision.is_valid():
            services.decide(
                actor=request.user,
                portfolio=found,
                outcome=decision.cleaned_data["outcome"],
                feedback=decision.cleaned_data["feedback"],
            )
            messages.success(request, _("Decision confirmed."))
            return True
    except CertificationError as error:
        add_domain_error(acting[action], error)
        return False
    if action not in ("allocate", "third", "decide"):
        messages.error(request, _("Choose what to do."))
    return False
