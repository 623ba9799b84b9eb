"""The frontend's forms: they parse; the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .rules.insight import year_choices


class ReportRequestForm(forms.Form):
    """Which yearly report: an academic year offered, and one of `faculties` (or,
    with `institution`, the whole institution)."""

    year = forms.ChoiceField(label=_("Academic year"))
    faculty = forms.TypedChoiceField(
        label=_("Report on"), coerce=int, empty_value=None, required=False
    )

    def __init__(
        self,
        *args: Any,
        faculties: list[tuple[int, str]],
        institution: bool,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, y) for y in year_choices()]
        choices: list[tuple[Any, str]] = list(faculties)
        if institution:
            choices = [("", _("The whole institution")), *choices]
        self.fields["faculty"].choices = choices
        # A coordinator reports on their own faculty, never the institution.
        self.fields["faculty"].required = not institution
