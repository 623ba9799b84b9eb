"""Forms of the credential pages and the admin's framework import: parse and
shape, never write."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.uploads import UploadValidator

from ..models import RevocationReason
from ..models.credentials import REVOCATION_NOTE_CHARS as MAX_NOTE_CHARS
from ..openbadges.verification import MAX_CREDENTIAL_BYTES
from ..rules.framework_exchange import MAX_IMPORT_BYTES

# --- credentials ---------------------------------------------------------------------


class VerifyForm(forms.Form):
    """Paste a credential's JSON or upload its file (one of the two)."""

    credential = forms.CharField(
        label=_("Paste the credential (JSON)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        help_text=_("The contents of the certificate's .json file."),
    )
    file = forms.FileField(
        label=_("Or upload the credential file"),
        required=False,
        help_text=_("A .json file of at most %(kb)d kB.")
        % {"kb": MAX_CREDENTIAL_BYTES // 1024},
    )

    def clean_credential(self) -> str:
        text: str = self.cleaned_data.get("credential") or ""
        if len(text.encode("utf-8", "replace")) > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(
                _("This is larger than %(kb)d kB: it is not a credential of ours."),
                params={"kb": MAX_CREDENTIAL_BYTES // 1024},
                code="too_large",
            )
        return text

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if upload is not None and upload.size > MAX_CREDENTIAL_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(kb)d kB: it is not a credential of ours."),
                params={"kb": MAX_CREDENTIAL_BYTES // 1024},
                code="too_large",
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if (
            not self.errors
            and not cleaned.get("credential")
            and not cleaned.get("file")
        ):
            raise forms.ValidationError(
                _("Paste the credential's JSON or choose its file."), code="empty"
            )
        return cleaned

    def text(self) -> bytes | str:
        """What to verify: the uploaded file's bytes (at most the cap), else the
        pasted text."""
        upload = self.cleaned_data.get("file")
        if upload is not None:
            data: bytes = upload.read(MAX_CREDENTIAL_BYTES + 1)
            return data
        return str(self.cleaned_data.get("credential") or "")


class RevokeForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Reason"),
        choices=[("", _("Choose…"))]
        + [
            choice
            for choice in RevocationReason.choices
            if choice[0] != RevocationReason.CORRECTION
        ],
    )
    note = forms.CharField(
        label=_("Explanation"),
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Shown on the public verification page and sent to the holder. Do not "
            "include personal details."
        ),
    )


class ReissueForm(forms.Form):
    note = forms.CharField(
        label=_("What is corrected"),
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For example: the holder's name changed. The old certificate is "
            "revoked as corrected and a new one is issued with today's details."
        ),
    )


# --- the Wagtail admin ----------------------------------------------------------------


class FrameworkImportForm(forms.Form):
    file = forms.FileField(
        label=_("JSON or CSV file"),
        validators=[
            UploadValidator(
                extensions=("json", "csv", "txt"),
                max_bytes=MAX_IMPORT_BYTES,
                stored=False,  # read and thrown away: its text is judged field by field
            )
        ],
        help_text=_("UTF-8; at most 1 MB. The format follows the file's extension."),
    )
