"""Wagtail admin view: import practices from CSV, with a report of every row."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from lms.accounts.access import requires
from lms.uploads import UploadValidator

from ..permissions import IMPORT
from ..services.exchange import IMPORT_COLUMNS, MAX_IMPORT_BYTES, import_practices


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        validators=[
            UploadValidator(extensions=("csv", "txt"), max_bytes=MAX_IMPORT_BYTES)
        ],
        help_text=_("UTF-8, first row with column names."),
    )


@requires(IMPORT)
def import_view(request: HttpRequest) -> HttpResponse:
    report = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = import_practices(importer=request.user, file=form.cleaned_data["file"])
    return render(
        request,
        "engage_practices/admin/import.html",
        {"form": form, "report": report, "columns": IMPORT_COLUMNS},
        status=400 if form.is_bound and form.errors else 200,
    )
