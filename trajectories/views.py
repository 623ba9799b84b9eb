"""Site pages of the trajectories app: parse input, call one service or selector."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .conf import trajectory_settings
from .exceptions import TrajectoryError
from .forms import CheckInForm, PeerGroupsForm
from .models import AttendanceStatus, Cohort, CohortSession, Enrolment, ProgrammePage

CHECKIN_ATTEMPTS = 10  # per person per window; codes have ~10^9 combinations
CHECKIN_WINDOW_SECONDS = 600


def serve_programme(request: HttpRequest, page: ProgrammePage) -> HttpResponse:
    mine = selectors.enrolments_of(request.user)
    return render(
        request,
        "engage_trajectories/programme_page.html",
        {
            "page": page,
            "self": page,
            "cohorts": [
                (cohort, mine.get(cohort.pk))
                for cohort in selectors.cohorts_of_programme(page)
            ],
        },
    )


@login_required
@require_POST
def enrol(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    try:
        enrolment = services.enrol(user=request.user, cohort=cohort)
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
    except TrajectoryError as error:
        messages.error(request, str(error))
        return redirect(cohort.programme.url or "/")
    return redirect("engage_trajectories:mine")


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(Enrolment, pk=pk, user=request.user)
    services.withdraw(user=request.user, enrolment=enrolment)
    messages.success(
        request,
        _("You withdrew. Your journal and records stay available to you."),
    )
    return redirect("engage_trajectories:mine")


@login_required
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


@login_required
@require_POST
def check_in(request: HttpRequest) -> HttpResponse:
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


@login_required
def coach_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_trajectories/coach_home.html",
        {"cohorts": selectors.coached_cohorts(request.user)},
    )


def _coached_cohort(request: HttpRequest, pk: int) -> Cohort:
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    if not services.coaches(request.user, cohort):
        raise Http404
    return cohort


@login_required
def cohort_overview(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _coached_cohort(request, pk)
    if request.method == "POST":
        return _coach_action(request, cohort)
    matrix = selectors.attendance_matrix(cohort)
    groups = selectors.peer_groups_of(cohort)
    return render(
        request,
        "engage_trajectories/cohort.html",
        {
            "matrix": matrix,
            "awaiting": selectors.awaiting_feedback_oldest(cohort),
            "progress": selectors.progress_of_cohort(cohort, matrix=matrix),
            "quiet": selectors.gone_quiet(cohort),
            "quiet_days": trajectory_settings.quiet_days,
            # Translated once: the page repeats them for every participant and
            # session (40 × 10 × 3 radio buttons).
            "statuses": [(v, str(label)) for v, label in AttendanceStatus.choices],
            "peer_form": PeerGroupsForm(
                participants=[enrolment for enrolment, _marks in matrix.rows],
                current=groups,
            ),
            "group_names": sorted(set(groups.values())),
            "group_lines": _group_lines(matrix, groups),
        },
    )


def _group_lines(
    matrix: selectors.AttendanceMatrix, groups: dict[int, str]
) -> list[tuple[str, list[str]]]:
    members: dict[str, list[str]] = {}
    for enrolment, _marks in matrix.rows:
        if enrolment.pk in groups:
            members.setdefault(groups[enrolment.pk], []).append(
                enrolment.user.engage_profile.display_name
            )
    return sorted(members.items())


def _coach_action(request: HttpRequest, cohort: Cohort) -> HttpResponse:
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    try:
        session = CohortSession.objects.get(
            cohort=cohort, pk=int(request.POST.get("session", "0"))
        )
    except (CohortSession.DoesNotExist, ValueError):
        messages.error(request, _("Choose a session of this cohort."))
        return redirect(url)
    if request.POST.get("action") == "code":
        code = services.new_checkin_code(actor=request.user, session=session)
        messages.success(
            request,
            _("Check-in code for session %(n)d: %(code)s")
            % {"n": session.number, "code": code},
        )
        return redirect(url)
    saved = 0
    for enrolment in cohort.enrolments.all():
        status = request.POST.get(f"attendance-{enrolment.pk}", "")
        if status in AttendanceStatus.values:
            services.mark_attendance(
                actor=request.user, session=session, enrolment=enrolment, status=status
            )
            saved += 1
    messages.success(
        request, _("Attendance saved for %(n)d participants.") % {"n": saved}
    )
    return redirect(url + f"?session={session.pk}")


def calendar(request: HttpRequest, token: str) -> HttpResponse:
    from .calendar_feed import ics

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
