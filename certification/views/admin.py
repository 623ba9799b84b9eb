"""Wagtail admin views: import/export a competency framework, version a rubric."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from lms.accounts.access import requires

from .. import selectors, services
from ..exceptions import CertificationError
from ..forms import FrameworkImportForm
from ..models import CompetencyFramework, Rubric
from ..permissions import EXPORT_FRAMEWORK, IMPORT_FRAMEWORK, VERSION_RUBRIC
from ..rules.framework_exchange import CSV_COLUMNS, MAX_IMPORT_BYTES


@requires(IMPORT_FRAMEWORK)
def import_framework_view(request: HttpRequest) -> HttpResponse:
    report = None
    form = FrameworkImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = PurePath(upload.name).suffix.lower().lstrip(".")
        report = services.import_framework(
            actor=request.user,
            raw=upload.read(MAX_IMPORT_BYTES + 1),
            fmt="json" if suffix == "json" else "csv",
        )
        if report.ok:
            messages.success(request, _("Framework imported."))
            return redirect(
                reverse("competency-frameworks:edit", args=[report.framework_id])
            )
    return render(
        request,
        "engage_certification/admin/import.html",
        {"form": form, "report": report, "columns": CSV_COLUMNS},
        status=400 if request.method == "POST" else 200,
    )


@requires(EXPORT_FRAMEWORK)
def export_framework_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    framework = CompetencyFramework.objects.filter(pk=pk).first()
    if framework is None or fmt not in ("json", "csv"):
        raise Http404
    content_type = "application/json" if fmt == "json" else "text/csv; charset=utf-8"
    response = HttpResponse(
        selectors.exported(framework, fmt), content_type=content_type
    )
    response["Content-Disposition"] = (
        f'attachment; filename="{framework.code}-{framework.version}.{fmt}"'
    )
    return response


@requires(VERSION_RUBRIC)
def new_rubric_version_view(request: HttpRequest, pk: int) -> HttpResponse:
    rubric = Rubric.objects.filter(pk=pk).first()
    if rubric is None:
        raise Http404
    if request.method == "POST":
        try:
            copy = services.new_rubric_version(actor=request.user, rubric=rubric)
        except CertificationError as error:
            messages.error(request, str(error))
            return redirect(reverse("rubrics:edit", args=[rubric.pk]))
        messages.success(
            request,
            _("Version %(n)d created; the schemes that used the rubric now use it.")
            % {"n": copy.version},
        )
        return redirect(reverse("rubrics:edit", args=[copy.pk]))
    return render(
        request,
        "engage_certification/admin/new_rubric_version.html",
        {"rubric": rubric, "schemes": rubric.schemes.all()},
    )
