"""The yearly report drawn as a PDF (fpdf2): the insight dashboard of one
academic year, each chart as horizontal bars plus its table, the funnel per cohort
and the most adopted practices. Pure: a `Dashboard` in, PDF bytes out.

The report holds exactly what the dashboard shows — aggregates with small cells
suppressed — so it can be passed on without exposing anyone.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _
from fpdf.fonts import FontFace

from lms.pdf import EngagePDF

from .charts import PALETTE, Chart
from .insight import Dashboard

_LABEL_WIDTH = 48.0  # mm: the category names left of the bars


def render_report(
    board: Dashboard, *, scope: str, year: str, made_on: str, minimum: int
) -> bytes:
    """The report of `board` for `scope` (a faculty's name or the institution) in
    the active language."""
    pdf = _Report()
    pdf.add_page()
    pdf.heading(_("Engage PD annual report"), 22)
    pdf.paragraph(f"{scope} — {year}", 14, bold=True)
    pdf.paragraph(
        _("Made on %(date)s from the platform's records.") % {"date": made_on}, 10
    )
    pdf.paragraph(
        _(
            "Aggregates only: counts from 1 to %(n)d less are shown as “<%(n)d” so "
            "that no one can be identified."
        )
        % {"n": minimum},
        10,
    )
    _sections(pdf, board)
    _tables(pdf, board)
    return bytes(pdf.output())


def _sections(pdf: _Report, board: Dashboard) -> None:
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


def _tables(pdf: _Report, board: Dashboard) -> None:
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


HEADING_FILL = (236, 239, 243)


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _Report(EngagePDF):
    def __init__(self) -> None:
        super().__init__(orientation="portrait", format="A4")
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(_("Engage PD annual report"))
        self.set_lang((translation.get_language() or "en")[:2])

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
            self.paragraph(chart.empty_message(), 9)
            return
        self._bars(chart)
        if len(chart.series) > 1:
            self._legend(chart)
        self.data_table(
            [chart.x_label, *(s.label for s in chart.series)],
            [[category, *cells] for category, cells in chart.rows()],
            size=7.5,
        )
        for note in chart.notes:
            self.paragraph(note, 8)

    def _bars(self, chart: Chart) -> None:
        values = [v for s in chart.series for v in s.values if v is not None]
        top = max(values) if values else 0
        bar = 3.2 if len(chart.series) > 1 else 4.0
        self.set_font(self.family, "", 7.5)
        for i, category in enumerate(chart.categories):
            if self.will_page_break(bar * len(chart.series) + 2):
                self.add_page()
            y0 = self.get_y()
            self.set_xy(self.l_margin, y0)
            self.cell(_LABEL_WIDTH - 2, bar, self.text_of(category)[:34], align="R")
            for j, series in enumerate(chart.series):
                self._bar(chart, series.values[i], j, y0 + j * bar, bar, top)
            self.set_y(y0 + bar * len(chart.series) + 0.8)

    def _bar(
        self,
        chart: Chart,
        value: float | None,
        index: int,
        y: float,
        bar: float,
        top: float,
    ) -> None:
        """One bar of series `index` with its value beside it."""
        width = self.epw - _LABEL_WIDTH - 14
        self.set_fill_color(*_rgb(PALETTE[index % len(PALETTE)]))
        length = 0.0 if not value or not top else width * float(value) / float(top)
        if length > 0:
            self.rect(self.l_margin + _LABEL_WIDTH, y + 0.4, length, bar - 0.8, "F")
        self.set_xy(self.l_margin + _LABEL_WIDTH + length + 1, y)
        self.cell(12, bar, self.text_of(chart.format(value)))

    def _legend(self, chart: Chart) -> None:
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

    def data_table(
        self, header: list[str], rows: list[list[str]], size: float = 8
    ) -> None:
        self.set_font(self.family, "", size)
        # Tables are read, not looked at: black on white, a light grey heading row
        # (the bars leave their colour behind as the current fill colour).
        self.set_fill_color(255, 255, 255)
        with self.table(
            text_align="LEFT",
            line_height=size * 0.5,
            first_row_as_headings=True,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
            cell_fill_mode="NONE",
        ) as table:
            table.row([self.text_of(h) for h in header])
            for row in rows:
                table.row([self.text_of(cell) for cell in row])
        self.ln(3)
