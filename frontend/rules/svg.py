"""A chart drawn as an accessible inline SVG: bars (grouped when there are several
series) or lines, with a title, axis labels, a legend, gridlines and value labels.

Pure: a `Chart` in, escaped markup out. A suppressed value (`None`) is drawn as a
gap.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .charts import DASHES, PALETTE, Chart

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 56
MARGIN_RIGHT = 16
MARGIN_TOP = 16
MARGIN_BOTTOM = 78


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


def integer_axis(largest: float, count: int = 4) -> tuple[float, list[float]]:
    """Axis maximum and ticks for counts: whole numbers only (never "0.5
    practices"), a 1, 2 or 5 × 10^n step, at most `count` steps above zero."""
    raw = max(1.0, largest) / count
    exponent = math.floor(math.log10(raw))
    step = next(m * 10**exponent for m in (1, 2, 5, 10) if m * 10**exponent >= raw)
    step = max(1, int(step))
    steps = max(1, math.ceil(largest / step))
    return float(step * steps), [float(step * i) for i in range(steps + 1)]


def _label(text: str, limit: int = 14) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def wrap_label(text: str, width: int, lines: int = 2) -> list[str]:
    """A category name in at most `lines` lines of `width` characters (words kept
    whole where they fit; the last line cut with "…"), so that neighbouring labels
    never overlap."""
    width = max(3, width)
    words = text.split()
    out: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if len(candidate) <= width or not current:
            current = candidate
        else:
            out.append(current)
            current = word
    if current or not out:
        out.append(current)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1 :])]
    return [_label(line, width) for line in out]


def render_svg(chart: Chart) -> SafeString:
    """The chart as an accessible inline SVG (role img, title and description)."""
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    values = [v for s in chart.series for v in s.values if v is not None]
    largest = max(values, default=0)
    if chart.percent:
        maximum, ticks = 100.0, _ticks(100.0)
    elif all(float(v).is_integer() for v in values):
        maximum, ticks = integer_axis(largest)
    else:
        maximum = nice_ceiling(largest)
        ticks = _ticks(maximum)
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

    for tick in ticks:
        ty = y(tick)
        parts.append(
            f'<line class="grid" x1="{MARGIN_LEFT}" x2="{MARGIN_LEFT + plot_w}" '
            f'y1="{ty:.1f}" y2="{ty:.1f}"/>'
            f'<text class="tick" x="{MARGIN_LEFT - 6}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{escape(chart.format(tick))}</text>'
        )
    n = max(1, len(chart.categories))
    band = plot_w / n
    # 12 px labels are about 6.5 px a character: a label never exceeds its band.
    per_line = int(band / 6.5) - 1
    for i, category in enumerate(chart.categories):
        cx = MARGIN_LEFT + band * (i + 0.5)
        lines = "".join(
            f'<tspan x="{cx:.1f}" dy="{0 if n == 0 else 13}">{escape(line)}</tspan>'
            for n, line in enumerate(wrap_label(category, per_line))
        )
        parts.append(
            f'<text class="tick" y="{MARGIN_TOP + plot_h + 16}" '
            f'text-anchor="middle">{lines}</text>'
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
        return chart.empty_message()
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
