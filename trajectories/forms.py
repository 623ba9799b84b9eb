"""Forms of the trajectories pages: validate and shape, never write."""

from __future__ import annotations

from typing import Any, cast

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


def rich_text(value: str) -> str:
    """What a person typed as sanitised HTML (plain text becomes paragraphs)."""
    from django.utils.html import linebreaks

    from lms.sanitizing import clean_html

    value = value.strip()
    if value and "<" not in value:
        value = linebreaks(value, autoescape=True)
    return str(clean_html(value))


class JournalEntryForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    session = forms.TypedChoiceField(
        label=_("About session"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args: Any, sections: Any, sessions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = cast(forms.TypedChoiceField, self.fields["session"])
        field.choices = [("", _("No particular session"))] + [
            (s.pk, f"{s.number}. {s.title}") for s in sessions
        ]
        self.section_keys = []
        for section in sections:
            name = f"section_{section.key}"
            self.fields[name] = forms.CharField(
                label=section.label,
                help_text=section.prompt,
                required=False,
                max_length=50_000,
                widget=forms.Textarea(attrs={"rows": 6}),
            )
            self.section_keys.append(section.key)

    def cleaned_sections(self) -> dict[str, str]:
        return {
            key: rich_text(self.cleaned_data.get(f"section_{key}", ""))
            for key in self.section_keys
        }


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who can read this entry"), widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args: Any, **kwargs: Any):
        from .models import Visibility

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["visibility"]).choices = Visibility.choices


class FeedbackForm(forms.Form):
    body = forms.CharField(
        label=_("Your feedback"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
