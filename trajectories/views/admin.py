"""Wagtail admin view: import a cohort's participants from CSV, with a report of
every row."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from lms.accounts.access import requires

from .. import services
from ..forms import ParticipantsFileForm
from ..models import Cohort
from ..permissions import MANAGE_COHORTS
from ..services.participant_import import MAX_IMPORT_ROWS


def _edit_url(request: HttpRequest, cohort: Cohort) -> str:
    namespace = request.resolver_match.namespace if request.resolver_match else ""
    return reverse(f"{namespace}:edit", args=[cohort.pk]) if namespace else ""


@requires(MANAGE_COHORTS)
def import_participants(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(Cohort.objects.select_related("programme"), pk=pk)
    report = None
    form = ParticipantsFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = services.import_participants(
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
