"""The yearly reports: request one, see the list, download the PDF."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from lms.accounts.access import ensure, requires, requires_object
from lms.exceptions import DomainError
from lms.forms import add_domain_error

from ..forms import ReportRequestForm
from ..models import ReportStatus
from ..selectors import insight, reports
from ..services.reports import request_report


def _request_form(request: HttpRequest) -> ReportRequestForm:
    """The faculties offered: every one to the programme team, else their own."""
    user = request.user
    institution = user.has_perm("engage_frontend.view_institution_insight")
    own = None if institution else insight.own_insight_faculty(user)
    faculties = [
        (pk, name)
        for pk, name in insight.faculty_names().items()
        if institution or pk == own
    ]
    return ReportRequestForm(
        request.POST if request.method == "POST" else None,
        faculties=faculties,
        institution=institution,
    )


@requires("engage_frontend.view_insight")
def report_list(request: HttpRequest) -> HttpResponse:
    form = _request_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            request_report(
                actor=request.user,
                year=form.cleaned_data["year"],
                faculty_id=form.cleaned_data["faculty"],
            )
        except DomainError as error:
            add_domain_error(form, error)
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
            "reports": list(reports.reports_for(request.user)[:50]),
            "is_team": request.user.has_perm(
                "engage_frontend.view_institution_insight"
            ),
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@requires_object("engage_frontend.view_report")
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    report = reports.report_by_id(pk)
    if report is None:
        raise Http404
    ensure(request.user, "engage_frontend.view_report", report)
    if report.status != ReportStatus.READY or not report.file:
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
