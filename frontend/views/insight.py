"""The insight dashboards and their CSV downloads (see `frontend.selectors.insight`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from lms.accounts.access import requires

from ..conf import insight_min_cell
from ..rules.insight import Dashboard, Filters, read_filters, year_choices
from ..selectors import insight

KINDS = ("programme", "faculty")


def _locked_faculty(user: Any, kind: str) -> int | None:
    """The faculty a dashboard is locked to: none for the programme team, the
    coordinator's own otherwise (403 for whoever has neither)."""
    if user.has_perm("engage_frontend.view_institution_insight"):
        return None
    own = insight.own_insight_faculty(user) if kind == "faculty" else None
    if own is None:
        raise PermissionDenied
    return own


def _board(request: HttpRequest, kind: str) -> tuple[Dashboard, dict[str, Any]]:
    locked = _locked_faculty(request.user, kind)
    years = year_choices()
    programmes, cohorts, faculties = insight.filter_choices(years, locked)
    filters = read_filters(
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
        filters = replace(filters, faculty_id=first)
    board = insight.build(
        kind=kind, filters=filters, faculties=faculties, viewer=request.user
    )
    return board, {
        "board": board,
        "years": years,
        "programmes": sorted(programmes.items(), key=lambda item: item[1]),
        "cohorts": _cohorts_offered(cohorts, filters),
        "faculties": list(faculties.items()),
        "faculty_locked": locked is not None,
        "minimum": insight_min_cell(),
        "query": filters.query(),
    }


def _cohorts_offered(cohorts: dict[int, Any], filters: Filters) -> list[Any]:
    """The cohorts of the chosen year (and programme, when one is chosen)."""
    return [
        c
        for c in cohorts.values()
        if c.academic_year == filters.year
        and filters.programme_id in (None, c.programme_id)
    ]


@requires("engage_frontend.view_institution_insight")
def programme_dashboard(request: HttpRequest) -> HttpResponse:
    _board_, context = _board(request, "programme")
    return render(request, "engage_frontend/insight.html", context)


@requires("engage_frontend.view_insight")
def faculty_dashboard(request: HttpRequest) -> HttpResponse:
    _board_, context = _board(request, "faculty")
    return render(request, "engage_frontend/insight.html", context)


@requires("engage_frontend.view_insight")
def chart_csv(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    """One chart's data as CSV (UTF-8 with BOM), with the page's filters; the
    programme kind also asks `engage_frontend.view_institution_insight`."""
    if kind not in KINDS:
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
