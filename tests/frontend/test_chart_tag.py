"""`{% bar_chart %}`: apps that never import frontend build a chart for the chart
component from plain values in their templates."""

from __future__ import annotations

from django.template import Context, Template

from frontend.rules.charts import Chart

TEMPLATE = (
    "{% load engage_ui %}"
    "{% bar_chart key title x y categories values as chart %}"
    '{% include "engage_frontend/components/chart.html" with chart=chart %}'
)


def test_a_bar_chart_from_plain_values() -> None:
    context = Context(
        {
            "key": "q-1",
            "title": "The session was <useful>",
            "x": "Answer",
            "y": "Participants",
            "categories": [1, 2, 3, 4, 5],
            "values": (0, 1, 0, 4, 2),
        }
    )
    html = Template(TEMPLATE).render(context)
    chart = context["chart"]
    assert isinstance(chart, Chart)
    assert chart.categories == ("1", "2", "3", "4", "5")
    assert chart.series[0].label == "Participants"
    assert chart.series[0].values == (0, 1, 0, 4, 2)
    assert '<svg class="chart"' in html and 'id="chart-q-1-title"' in html
    assert "The session was &lt;useful&gt;" in html and "<useful>" not in html
    assert '<th scope="row">4</th><td class="num">4</td>' in html
