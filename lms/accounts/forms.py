from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import forms as auth_forms
from django.template import loader
from django.utils.translation import gettext_lazy as _

from lms.notifications.services import queue_email
from lms.sanitizing import clean_text

from .models import Faculty, Profile
from .selectors import active_faculties


class LoginForm(auth_forms.AuthenticationForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Sends the reset link through the e-mail outbox: a mail hiccup loses nothing."""

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        subject = loader.render_to_string(subject_template_name, context)
        body = loader.render_to_string(email_template_name, context)
        queue_email(to=to_email, subject="".join(subject.splitlines()), body=body)


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    faculty = forms.ModelChoiceField(
        label=_("Faculty"), queryset=Faculty.objects.none(), required=False
    )
    department = forms.CharField(label=_("Department"), max_length=200, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=Profile.Language.choices,
        help_text=_("Used for the site and for e-mail we send you."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["faculty"].queryset = active_faculties()

    def _clean_plain(self, name: str) -> str:
        # Refuse markup with a message rather than silently dropping what was typed.
        typed = (self.cleaned_data.get(name) or "").strip()
        if clean_text(typed) != typed:
            raise forms.ValidationError(
                _("Use plain text here: remove the HTML tags."), code="markup"
            )
        return typed

    def clean_first_name(self) -> str:
        value = self._clean_plain("first_name")
        if not value:
            raise forms.ValidationError(_("Enter your first name."))
        return value

    def clean_last_name(self) -> str:
        value = self._clean_plain("last_name")
        if not value:
            raise forms.ValidationError(_("Enter your last name."))
        return value

    def clean_department(self) -> str:
        return self._clean_plain("department")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=Profile.Language.choices)
    next = forms.CharField(required=False, max_length=2000)


class EraseConfirmForm(forms.Form):
    """Typing the username confirms an erasure: it cannot be undone."""

    confirm = forms.CharField(
        label=_("Type the username to confirm"),
        max_length=150,
        strip=True,
    )

    def __init__(self, *args: Any, username: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.username = username

    def clean_confirm(self) -> str:
        typed = str(self.cleaned_data["confirm"])
        if typed != self.username:
            raise forms.ValidationError(
                _("That is not the username of this person; nothing was erased.")
            )
        return typed
