"""Session evaluation pages: the participant's form, and the results for the
cohort's coaches and the programme team. Parse input, call one service or
selector."""

from __future__ import annotations

import re

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lms.accounts.access import ensure, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import InvalidAnswers, TrajectoryError
from ..forms import EvaluationAnswersForm
from ..models import Cohort, CohortSession, ProgrammePage
from ..permissions import MANAGE_COHORTS, VIEW_EVALUATION_RESULTS

_YEAR = re.compile(r"[0-9]{4}-[0-9]{4}")


@signed_in  # only sessions of the person's own cohorts are found
def evaluation(request: HttpRequest, session_id: int) -> HttpResponse:
    found = selectors.evaluation_form(request.user, session_id)
    if found is None:  # not a session of a cohort you take part in
        raise Http404
    form = EvaluationAnswersForm(
        request.POST if request.method == "POST" else None,
        questions=found.questions,
        initial={"anonymous": found.anonymous},
    )
    if request.method == "POST":
        valid = form.is_valid()
        # A closed or answered evaluation: the service says why, whatever was sent.
        if valid or found.state != "open":
            try:
                services.submit_evaluation(
                    user=request.user,
                    session=found.session,
                    answers=form.answers() if valid else {},
                    anonymous_promised=bool(form.cleaned_data.get("anonymous")),
                )
            except InvalidAnswers as error:
                form.add_answer_errors(error.errors)
            except TrajectoryError as error:
                add_domain_error(form, error)
            else:
                messages.success(request, _("Thank you: your answer was received."))
                return redirect("engage_trajectories:evaluation", session_id)
    return render(
        request,
        "engage_trajectories/evaluation_form.html",
        {"evaluation": found, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@requires_object(VIEW_EVALUATION_RESULTS)
def session_results(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme"), pk=pk
    )
    ensure(request.user, VIEW_EVALUATION_RESULTS, session.cohort)
    return render(
        request,
        "engage_trajectories/evaluation_results.html",
        {"found": selectors.evaluation_results(session), "cohort": session.cohort},
    )


@requires_object(VIEW_EVALUATION_RESULTS)
def cohort_results(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    ensure(request.user, VIEW_EVALUATION_RESULTS, cohort)
    return render(
        request,
        "engage_trajectories/cohort_evaluations.html",
        {
            "found": selectors.cohort_evaluation_results(cohort),
            "manages_cohorts": request.user.has_perm(MANAGE_COHORTS),
        },
    )


@requires_object(MANAGE_COHORTS)
def programme_results(request: HttpRequest, pk: int) -> HttpResponse:
    # Hidden (404), not refused, from whoever is not on the programme team.
    ensure(request.user, MANAGE_COHORTS, None)
    programme = get_object_or_404(ProgrammePage, pk=pk)
    years = selectors.evaluation_years(programme)
    year = request.GET.get("year", "")
    if not _YEAR.fullmatch(year):
        year = years[0] if years else ""
    return render(
        request,
        "engage_trajectories/programme_evaluations.html",
        {
            "found": selectors.programme_evaluation_summary(programme, year),
            "years": years,
        },
    )
