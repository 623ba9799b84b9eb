"""Template tags of the design system: main menu, language switch, form fields."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.forms import BoundField
from django.template.context import Context
from django.utils.safestring import SafeString

from lms.navigation import menu_for

from ..rules.charts import Chart, Series
from ..rules.svg import render_svg

register = template.Library()


@register.inclusion_tag("engage_frontend/components/main_menu.html", takes_context=True)
def main_menu(context: Context) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    current = request.path if request else ""
    entries = list(menu_for(user)) if user is not None else []
    # The entry with the longest URL that the current path starts with is the
    # current one ("/practices/reviews/" beats "/practices/").
    matches = [
        url
        for _item, url in entries
        if (url == current if url == "/" else current.startswith(url))
    ]
    best = max(matches, key=len, default=None)
    items = [
        {"label": item.label, "url": url, "current": url == best}
        for item, url in entries
    ]
    return {"items": items}


@register.inclusion_tag(
    "engage_frontend/components/language_switch.html", takes_context=True
)
def language_switch(context: Context) -> dict[str, Any]:
    request = context.get("request")
    return {
        "languages": settings.LANGUAGES,
        "current": getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
        "next": request.get_full_path() if request else "/",
        "csrf_token": context.get("csrf_token"),
    }


@register.inclusion_tag("engage_frontend/components/field.html")
def form_field(field: BoundField) -> dict[str, Any]:
    """A field with its label, hint and errors wired up for assistive technology."""
    describedby = []
    if field.help_text:
        describedby.append(f"{field.auto_id}_hint")
    if field.errors:
        describedby.append(f"{field.auto_id}_error")
    attrs: dict[str, str] = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if field.errors:
        attrs["aria-invalid"] = "true"
    widget_type = field.widget_type
    return {
        "field": field,
        "widget": field.as_widget(attrs=attrs),
        "is_checkbox": widget_type == "checkbox",
        "is_group": widget_type in {"radioselect", "checkboxselectmultiple"},
    }


@register.simple_tag
def chart_svg(chart: Chart) -> SafeString:
    """The chart drawn as inline SVG (see frontend.rules.svg)."""
    return render_svg(chart)


@register.simple_tag
def bar_chart(
    key: str,
    title: str,
    x_label: str,
    y_label: str,
    categories: Any,
    values: Any,
    series_label: str = "",
    description: str = "",
) -> Chart:
    """A bar chart of one series built from plain values, for apps that use the
    chart component through templates only (they never import frontend)::

        {% bar_chart key title x_label y_label categories values as chart %}
        {% include "engage_frontend/components/chart.html" with chart=chart %}

    Small counts must already be suppressed (None) by the app's selector.
    """
    return Chart(
        key=str(key),
        title=str(title),
        x_label=str(x_label),
        y_label=str(y_label),
        categories=tuple(str(category) for category in categories),
        series=(Series(str(series_label or y_label), tuple(values)),),
        description=str(description),
    )
