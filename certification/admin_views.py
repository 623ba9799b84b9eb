"""Wagtail admin views: import/export a competency framework, version a rubric."""

from __future__ import annotations

from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.uploads import UploadValidator

from . import selectors, services
from .exceptions import CertificationError
from .exchange import CSV_COLUMNS, MAX_IMPORT_BYTES, export_csv, export_json
from .models import CompetencyFramework, Rubric
from .viewsets import EXPORT_PERMISSION, IMPORT_PERMISSION, RUBRIC_PERMISSION


class FrameworkImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("JSON or CSV file"),
        validators=[
            UploadValidator(
                extensions=("json", "csv", "txt"), max_bytes=MAX_IMPORT_BYTES
            )
        ],
        help_text=gettext_lazy(
            "UTF-8; at most 1 MB. The format follows the file's extension."
        ),
    )


def import_framework_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied
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


def export_framework_view(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if not request.user.has_perm(EXPORT_PERMISSION):
        raise PermissionDenied
    framework = CompetencyFramework.objects.filter(pk=pk).first()
    if framework is None or fmt not in ("json", "csv"):
        raise Http404
    data = selectors.framework_data(framework)
    if fmt == "json":
        response = HttpResponse(export_json(data), content_type="application/json")
    else:
        response = HttpResponse(
            export_csv(data), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = (
        f'attachment; filename="{framework.code}-{framework.version}.{fmt}"'
    )
    return response


def new_rubric_version_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(RUBRIC_PERMISSION):
        raise PermissionDenied
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
