"""Tags for the coach's cohort page, which repeats small pieces of markup for every
participant and session (40 × 10 attendance marks, 400 radio groups): built in
Python, where the template loops would dominate the page's time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def attendance_cells(
    marks: Iterable[Any], statuses: Sequence[tuple[str, str]], not_recorded: str
) -> SafeString:
    """The row's <td>s: each mark's label, or a dash that says "not recorded"."""
    labels = dict(statuses)
    missing = format_html('—<span class="visually-hidden">{}</span>', not_recorded)
    return format_html_join(
        "",
        "<td>{}</td>",
        (
            (labels.get(mark.status, mark.status) if mark else missing,)
            for mark in marks
        ),
    )


@register.simple_tag
def attendance_fieldsets(
    marks: Iterable[tuple[Any, str]], statuses: Sequence[tuple[str, str]]
) -> SafeString:
    """A fieldset per participant (legend: their name) with a radio button per
    status, the current one checked. Plain string building with every value
    escaped once: `format_html` per radio button cost the page tens of ms."""
    options = [(escape(value), escape(label)) for value, label in statuses]
    parts = []
    for enrolment, current in marks:
        current_value = escape(current or "")
        name = f"attendance-{int(enrolment.pk)}"
        radios = " ".join(
            f'<label><input type="radio" name="{name}" value="{value}"'
            f"{' checked' if value == current_value else ''}> {label}</label>"
            for value, label in options
        )
        legend = escape(enrolment.user.engage_profile.display_name)
        parts.append(
            f'<fieldset class="field"><legend>{legend}</legend>{radios}</fieldset>'
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value escaped above


@register.simple_tag
def peer_group_fields(form: Any) -> SafeString:
    """The peer-group form's text boxes (one per participant), with the markup of
    frontend's `form_field` — built here because 40 widget templates cost more
    than the rest of the page. The form is only ever shown unbound."""
    parts = []
    for name, field in form.fields.items():
        field_id = escape(form.auto_id % name if form.auto_id else name)
        value = escape(field.initial or "")
        parts.append(
            f'<div class="field"><label class="field__label" for="{field_id}">'
            f"{escape(field.label)}</label>"
            f'<input type="text" name="{escape(name)}" value="{value}" '
            f'maxlength="{int(field.max_length)}" list="peer-group-names" '
            f'autocomplete="off" id="{field_id}"></div>'
        )
    return mark_safe("\n".join(parts))  # noqa: S308 - every value escaped above
