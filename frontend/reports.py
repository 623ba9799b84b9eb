"""The yearly report: the insight dashboard of one academic year, for one faculty
or the whole institution, as a PDF for the university's annual transparent
reporting. Requested on the site, built by a Celery task (`tasks.build_yearly_report`)
with fpdf2, stored in private storage and downloaded by whoever may see it.

The report holds exactly what the dashboard shows — aggregates with small cells
suppressed — so it can be passed on without exposing anyone.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from fpdf import FPDF

from lms.accounts import selectors as accounts

from . import insight
from .charts import PALETTE, Chart
from .models import ReportStatus, YearlyReport

_FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)
_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
    "\u2014": "-", "\u2026": "...", "\u00a0": " ", "\u202f": " ", "\u2022": "-",
}  # fmt: skip


# --- who may -------------------------------------------------------------------


def may_request(user: Any, faculty_id: int | None) -> bool:
    """The programme team: any faculty or the institution; a coordinator: their
    own faculty."""
    if insight.is_programme_team(user):
        return True
    own = insight.own_faculty_id(user)
    return own is not None and faculty_id == own


def reports_for(user: Any) -> QuerySet[YearlyReport]:
    """The reports `user` may see, newest first."""
    reports = YearlyReport.objects.select_related("faculty")
    if insight.is_programme_team(user):
        return reports
    own = insight.own_faculty_id(user)
    if own is None:
        return reports.none()
    return reports.filter(faculty_id=own)


def report_for(user: Any, pk: int) -> YearlyReport | None:
    return reports_for(user).filter(pk=pk).first()


# --- requesting ----------------------------------------------------------------


def request_report(*, actor: Any, year: str, faculty_id: int | None) -> YearlyReport:
    """Queue the report of `year` for a faculty (or None: the institution), in the
    actor's language. An identical request still being prepared is reused."""
    if year not in insight.year_choices():
        raise ValueError(_("Choose one of the academic years offered."))
    if (
        faculty_id is not None
        and not accounts.active_faculties().filter(pk=faculty_id).exists()
    ):
        raise ValueError(_("Choose one of the faculties offered."))
    if not may_request(actor, faculty_id):
        raise PermissionDenied
    language = (translation.get_language() or "en")[:2]
    from .tasks import build_yearly_report

    with transaction.atomic():
        pending = (
            YearlyReport.objects.filter(
                Q(faculty_id=faculty_id) if faculty_id else Q(faculty__isnull=True),
                academic_year=year,
                language=language,
                status=ReportStatus.PENDING,
            )
            .order_by("-pk")
            .first()
        )
        if pending is not None:
            return pending
        report = YearlyReport.objects.create(
            academic_year=year,
            faculty_id=faculty_id,
            language=language,
            requested_by=actor,
        )
        transaction.on_commit(lambda: build_yearly_report.delay(report.pk))
    return report


# --- building ------------------------------------------------------------------


def build_report(report: YearlyReport) -> YearlyReport:
    """Build and store the PDF (idempotent: a ready report is left as it is)."""
    if report.status == ReportStatus.READY:
        return report
    started = time.perf_counter()
    try:
        with translation.override(report.language):
            content = render_pdf(report)
    except Exception as error:  # noqa: BLE001 - recorded, shown to the requester
        report.status = ReportStatus.FAILED
        report.error = f"{type(error).__name__}: {error}"[:2000]
        report.finished_at = timezone.now()
        report.save(update_fields=["status", "error", "finished_at"])
        raise
    report.file.save(f"{report.academic_year}.pdf", ContentFile(content), save=False)
    report.size = len(content)
    report.status = ReportStatus.READY
    report.error = ""
    report.finished_at = timezone.now()
    report.build_seconds = round(time.perf_counter() - started, 3)
    report.save()
    return report


def render_pdf(report: YearlyReport) -> bytes:
    faculties = {
        f.pk: str(f) for f in accounts.active_faculties().order_by("sort_order", "pk")
    }
    if report.faculty_id is not None:
        faculties.setdefault(report.faculty_id, str(report.faculty))
    filters = insight.Filters(year=report.academic_year, faculty_id=report.faculty_id)
    kind = "faculty" if report.faculty_id else "programme"
    board = insight.build(kind=kind, filters=filters, faculties=faculties, viewer=None)
    scope = (
        faculties.get(report.faculty_id, "")
        if report.faculty_id
        else _("The whole institution")
    )
    pdf = _Report()
    pdf.add_page()
    pdf.heading(_("Engage PD annual report"), 22)
    pdf.paragraph(f"{scope} — {report.academic_year}", 14, bold=True)
    pdf.paragraph(
        _("Made on %(date)s from the platform's records.")
        % {"date": date_format(timezone.localtime(), "j F Y")},
        10,
    )
    pdf.paragraph(
        _(
            "Aggregates only: counts from 1 to %(n)d less are shown as “<%(n)d” so "
            "that no one can be identified."
        )
        % {"n": insight.minimum_cell()},
        10,
    )
    for title, charts in (
        (_("Trajectories"), board.trajectory_charts),
        (_("Inspiring practices"), board.practice_charts),
        (_("Learning activity"), board.activity_charts),
    ):
        if not charts:
            continue
        pdf.heading(title, 16)
        for chart in charts:
            pdf.chart(chart)
    if board.funnel_rows:
        pdf.heading(_("Funnel per cohort"), 14)
        header = [_("Cohort"), _("Programme"), _("Applied"), _("Enrolled"),
                  _("Active"), _("Completed"), _("Certified")]  # fmt: skip
        pdf.data_table(header, [[t, p, *cells] for t, p, cells in board.funnel_rows])
    if board.most_adopted:
        pdf.heading(_("Most adopted practices"), 14)
        pdf.data_table(
            [_("Practice"), _("Adoptions")],
            [[r.title, str(r.adoption_count)] for r in board.most_adopted],
        )
    return bytes(pdf.output())


