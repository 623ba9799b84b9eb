"""The yearly report's tables are black on white with a light heading row, never
filled with the colour of the last bar drawn."""

from __future__ import annotations

import re

from frontend.rules.charts import PALETTE
from frontend.rules.pdf import HEADING_FILL, _Report, _rgb

FILL_OR_PAINT = re.compile(
    r"(?P<rgb>[\d.]+ [\d.]+ [\d.]+) rg|(?P<grey>[\d.]+) g\b"
    r"|re (?P<paint>[fFbB])\*?\b|(?<![\w(])(?P<save>[qQ])\b"
)


def _filled_colours(content: str, current: tuple[int, ...]) -> list[tuple[int, ...]]:
    """The fill colour in effect at each rectangle painted with a fill."""
    painted, saved = [], []
    for match in FILL_OR_PAINT.finditer(content):
        if match["save"] == "q":
            saved.append(current)
        elif match["save"] == "Q":
            current = saved.pop()
        elif match["rgb"]:
            current = tuple(round(float(v) * 255) for v in match["rgb"].split())
        elif match["grey"]:
            current = (round(float(match["grey"]) * 255),) * 3
        else:
            painted.append(current)
    return painted


def test_a_table_after_coloured_bars_is_not_filled_with_their_colour() -> None:
    pdf = _Report()
    pdf.add_page()
    pdf.set_fill_color(*_rgb(PALETTE[0]))  # what drawing a bar leaves behind
    start = len(pdf.pages[pdf.page].contents)
    pdf.data_table(["Faculty", "Practices"], [["Arts", "3"], ["Law", "5"]])
    table = pdf.pages[pdf.page].contents[start:].decode("latin-1")
    filled = _filled_colours(table, _rgb(PALETTE[0]))
    assert filled, "the table drew no cells"
    assert set(filled) <= {HEADING_FILL, (255, 255, 255)}, filled
    assert HEADING_FILL in filled
