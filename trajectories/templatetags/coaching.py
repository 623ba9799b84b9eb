"""Tags for the coach's cohort page: they shape the attendance marks and the
peer-group boxes into plain values; the markup is frontend's components
(`engage_ui`'s `radio_groups` and `text_inputs`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def attendance_cells(
    marks: Iterable[Any], statuses: Sequence[tuple[str, str]], not_recorded: str
) -> SafeString:
    """The row's <td>s: each mark's label, or a dash that says "not recorded"
    (400 cells on a cohort's page: one join, not a template loop)."""
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
def attendance_groups(
    marks: Iterable[tuple[Any, str]], statuses: Sequence[tuple[str, str]]
) -> list[dict[str, Any]]:
    """A radio group per participant (legend: their name) with an option per
    status, the current one checked."""
    return [
        {
            "name": f"attendance-{int(enrolment.pk)}",
            "legend": enrolment.user.engage_profile.display_name,
            "options": [
                {"value": value, "label": label, "checked": value == current}
                for value, label in statuses
            ],
        }
        for enrolment, current in marks
    ]


@register.simple_tag
def attendance_loaded(marks: Iterable[tuple[Any, str]]) -> SafeString:
    """A hidden input per participant with their mark as the page shows it ("" for
    none): the service leaves a mark alone that someone else changed meanwhile
    (`services.mark_attendance_batch(loaded=...)`)."""
    return format_html_join(
        "",
        '<input type="hidden" name="was-{}" value="{}">',
        ((int(enrolment.pk), current or "") for enrolment, current in marks),
    )


@register.simple_tag
def peer_group_inputs(form: Any, datalist: str = "") -> list[dict[str, Any]]:
    """The text boxes of an unbound form of plain text fields (the peer groups:
    one per participant), as values for frontend's `text_inputs`."""
    return [
        {
            "id": form.auto_id % name if form.auto_id else name,
            "name": name,
            "label": field.label,
            "value": field.initial or "",
            "max_length": field.max_length,
            "datalist": datalist,
        }
        for name, field in form.fields.items()
    ]
