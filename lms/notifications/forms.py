"""Forms of the notification pages: validate and shape, never write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import DigestFrequency


class PreferenceForm(forms.Form):
    digest = forms.ChoiceField(
        label=_("Summary e-mail"),
        choices=DigestFrequency.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "One e-mail with your unread notifications, upcoming sessions and what "
            "is due. Sent at 6:00; the weekly one on Mondays."
        ),
    )
    email_immediately = forms.BooleanField(
        label=_("Also e-mail me each notification as it happens"), required=False
    )
