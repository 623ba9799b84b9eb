"""The yearly reports a person may see, and the dashboard a report holds."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from ..models import YearlyReport
from ..rules.insight import Dashboard, Filters
from .insight import build, faculty_names, own_insight_faculty


def reports_for(user: Any) -> QuerySet[YearlyReport]:
    """The reports `user` may see, newest first: every one for whoever sees the
    institution's insight, else those of the faculty whose insight they see."""
    reports = YearlyReport.objects.select_related("faculty")
    if user.has_perm("engage_frontend.view_institution_insight"):
        return reports
    own = own_insight_faculty(user)
    if own is None:
        return reports.none()
    return reports.filter(faculty_id=own)


def report_by_id(pk: int) -> YearlyReport | None:
    """The report `pk` with its faculty (None when there is none); the caller
    asks `engage_frontend.view_report` before showing it."""
    return YearlyReport.objects.select_related("faculty").filter(pk=pk).first()


def report_board(report: YearlyReport) -> tuple[Dashboard, str]:
    """The dashboard the report holds (no viewer: no personal to-do list) and the
    name of its scope (the faculty, or the whole institution)."""
    faculties = faculty_names()
    if report.faculty_id is not None:
        faculties.setdefault(report.faculty_id, str(report.faculty))
    filters = Filters(year=report.academic_year, faculty_id=report.faculty_id)
    kind = "faculty" if report.faculty_id else "programme"
    board = build(kind=kind, filters=filters, faculties=faculties, viewer=None)
    scope = (
        faculties.get(report.faculty_id, "")
        if report.faculty_id
        else _("The whole institution")
    )
    return board, scope