def _font_files() -> tuple[Path, Path] | None:
    for folder in _FONT_DIRS:
        regular, bold = (
            Path(folder) / "DejaVuSans.ttf",
            Path(folder) / "DejaVuSans-Bold.ttf",
        )
        if regular.exists() and bold.exists():
            return regular, bold
    return None


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Report(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="portrait", format="A4")
        fonts = _font_files()
        self.unicode = fonts is not None
        if fonts:
            self.add_font("Body", "", str(fonts[0]))
            self.add_font("Body", "B", str(fonts[1]))
            self.family = "Body"
        else:
            self.family = "Helvetica"
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(_("Engage PD annual report"))
        self.set_lang((translation.get_language() or "en")[:2])

    def text_of(self, value: str) -> str:
        value = str(value)
        if self.unicode:
            return value
        value = "".join(_REPLACEMENTS.get(ch, ch) for ch in value)
        return value.encode("latin-1", "replace").decode("latin-1")

    def heading(self, value: str, size: float) -> None:
        self.ln(3)
        self.set_font(self.family, "B", size)
        self.multi_cell(
            0, size * 0.5, self.text_of(value), new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(2)

    def paragraph(self, value: str, size: float, bold: bool = False) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.multi_cell(
            0, size * 0.45, self.text_of(value), new_x="LMARGIN", new_y="NEXT"
        )
        self.ln(1.5)

    def chart(self, chart: Chart) -> None:
        """The chart as horizontal bars (one colour per series, with a legend),
        then its table with the suppressed cells as "<n"."""
        if self.will_page_break(60):
            self.add_page()
        self.set_font(self.family, "B", 11)
        self.multi_cell(0, 5, self.text_of(chart.title), new_x="LMARGIN", new_y="NEXT")
        if chart.is_empty:
            self.paragraph(_("No data for this selection yet."), 9)
            return
        values = [v for s in chart.series for v in s.values if v is not None]
        top = max(values) if values else 0
        label_width, width = 48.0, self.epw - 48.0 - 14
        bar = 3.2 if len(chart.series) > 1 else 4.0
        self.set_font(self.family, "", 7.5)
        for i, category in enumerate(chart.categories):
            if self.will_page_break(bar * len(chart.series) + 2):
                self.add_page()
            y0 = self.get_y()
            self.set_xy(self.l_margin, y0)
            self.cell(label_width - 2, bar, self.text_of(category)[:34], align="R")
            for j, series in enumerate(chart.series):
                value = series.values[i]
                y = y0 + j * bar
                self.set_fill_color(*_rgb(PALETTE[j % len(PALETTE)]))
                length = (
                    0.0 if not value or not top else width * float(value) / float(top)
                )
                if length > 0:
                    self.rect(
                        self.l_margin + label_width, y + 0.4, length, bar - 0.8, "F"
                    )
                self.set_xy(self.l_margin + label_width + length + 1, y)
                self.cell(12, bar, self.text_of(chart.format(value)))
            self.set_y(y0 + bar * len(chart.series) + 0.8)
        if len(chart.series) > 1:
            self.ln(1)
            for j, series in enumerate(chart.series):
                self.set_fill_color(*_rgb(PALETTE[j % len(PALETTE)]))
                x, y = self.get_x(), self.get_y()
                self.rect(x, y + 0.8, 3, 3, "F")
                self.set_x(x + 4)
                self.cell(
                    self.get_string_width(self.text_of(series.label)) + 6,
                    4.6,
                    self.text_of(series.label),
                )
            self.ln(6)
        self.data_table(
            [chart.x_label, *(s.label for s in chart.series)],
            [[category, *cells] for category, cells in chart.rows()],
            size=7.5,
        )
        for note in chart.notes:
            self.paragraph(note, 8)

    def data_table(
        self, header: list[str], rows: list[list[str]], size: float = 8
    ) -> None:
        self.set_font(self.family, "", size)
        with self.table(
            text_align="LEFT",
            line_height=size * 0.5,
            first_row_as_headings=True,
        ) as table:
            table.row([self.text_of(h) for h in header])
            for row in rows:
                table.row([self.text_of(cell) for cell in row])
        self.ln(3)
