"""Charts people can read: the data of a chart, its table and its CSV twin.

A `Chart` is data (categories along the x axis, one or more series);
`frontend.rules.svg.render_svg` draws it, in the Okabe–Ito palette below that
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
from dataclasses import dataclass, field
from typing import Literal

from django.utils.translation import gettext as _

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency,
# and each has at least 3:1 contrast on white except yellow, which is left out.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#E69F00", "#000000")
DASHES = ("", "6 3", "2 2", "8 3 2 3", "1 3", "10 4", "4 4")


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

    @property
    def all_hidden(self) -> bool:
        """Empty only because every group with people in it is below the
        minimum group size: there is data, it is hidden."""
        return self.is_empty and any(v is None for s in self.series for v in s.values)

    def empty_message(self) -> str:
        """What an empty chart says: hidden small groups are not "no data"."""
        if self.all_hidden and self.suppressed_below:
            return str(
                _(
                    "Hidden: every group in this selection is smaller than the "
                    "minimum group size of %(n)d people, so no one can be "
                    "identified."
                )
                % {"n": self.suppressed_below}
            )
        if self.all_hidden:
            return str(
                _(
                    "Hidden: every group in this selection is smaller than the "
                    "minimum group size, so no one can be identified."
                )
            )
        return str(_("No data for this selection yet."))

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


def suppress(count: int, minimum: int) -> int | None:
    """`count`, or None when it is a small cell that could identify people."""
    return None if 0 < count < minimum else count


def share(part: int, whole: int) -> float | None:
    return None if whole <= 0 else round(100.0 * part / whole, 1)
