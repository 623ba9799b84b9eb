"""The coach's pages: their cohorts, a cohort's overview (attendance, check-in
codes, peer groups), session summaries and the attendance download."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires_object, signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..conf import trajectory_settings
from ..data import AttendanceConflict
from ..exceptions import TrajectoryError
from ..forms import PeerGroupsForm, SessionSummaryForm, attendance_marks
from ..models import AttendanceStatus, Cohort, CohortSession
from ..permissions import COACH_COHORT, EXPORT_ATTENDANCE


def _cohort(request: HttpRequest, pk: int, permission: str = COACH_COHORT) -> Cohort:
    """The cohort, when the person may: for anyone else it does not exist."""
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    ensure(request.user, permission, cohort)
    return cohort


@signed_in
def coach_home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "engage_trajectories/coach_home.html",
        {"cohorts": selectors.coached_cohorts(request.user)},
    )


@requires_object(COACH_COHORT)
def cohort_overview(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
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
    session_id = request.POST.get("session", "")
    session = (
        selectors.session_of_cohort(cohort, int(session_id))
        if session_id.isdigit() and len(session_id) < 19
        else None
    )
    if session is None:
        messages.error(request, _("Choose a session of this cohort."))
        return redirect(url)
    if request.POST.get("action") == "code":
        return _new_code(request, session, url)
    return _mark_attendance(request, session, url)


def _new_code(request: HttpRequest, session: CohortSession, url: str) -> HttpResponse:
    # The code goes to the screen made to project it, not into a flash message.
    services.new_checkin_code(actor=request.user, session=session)
    return redirect("engage_trajectories:checkin_screen", pk=session.pk)


def _mark_attendance(
    request: HttpRequest, session: CohortSession, url: str
) -> HttpResponse:
    marks = attendance_marks(request.POST)
    # What each mark was when this coach's page was loaded.
    loaded = attendance_marks(request.POST, prefix="was-")
    try:
        if marks is None or loaded is None:
            raise TrajectoryError(_("Choose present, excused or absent."))
        result = services.mark_attendance_batch(
            actor=request.user, session=session, marks=marks, loaded=loaded
        )
    except TrajectoryError as error:
        messages.error(
            request, _("Nothing was saved: %(why)s") % {"why": error.message}
        )
    else:
        if result.conflicts:
            messages.warning(request, _conflicts_message(result.conflicts))
        messages.success(
            request,
            ngettext(
                "Attendance saved for %(n)d participant.",
                "Attendance saved for %(n)d participants.",
                result.saved,
            )
            % {"n": result.saved},
        )
    return redirect(url + f"?session={session.pk}")


def _conflicts_message(conflicts: tuple[AttendanceConflict, ...]) -> str:
    """Which marks were not saved because someone else changed them first, who
    did, and when."""
    labels = dict(AttendanceStatus.choices)
    rows = []
    for c in conflicts:
        values = {
            "participant": c.participant,
            "status": labels.get(c.status, _("not recorded")),
            "wanted": labels.get(c.wanted, c.wanted),
            "by": c.by or _("someone else"),
            "at": date_format(localtime(c.at), "j M H:i") if c.at else "",
        }
        if c.checked_in:
            row = _(
                "%(participant)s checked in with the code at %(at)s: %(status)s "
                "(you chose %(wanted)s)"
            )
        else:
            row = _(
                "%(participant)s: %(status)s, set by %(by)s at %(at)s (you chose "
                "%(wanted)s)"
            )
        rows.append(row % values)
    return ngettext(
        "Not saved for %(n)d participant, because someone else changed the mark "
        "after you opened this page: %(rows)s. The page shows the mark as it is "
        "now; change it again if you still mean to.",
        "Not saved for %(n)d participants, because someone else changed their "
        "marks after you opened this page: %(rows)s. The page shows the marks as "
        "they are now; change them again if you still mean to.",
        len(conflicts),
    ) % {"n": len(conflicts), "rows": "; ".join(rows)}


def _peer_groups_form(cohort: Cohort, data: object = None) -> PeerGroupsForm:
    return PeerGroupsForm(
        data,
        participants=[e for e, _marks in selectors.attendance_matrix(cohort).rows],
        current=selectors.peer_groups_of(cohort),
    )


@requires_object(COACH_COHORT)
@require_POST
def peer_groups(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
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


@requires_object(COACH_COHORT)
def session_summary(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(
        CohortSession.objects.select_related("cohort__programme"), pk=pk
    )
    ensure(request.user, COACH_COHORT, session.cohort)
    current = selectors.summary_of(session)
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
            add_domain_error(form, error)
    return render(
        request,
        "engage_trajectories/session_summary.html",
        {"session": session, "summary": current, "form": form},
        status=400 if form.is_bound and form.errors else 200,
    )


@requires_object(EXPORT_ATTENDANCE)
def attendance_csv(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk, EXPORT_ATTENDANCE)
    export = selectors.attendance_export(cohort)
    response = HttpResponse(
        selectors.attendance_csv(export), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="attendance-cohort-{export.cohort.pk}.csv"'
    )
    response["Cache-Control"] = "private, no-store"
    return response
