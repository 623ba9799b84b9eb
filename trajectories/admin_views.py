"""Wagtail admin view: import a cohort's participants from CSV, with a report of
every row."""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from lms.uploads import UploadValidator

from . import services
from .exchange import MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, import_participants
from .models import Cohort


class ParticipantsFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        validators=[
            UploadValidator(extensions=("csv", "txt"), max_bytes=MAX_IMPORT_BYTES)
        ],
        help_text=_(
            "UTF-8; the first row names the columns e-mail, first name, last name "
            "and faculty code. At most 1 MB."
        ),
    )


def _edit_url(request: HttpRequest, cohort: Cohort) -> str:
    namespace = request.resolver_match.namespace if request.resolver_match else ""
    return reverse(f"{namespace}:edit", args=[cohort.pk]) if namespace else ""


def import_participants_view(request: HttpRequest, pk: int) -> HttpResponse:
    if not services.may_manage_cohorts(request.user):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    report = None
    form = ParticipantsFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = import_participants(
            actor=request.user, cohort=cohort, file=form.cleaned_data["file"]
        )
    return render(
        request,
        "engage_trajectories/admin/import_participants.html",
        {
            "cohort": cohort,
            "form": form,
            "report": report,
            "max_rows": MAX_IMPORT_ROWS,
            "edit_url": _edit_url(request, cohort),
        },
        status=400
        if (form.is_bound and form.errors) or (report and report.problem)
        else 200,
    )
