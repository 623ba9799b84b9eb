"""Charts people can read: server-side SVG with a data table and a CSV twin.

A `Chart` is data (categories along the x axis, one or more series); `render_svg`
draws it as bars (grouped when there are several series) or lines, with a title,
axis labels, a legend, gridlines and value labels, in the Okabe–Ito palette that
colour-blind readers can tell apart (lines also differ by dash pattern, and every
series is named in the legend and the table, so colour is never the only signal).
The template component `engage_frontend/components/chart.html` puts the SVG in a
figure with the table alternative and the CSV download.

Counts below a threshold are suppressed by the selectors that produce them, never
here; a suppressed value is `None` and is drawn as a gap and shown as "<n".
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency,
# and each has at least 3:1 contrast on white except yellow, which is left out.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
DASHES = ("", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4")

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 64


@dataclass(frozen=True)
class Series:
    label: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """What a chart shows; `key` is unique on its page (ids and CSV links)."""

    key: str
    title: str
    x_label: str
    y_label: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    kind: Literal["bar", "line"] = "bar"
    description: str = ""
    suppressed_below: int = 0  # shown in the table as "<n" for suppressed cells
    percent: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"series {series.label!r} has {len(series.values)} values "
                    f"for {len(self.categories)} categories"
                )

    @property
    def is_empty(self) -> bool:
        return not self.categories or all(
            v is None or v == 0 for s in self.series for v in s.values
        )

    def format(self, value: float | None) -> str:
        if value is None:
            return f"<{self.suppressed_below}" if self.suppressed_below else "–"
        if self.percent:
            return f"{value:.0f}%"
        if float(value).is_integer():
            return f"{int(value):,}".replace(",", "\u202f")
        return f"{value:.1f}"

    def rows(self) -> list[tuple[str, list[str]]]:
        """The table alternative: one row per category, one cell per series."""
        return [
            (category, [self.format(s.values[i]) for s in self.series])
            for i, category in enumerate(self.categories)
        ]

    def csv(self) -> str:
        """The data as CSV (suppressed cells empty), first column the categories."""
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(
            [_csv_safe(self.x_label), *(_csv_safe(s.label) for s in self.series)]
        )
        for i, category in enumerate(self.categories):
            writer.writerow(
                [
                    _csv_safe(category),
                    *("" if s.values[i] is None else s.values[i] for s in self.series),
                ]
            )
        return out.getvalue()


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is a formula in spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2, 2.5 or 5 × 10^n at or above `value` (axis maximum)."""
    if value <= 0:
        return 1.0
    exponent = math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        candidate = step * 10**exponent
        if candidate >= value:
            return float(candidate)
    return float(10 ** (exponent + 1))


def _ticks(maximum: float, count: int = 4) -> list[float]:
    return [maximum * i / count for i in range(count + 1)]


