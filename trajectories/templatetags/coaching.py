"""Tags for the coach's cohort page, which repeats small pieces of markup for every
participant and session (40 × 10 attendance marks, 400 radio groups): built in
Python, where the template loops would dominate the page's time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
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
    status, the current one checked."""
    return format_html_join(
        "\n",
        '<fieldset class="field"><legend>{}</legend>{}</fieldset>',
        (
            (
                enrolment.user.engage_profile.display_name,
                format_html_join(
                    " ",
                    '<label><input type="radio" name="attendance-{}" value="{}"{}> '
                    "{}</label>",
                    (
                        (
                            enrolment.pk,
                            value,
                            mark_safe(" checked") if value == current else "",  # noqa: S308
                            label,
                        )
                        for value, label in statuses
                    ),
                ),
            )
            for enrolment, current in marks
        ),
    )
