"""Forms of the trajectories pages: validate and shape, never write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=16,
        help_text=_("The code your coach shows during the session."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )
