"""Template tags of the design system: main menu, language switch, form fields."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import quote, urljoin

from django import template
from django.conf import settings
from django.forms import BoundField
from django.template.context import Context
from django.templatetags.static import static
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from lms.navigation import menu_for
from lms.sanitizing import stored_html as _stored_html

from ..rules.charts import Chart, Series
from ..rules.svg import render_svg

register = template.Library()
logger = logging.getLogger(__name__)


@register.simple_tag
def static_asset(path: str) -> str:
    """The URL of a static file, as `{% static %}` gives it, that never fails the
    page: without the manifest (collectstatic not run, which the deploy check
    engage_lms.E003 reports) it is the file's plain URL, so a 404 or 500 page
    still renders instead of turning into a server error of its own."""
    try:
        return static(path)
    except ValueError:
        logger.exception("No static files manifest entry for %r", path)
        return urljoin(str(settings.STATIC_URL), quote(path))


@register.filter
def stored_html(value: object) -> SafeString:
    """Text that is HTML now and was plain text before it had an editor
    (feedback), cleaned and safe to show."""
    return _stored_html(str(value or ""))


@register.simple_tag(takes_context=True)
def main_menu(context: Context) -> dict[str, Any]:
    """`{% main_menu as menu %}`: `menu.items` for the menu row, `menu.account_items`
    beside the language switch and sign-out."""
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
        {"label": item.label, "url": url, "current": url == best, "group": item.group}
        for item, url in entries
    ]
    return {
        "items": [item for item in items if item["group"] == "main"],
        "account_items": [item for item in items if item["group"] == "account"],
    }


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
def form_field(field: BoundField | Any) -> dict[str, Any]:
    """A field with its label, hint and errors wired up for assistive technology.

    Anything but a bound field renders nothing: a template variable that does not
    resolve reaches a tag as "" (Wagtail's preview of a page renders the page's
    template with the context the preview has), and a missing form must not turn
    the whole page into a server error.
    """
    if not isinstance(field, BoundField):
        return {"field": None}
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


@register.simple_tag
def radio_groups(groups: Iterable[Mapping[str, Any]]) -> SafeString:
    """The radio-group component, for each group: a fieldset whose legend names it,
    one labelled radio per option, the current one checked. A group is
    {"name", "legend", "options": [{"value", "label", "checked"}]}.

    Plain string building with every value escaped once: a coach's attendance
    shows 400 groups, and a template or `format_html` per radio cost the page
    tens of milliseconds."""
    return mark_safe("\n".join(_radio_group(group) for group in groups))  # noqa: S308


def _radio_group(group: Mapping[str, Any]) -> str:
    name = escape(group["name"])
    radios = " ".join(
        f'<label><input type="radio" name="{name}" value="{escape(option["value"])}"'
        f"{' checked' if option['checked'] else ''}> {escape(option['label'])}</label>"
        for option in group["options"]
    )
    legend = escape(group["legend"])
    return f'<fieldset class="field"><legend>{legend}</legend> {radios}</fieldset>'


@register.simple_tag
def text_inputs(inputs: Iterable[Mapping[str, Any]]) -> SafeString:
    """The text-field component (label above a one-line box), for each input:
    {"id", "name", "label", "value", "max_length", "datalist"}. Built in one go
    for forms of many boxes (a cohort's peer groups: one per participant)."""
    return mark_safe("\n".join(_text_input(field) for field in inputs))  # noqa: S308


def _text_input(field: Mapping[str, Any]) -> str:
    field_id = escape(field["id"])
    extra = f' maxlength="{int(field["max_length"])}"' if field["max_length"] else ""
    if field["datalist"]:
        extra += f' list="{escape(field["datalist"])}"'
    return (
        f'<div class="field"><label class="field__label" for="{field_id}">'
        f"{escape(field['label'])}</label>"
        f'<input type="text" name="{escape(field["name"])}" '
        f'value="{escape(field["value"])}"{extra} autocomplete="off" id="{field_id}">'
        "</div>"
    )