def _label(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_svg(chart: Chart) -> SafeString:
    """The chart as an accessible inline SVG (role img, title and description)."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    values = [v for s in chart.series for v in s.values if v is not None]
    maximum = 100.0 if chart.percent else nice_ceiling(max(values, default=0))
    title_id = f"chart-{chart.key}-title"
    desc_id = f"chart-{chart.key}-desc"
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(title_id)} {escape(desc_id)}" '
        'xmlns="http://www.w3.org/2000/svg" focusable="false">',
        f'<title id="{escape(title_id)}">{escape(chart.title)}</title>',
        f'<desc id="{escape(desc_id)}">{escape(_description(chart))}</desc>',
    ]

    def y(value: float) -> float:
        return MARGIN_TOP + plot_h - (value / maximum) * plot_h if maximum else 0

    for tick in _ticks(maximum):
        ty = y(tick)
        parts.append(
            f'<line class="grid" x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" '
            f'y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{escape(chart.format(tick))}</text>'
        )
    n = max(1, len(chart.categories))
    band = plot_w / n
    for i, category in enumerate(chart.categories):
        cx = MARGIN_LEFT + band * (i + 0.5)
        parts.append(
            f'<text class="tick" x="{cx:.1f}" y="{MARGIN_TOP + plot_h + 16}" '
            f'text-anchor="middle">{escape(_label(category))}</text>'
        )
    if chart.kind == "bar":
        parts += _bars(chart, band, y, plot_h)
    else:
        parts += _lines(chart, band, y)
    parts.append(
        f'<line class="axis" x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" '
        f'y1="{MARGIN_TOP + plot_h}" y2="{MARGIN_TOP + plot_h}"/>'
        f'<text class="axis-label" x="{MARGIN_LEFT + plot_w / 2:.1f}" '
        f'y="{HEIGHT - 28}" text-anchor="middle">{escape(chart.x_label)}</text>'
        f'<text class="axis-label" transform="rotate(-90)" '
        f'x="{-(MARGIN_TOP + plot_h / 2):.1f}" y="14" text-anchor="middle">'
        f"{escape(chart.y_label)}</text>"
    )
    parts += _legend(chart)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def _bars(
    chart: Chart, band: float, y: Callable[[float], float], plot_h: float
) -> list[str]:
    parts = []
    k = max(1, len(chart.series))
    bar_w = band * 0.8 / k
    baseline = MARGIN_TOP + plot_h
    for s_index, series in enumerate(chart.series):
        colour = PALETTE[s_index % len(PALETTE)]
        for i, value in enumerate(series.values):
            if value is None:
                continue
            x = MARGIN_LEFT + band * i + band * 0.1 + bar_w * s_index
            top = y(value)
            parts.append(
                f'<rect x="{x:.1f}" y="{top:.1f}" width="{bar_w:.1f}" '
                f'height="{max(0.0, baseline - top):.1f}" fill="{colour}">'
                f"<title>{escape(series.label)}, {escape(chart.categories[i])}: "
                f"{escape(chart.format(value))}</title></rect>"
            )
    return parts


def _lines(chart: Chart, band: float, y: Callable[[float], float]) -> list[str]:
    parts = []
    for s_index, series in enumerate(chart.series):
        colour = PALETTE[s_index % len(PALETTE)]
        dash = DASHES[s_index % len(DASHES)]
        segments: list[list[str]] = [[]]
        for i, value in enumerate(series.values):
            if value is None:  # a suppressed or missing value breaks the line
                segments.append([])
                continue
            segments[-1].append(f"{MARGIN_LEFT + band * (i + 0.5):.1f},{y(value):.1f}")
        for points in segments:
            if len(points) > 1:
                dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
                parts.append(
                    f'<polyline fill="none" stroke="{colour}" stroke-width="2.5"'
                    f'{dash_attr} points="{" ".join(points)}"/>'
                )
            for point in points:
                px, py = point.split(",")
                parts.append(f'<circle cx="{px}" cy="{py}" r="3.5" fill="{colour}"/>')
    return parts


def _legend(chart: Chart) -> list[str]:
    if len(chart.series) < 2:
        return []
    parts = []
    x = MARGIN_LEFT
    for s_index, series in enumerate(chart.series):
        colour = PALETTE[s_index % len(PALETTE)]
        dash = DASHES[s_index % len(DASHES)]
        dash_attr = (
            f' stroke-dasharray="{dash}"' if dash and chart.kind == "line" else ""
        )
        parts.append(
            f'<line x1="{x}" x2="{x + 18}" y1="{HEIGHT - 8}" y2="{HEIGHT - 8}" '
            f'stroke="{colour}" stroke-width="6"{dash_attr}/>'
            f'<text class="legend" x="{x + 22}" y="{HEIGHT - 4}">'
            f"{escape(_label(series.label, 22))}</text>"
        )
        x += 22 + 8 * min(len(series.label), 22) + 16
    return parts


def _description(chart: Chart) -> str:
    if chart.description:
        return chart.description
    if chart.is_empty:
        return _("No data.")
    lines = []
    for series in chart.series:
        known = [
            (v, c)
            for v, c in zip(series.values, chart.categories, strict=True)
            if v is not None
        ]
        if not known:
            continue
        high = max(known, key=lambda pair: pair[0])
        low = min(known, key=lambda pair: pair[0])
        lines.append(
            _(
                "%(series)s: highest %(high)s (%(high_at)s), "
                "lowest %(low)s (%(low_at)s)."
            )
            % {
                "series": series.label,
                "high": chart.format(high[0]),
                "high_at": high[1],
                "low": chart.format(low[0]),
                "low_at": low[1],
            }
        )
    return " ".join(lines)


def suppress(count: int, minimum: int) -> int | None:
    """`count`, or None when it is a small cell that could identify people."""
    return None if 0 < count < minimum else count


def share(part: int, whole: int) -> float | None:
    return None if whole <= 0 else round(100.0 * part / whole, 1)
