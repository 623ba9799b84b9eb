"""Charts people can read: counts get whole-number ticks, long category names
wrap within their own band instead of overlapping their neighbours."""

from __future__ import annotations

import re

import pytest

from frontend.rules.charts import Chart, Series
from frontend.rules.svg import WIDTH, integer_axis, render_svg, wrap_label


@pytest.mark.parametrize(
    ("largest", "maximum", "ticks"),
    [
        (1, 1, [0, 1]),
        (2, 2, [0, 1, 2]),
        (3, 3, [0, 1, 2, 3]),
        (7, 8, [0, 2, 4, 6, 8]),
        (23, 30, [0, 10, 20, 30]),
        (0, 1, [0, 1]),
        (1234, 1500, [0, 500, 1000, 1500]),
    ],
)
def test_counts_get_whole_number_ticks(
    largest: int, maximum: int, ticks: list[int]
) -> None:
    got_maximum, got_ticks = integer_axis(largest)
    assert (got_maximum, got_ticks) == (maximum, ticks)
    assert all(float(t).is_integer() for t in got_ticks)
    assert got_maximum >= largest and len(got_ticks) <= 6


def test_long_names_wrap_into_two_lines_within_their_width() -> None:
    lines = wrap_label("Faculty of Behavioural and Social Sciences", 14)
    assert len(lines) == 2 and all(len(line) <= 14 for line in lines)
    assert lines[0] == "Faculty of"
    assert lines[1].endswith("…")
    assert wrap_label("Law", 14) == ["Law"]
    assert wrap_label("", 14) == [""]
    assert wrap_label("Supercalifragilisticexpialidocious", 8) == ["Superca…"]


def _chart(categories: list[str], values: list[float]) -> Chart:
    return Chart(
        key="t",
        title="Practices per faculty",
        x_label="Faculty",
        y_label="Practices",
        categories=tuple(categories),
        series=(Series(label="Practices", values=tuple(values)),),
    )


def test_a_chart_of_counts_has_no_fractional_tick() -> None:
    svg = str(render_svg(_chart(["Arts", "Law"], [1, 2])))
    ticks = re.findall(r'text-anchor="end">([^<]+)</text>', svg)
    assert ticks == ["0", "1", "2"]


def test_twelve_long_faculty_names_never_overlap() -> None:
    names = [f"Faculty of Very Long Name Number {n}" for n in range(12)]
    svg = str(render_svg(_chart(names, list(range(12)))))
    band = (WIDTH - 56 - 16) / 12
    for line in re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg):
        assert len(line) * 6.5 <= band, line
    assert "<script" not in svg
