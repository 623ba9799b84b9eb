"""Server-side SVG charts: well-formed, escaped, accessible, with data twins."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import pytest
from django.template import Context, Template

from frontend.rules.charts import PALETTE, Chart, Series, share, suppress
from frontend.rules.svg import nice_ceiling, render_svg

SVG = "{http://www.w3.org/2000/svg}"


def _chart(**overrides: object) -> Chart:
    data: dict[str, object] = {
        "key": "enrolments",
        "title": "Enrolments per year",
        "x_label": "Academic year",
        "y_label": "Lecturers",
        "categories": ("2024", "2025", "2026"),
        "series": (
            Series("Enrolled", (12, 30, 41)),
            Series("Completed", (8, None, 20)),
        ),
    }
    data.update(overrides)
    return Chart(**data)  # type: ignore[arg-type]


def test_svg_is_well_formed_with_title_description_and_one_bar_per_value() -> None:
    root = ET.fromstring(str(render_svg(_chart())))
    assert root.get("role") == "img"
    labelled_by = root.get("aria-labelledby", "").split()
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    assert set(labelled_by) <= ids
    assert root.find(f"{SVG}title").text == "Enrolments per year"
    description = root.find(f"{SVG}desc").text
    assert "Enrolled: highest 41 (2026), lowest 12 (2024)." in description
    bars = root.findall(f"{SVG}rect")
    assert len(bars) == 5  # the suppressed value is a gap, not a zero bar
    assert {bar.get("fill") for bar in bars} == set(PALETTE[:2])
    tooltips = [bar.find(f"{SVG}title").text for bar in bars]
    assert "Completed, 2026: 20" in tooltips


def test_hostile_labels_are_escaped_everywhere() -> None:
    hostile = '<script>alert(1)</script>"&'
    chart = _chart(
        title=hostile,
        x_label=hostile,
        categories=(hostile, "b", "c"),
        series=(Series(hostile, (1, 2, 3)), Series("=cmd|' /C calc'!A0", (1, 2, 3))),
    )
    svg = str(render_svg(chart))
    assert "<script>" not in svg
    ET.fromstring(svg)  # still well-formed
    html = Template("{% include 'engage_frontend/components/chart.html' %}").render(
        Context({"chart": chart, "csv_url": "/x.csv"})
    )
    assert "<script>" not in html
    rows = list(csv.reader(io.StringIO(chart.csv())))
    # Spreadsheet formulas are defused in the CSV download.
    assert rows[0][2].startswith("'=")


def test_table_and_csv_show_suppressed_cells_as_such() -> None:
    chart = _chart(suppressed_below=5)
    assert chart.rows()[1] == ("2025", ["30", "<5"])
    rows = list(csv.reader(io.StringIO(chart.csv())))
    assert rows[0] == ["Academic year", "Enrolled", "Completed"]
    assert rows[2] == ["2025", "30", ""]


def test_line_chart_breaks_at_missing_values_and_differs_by_dash() -> None:
    chart = _chart(kind="line")
    root = ET.fromstring(str(render_svg(chart)))
    lines = root.findall(f"{SVG}polyline")
    # Enrolled: one line of 3 points; Completed: two single points, no line.
    assert len(lines) == 1
    assert len(root.findall(f"{SVG}circle")) == 5
    legend = [el for el in root.findall(f"{SVG}line") if el.get("stroke-dasharray")]
    assert legend  # the second series is dashed in the legend


def test_empty_and_mismatched_charts() -> None:
    empty = _chart(series=(Series("Enrolled", (0, 0, 0)),))
    assert empty.is_empty
    html = Template("{% include 'engage_frontend/components/chart.html' %}").render(
        Context({"chart": empty, "csv_url": ""})
    )
    assert "No data for this selection yet." in html
    assert not empty.all_hidden
    hidden = _chart(series=(Series("Enrolled", (None, 0, None)),), suppressed_below=5)
    assert hidden.is_empty and hidden.all_hidden
    html = Template("{% include 'engage_frontend/components/chart.html' %}").render(
        Context({"chart": hidden, "csv_url": ""})
    )
    assert "smaller than the minimum group size of 5 people" in html
    assert "No data" not in html
    with pytest.raises(ValueError, match="has 2 values for 3 categories"):
        _chart(series=(Series("Enrolled", (1, 2)),))


def test_percent_charts_run_to_100_and_format_values() -> None:
    chart = _chart(percent=True, series=(Series("Attended", (50.0, 75.5, 100.0)),))
    assert chart.format(75.5) == "76%"
    svg = str(render_svg(chart))
    assert ">100%<" in svg


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 1), (1, 1), (7, 10), (11, 20), (23, 25), (26, 50), (951, 1000), (0.3, 0.5)],
)
def test_nice_ceiling(value: float, expected: float) -> None:
    assert nice_ceiling(value) == expected


def test_suppress_and_share() -> None:
    assert suppress(0, 5) == 0
    assert suppress(3, 5) is None
    assert suppress(5, 5) == 5
    assert share(1, 3) == 33.3
    assert share(1, 0) is None
