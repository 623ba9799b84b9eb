"""The participant's trajectory: enrolling, withdrawing, checking in, the page of
their trajectories and their calendar feed."""

from __future__ import annotations

from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import public, signed_in

from .. import selectors, services
from ..exceptions import TrajectoryError
from ..forms import CheckInForm
from ..models import Cohort, Enrolment
from ..rules.calendar import ics
from ..rules.checkin import normalised_code

CHECKIN_ATTEMPTS = 10  # per person per window; codes have ~10^9 combinations
CHECKIN_WINDOW_SECONDS = 600


@signed_in
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    try:
        enrolment = services.enrol(user=request.user, cohort=cohort)
    except TrajectoryError as error:
        messages.error(request, str(error))
        return redirect(cohort.programme.url or "/")
    if enrolment.status == "waitlisted":
        messages.warning(
            request,
            _(
                "The cohort is full; you are on the waiting list. "
                "We will tell you when a place opens."
            ),
        )
    else:
        messages.success(request, _("You are enrolled. Welcome!"))
    return redirect("engage_trajectories:mine")


@signed_in
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, pk=pk, user=request.user)
    services.withdraw(user=request.user, enrolment=enrolment)
    messages.success(
        request,
        _("You withdrew. Your journal and records stay available to you."),
    )
    return redirect("engage_trajectories:mine")


@signed_in
def mine(request: HttpRequest) -> HttpResponse:
    trajectories = selectors.my_trajectories(request.user)
    return render(
        request,
        "engage_trajectories/mine.html",
        {
            "trajectories": trajectories,
            "checkin_form": CheckInForm(),
            # Reuses the sessions and attendance above: no query unless one is open.
            "evaluations": selectors.open_evaluations(
                request.user, overviews=trajectories
            ),
        },
    )


def _checkin_allowed(user_pk: object) -> bool:
    key = f"engage:checkin:{user_pk}"
    cache.add(key, 0, CHECKIN_WINDOW_SECONDS)
    try:
        attempts = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, CHECKIN_WINDOW_SECONDS)
        attempts = 1
    return attempts <= CHECKIN_ATTEMPTS


@signed_in
def check_in(request: HttpRequest) -> HttpResponse:
    """POST checks in; GET (what the coach's QR code opens) shows the code to
    confirm, so a scan alone never marks anyone present."""
    if request.method != "POST":
        code = normalised_code(request.GET.get("code", ""))
        return render(
            request,
            "engage_trajectories/check_in.html",
            {"form": CheckInForm(initial={"code": code})},
        )
    form = CheckInForm(request.POST)
    if not _checkin_allowed(request.user.pk):
        messages.error(request, _("Too many attempts. Wait ten minutes and try again."))
    elif not form.is_valid():
        messages.error(request, _("Type the code your coach shows."))
    else:
        try:
            attendance = services.check_in(
                user=request.user, code=form.cleaned_data["code"]
            )
            messages.success(
                request,
                _("You are checked in for session %(n)d.")
                % {"n": attendance.session.number},
            )
        except TrajectoryError as error:
            messages.error(request, str(error))
    return redirect("engage_trajectories:mine")


@public  # the secret token in the address is the access (a calendar app asks)
def calendar(request: HttpRequest, token: str) -> HttpResponse:
    found = selectors.calendar_sessions(token)
    if found is None:
        raise Http404
    enrolment, sessions = found
    response = HttpResponse(
        ics(enrolment, sessions, request.get_host()),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="sessions.ics"'
    response["Cache-Control"] = "private, max-age=900"
    return response
