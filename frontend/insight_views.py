"""The insight dashboards and their CSV downloads (see `insight`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lms.accounts import selectors as accounts

from . import insight, reports
from .models import ReportStatus


def _choices(
    years: list[str], faculty_id: int | None
) -> tuple[dict[int, str], dict[int, Any], dict[int, str]]:
    faculties = {
        f.pk: str(f) for f in accounts.active_faculties().order_by("sort_order", "pk")
    }
    if not apps.is_installed("trajectories"):
        return {}, {}, faculties
    from trajectories.selectors import insight as trajectory_insight

    programmes = {p.pk: p.title for p in trajectory_insight.programmes()}
    cohorts = {
        c.pk: c for c in trajectory_insight.cohort_choices(tuple(years), faculty_id)
    }
    return programmes, cohorts, faculties


def _board(request: HttpRequest, kind: str) -> tuple[insight.Dashboard, dict[str, Any]]:
    user = request.user
    team = insight.is_programme_team(user)
    locked = None
    if kind == "programme":
        if not team:
            raise PermissionDenied
    else:
        own = insight.own_faculty_id(user)
        if not team:
            if own is None:
                raise PermissionDenied
            locked = own
    years = insight.year_choices()
    programmes, cohorts, faculties = _choices(years, locked)
    filters = insight.read_filters(
        request.GET,
        programmes=programmes,
        cohorts=cohorts,
        faculties=faculties,
        locked_faculty=locked,
    )
    if kind == "faculty" and filters.faculty_id is None:
        # The programme team looks at one faculty at a time here: the first.
        first = next(iter(faculties), None)
        if first is None:
            raise Http404
        filters = insight.Filters(
            year=filters.year,
            programme_id=filters.programme_id,
            cohort_id=filters.cohort_id,
            faculty_id=first,
            problems=filters.problems,
        )
    board = insight.build(kind=kind, filters=filters, faculties=faculties, viewer=user)
    context = {
        "board": board,
        "years": years,
        "programmes": sorted(programmes.items(), key=lambda item: item[1]),
        "cohorts": [
            c
            for c in cohorts.values()
            if c.academic_year == filters.year
            and filters.programme_id in (None, c.programme_id)
        ],
        "faculties": list(faculties.items()),
        "faculty_locked": locked is not None,
        "minimum": insight.minimum_cell(),
        "query": filters.query(),
    }
    return board, context


@login_required
def programme_dashboard(request: HttpRequest) -> HttpResponse:
    _board_, context = _board(request, "programme")
    return render(request, "engage_frontend/insight.html", context)


@login_required
def faculty_dashboard(request: HttpRequest) -> HttpResponse:
    _board_, context = _board(request, "faculty")
    return render(request, "engage_frontend/insight.html", context)


@login_required
def chart_csv(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    if kind not in ("programme", "faculty"):
        raise Http404
    board, _context = _board(request, kind)
    chart = board.chart(key)
    if chart is None:
        raise Http404
    response = HttpResponse(
        "\ufeff" + chart.csv(), content_type="text/csv; charset=utf-8"
    )
    name = slugify(f"{chart.title}")[:80] or key
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


class ReportRequestForm(forms.Form):
    year = forms.ChoiceField(label=_("Academic year"))
    faculty = forms.TypedChoiceField(
        label=_("Report on"), coerce=int, empty_value=None, required=False
    )

    def __init__(
        self, *args: Any, faculties: list[tuple[int, str]], team: bool, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in insight.year_choices()]
        choices: list[tuple[Any, str]] = list(faculties)
        if team:
            choices = [("", _("The whole institution")), *choices]
        self.fields["faculty"].choices = choices
        # A coordinator reports on their own faculty, never the institution.
        self.fields["faculty"].required = not team


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    team = insight.is_programme_team(user)
    own = insight.own_faculty_id(user)
    if not team and own is None:
        raise PermissionDenied
    faculties = [
        (f.pk, str(f))
        for f in accounts.active_faculties().order_by("sort_order", "pk")
        if team or f.pk == own
    ]
    form = ReportRequestForm(
        request.POST if request.method == "POST" else None,
        faculties=faculties,
        team=team,
    )
    if request.method == "POST" and form.is_valid():
        try:
            reports.request_report(
                actor=user,
                year=form.cleaned_data["year"],
                faculty_id=form.cleaned_data["faculty"],
            )
        except ValueError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("The report is being prepared; it appears below when it is ready."),
            )
            return redirect("engage_frontend:insight_reports")
    return render(
        request,
        "engage_frontend/insight_reports.html",
        {
            "form": form,
            "reports": list(reports.reports_for(user)[:50]),
            "is_team": team,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@login_required
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = reports.report_for(request.user, pk)
    if report is None or report.status != ReportStatus.READY or not report.file:
        raise Http404
    try:
        handle = report.file.open("rb")
    except OSError as error:
        raise Http404 from error
    scope = slugify(str(report.faculty)) if report.faculty_id else "institution"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"engage-pd-{scope}-{report.academic_year}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
