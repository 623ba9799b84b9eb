"""The yearly report: the insight dashboard of one academic year, for one faculty
or the whole institution, as a PDF for the university's annual transparent
reporting. Requested on the site, built by a Celery task
(`frontend.tasks.build_yearly_report`), stored in private storage and downloaded
by whoever may see it (`engage_frontend.view_report`).
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lms.accounts import selectors as accounts
from lms.queueing import enqueue, enqueue_on_commit

from ..conf import insight_min_cell
from ..exceptions import FrontendError, ReportNotAllowed
from ..models import ReportStatus, YearlyReport
from ..rules.insight import year_choices
from ..rules.pdf import render_report
from ..selectors.reports import report_board


def request_report(*, actor: Any, year: str, faculty_id: int | None) -> YearlyReport:
    """Queue the report of `year` for a faculty (or None: the institution), in the
    actor's language. An identical request still being prepared is reused.
    Refuses a year or faculty not offered, and a report the actor may not
    request (`engage_frontend.request_report`)."""
    if year not in year_choices():
        raise FrontendError(
            _("Choose one of the academic years offered."), field="year"
        )
    if (
        faculty_id is not None
        and not accounts.active_faculties().filter(pk=faculty_id).exists()
    ):
        raise FrontendError(_("Choose one of the faculties offered."), field="faculty")
    language = (translation.get_language() or "en")[:2]
    wanted = YearlyReport(academic_year=year, faculty_id=faculty_id, language=language)
    if not actor.has_perm("engage_frontend.request_report", wanted):
        # Only a faculty the form offered them; the same words as the form's.
        raise ReportNotAllowed(
            _("Choose one of the faculties offered."), field="faculty"
        )
    with transaction.atomic():
        pending = _pending_like(wanted)
        if pending is not None:
            return pending
        wanted.requested_by = actor
        wanted.save()
        enqueue_on_commit(BUILD_YEARLY_REPORT, wanted.pk)
    return wanted


BUILD_YEARLY_REPORT = "frontend.tasks.build_yearly_report"


def enqueue_pending_reports(*, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Enqueue again every report still being prepared after `older_than` (its
    task was lost, or the broker was down when it was requested); how many."""
    cutoff = timezone.now() - older_than
    ids = list(
        YearlyReport.objects.filter(
            status=ReportStatus.PENDING, requested_at__lte=cutoff
        ).values_list("pk", flat=True)[:100]
    )
    for report_id in ids:
        enqueue(BUILD_YEARLY_REPORT, report_id)
    return len(ids)


def _pending_like(wanted: YearlyReport) -> YearlyReport | None:
    return (
        YearlyReport.objects.filter(
            Q(faculty_id=wanted.faculty_id)
            if wanted.faculty_id
            else Q(faculty__isnull=True),
            academic_year=wanted.academic_year,
            language=wanted.language,
            status=ReportStatus.PENDING,
        )
        .order_by("-pk")
        .first()
    )


def build_report(*, report_id: int) -> YearlyReport | None:
    """Build and store the PDF of report `report_id` (None: there is no such
    report). Idempotent: a ready report is left as it is. A failed build is
    recorded on the report (shown to the requester) and raised again."""
    report = YearlyReport.objects.select_related("faculty").filter(pk=report_id).first()
    if report is None or report.status == ReportStatus.READY:
        return report
    started = time.perf_counter()
    try:
        with translation.override(report.language):
            content = _render(report)
    except Exception as error:  # noqa: BLE001 - recorded, shown to the requester
        _record_failure(report, error)
        raise
    report.file.save(f"{report.academic_year}.pdf", ContentFile(content), save=False)
    report.size = len(content)
    report.status = ReportStatus.READY
    report.error = ""
    report.finished_at = timezone.now()
    report.build_seconds = round(time.perf_counter() - started, 3)
    report.save()
    return report


def _render(report: YearlyReport) -> bytes:
    board, scope = report_board(report)
    return render_report(
        board,
        scope=scope,
        year=report.academic_year,
        made_on=date_format(timezone.localtime(), "j F Y"),
        minimum=insight_min_cell(),
    )


def _record_failure(report: YearlyReport, error: Exception) -> None:
    report.status = ReportStatus.FAILED
    report.error = f"{type(error).__name__}: {error}"[:2000]
    report.finished_at = timezone.now()
    report.save(update_fields=["status", "error", "finished_at"])
