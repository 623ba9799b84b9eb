"""The coach's pages beyond the cohort overview: peer groups, session summaries,
the attendance download. Parse input, call one service or selector."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .exceptions import TrajectoryError
from .exchange import attendance_csv_response
from .forms import PeerGroupsForm, SessionSummaryForm
from .models import Cohort, CohortSession, SessionSummary


def _coached(request: HttpRequest, cohort: Cohort) -> None:
    if not services.coaches(request.user, cohort):
        raise Http404


def _peer_groups_form(cohort: Cohort, data: object = None) -> PeerGroupsForm:
    return PeerGroupsForm(
        data,
        participants=[e for e, _marks in selectors.attendance_matrix(cohort).rows],
        current=selectors.peer_groups_of(cohort),
    )


@login_required
@require_POST
def peer_groups(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    _coached(request, cohort)
    form = _peer_groups_form(cohort, request.POST)
    url = reverse("engage_trajectories:cohort", args=[cohort.pk]) + "#peer-groups"
    if not form.is_valid():
        messages.error(request, _("A group name can have at most 100 characters."))
        return redirect(url)
    groups = services.form_peer_groups(
        actor=request.user, cohort=cohort, assignment=form.assignment()
    )
    messages.success(
        request,
        _("Peer groups saved: %(n)d groups.") % {"n": len(groups)},
    )
    return redirect(url)


@login_required
def session_summary(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme"), pk=pk
    )
    _coached(request, session.cohort)
    current = SessionSummary.objects.filter(session=session).first()
    form = SessionSummaryForm(
        request.POST or None, initial={"body": current.body if current else ""}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.post_session_summary(
                actor=request.user, session=session, body=form.cleaned_body()
            )
            messages.success(request, _("The summary is posted."))
            return redirect("engage_trajectories:cohort", pk=session.cohort_id)
        except TrajectoryError as error:
            form.add_error("body", str(error))
    return render(
        request,
        "engage_trajectories/session_summary.html",
        {"session": session, "summary": current, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def attendance_csv(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort, pk=pk)
    if not services.may_export_attendance(request.user, cohort):
        raise Http404
    return attendance_csv_response(selectors.attendance_export(cohort))
