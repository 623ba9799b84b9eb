"""Forms of the trajectories pages: validate and shape, never write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.forms import RichTextField
from lms.uploads import UploadValidator

from .models import AttachmentRole
from .rules.evaluations import LIKERT_LABELS, MAX_ANSWER_CHARS
from .services.participant_import import MAX_IMPORT_BYTES


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=16,
        help_text=_("The code your coach shows during the session."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )


# Versions are counted from 1; a bigger number than a database integer holds is
# no version at all (refused as one, never a server error).
MAX_VERSION = 2**31 - 1
VERSION_MISSING = _(
    "The page did not say which version of the entry you edited: reload the page."
)


class JournalEntryForm(forms.Form):
    """Parses an entry; which session, assignment and sections its journal has is
    the service's check (`services.save_entry`). The choices only offer them."""

    title = forms.CharField(label=_("Title"), max_length=200)
    session = forms.IntegerField(
        label=_("About session"), required=False, min_value=1, widget=forms.Select
    )
    assignment = forms.CharField(
        label=_("About assignment"),
        required=False,
        max_length=64,
        help_text=_("A reflection shared with your coach or peers counts for it."),
        widget=forms.Select,
    )

    # The version of the entry the page was loaded with (hidden); the service
    # refuses a save over a newer one. Required when editing an entry.
    version = forms.IntegerField(
        label=_("Version"),
        required=False,
        min_value=1,
        max_value=MAX_VERSION,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"), VERSION_MISSING
        ),
    )

    def __init__(
        self,
        *args: Any,
        sections: Any,
        sessions: Any,
        assignments: Any = (),
        editing: bool = False,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["version"].required = editing
        # Set after a refused save: the version the entry has now.
        self.conflict_version: int | None = None
        self.fields["session"].widget.choices = [  # type: ignore[attr-defined]
            ("", _("No particular session"))
        ] + [(s.pk, f"{s.number}. {s.title}") for s in sessions]
        self.fields["assignment"].widget.choices = [  # type: ignore[attr-defined]
            ("", _("No particular assignment"))
        ] + [(key, title) for key, title in assignments]
        if not assignments:
            del self.fields["assignment"]
        self.section_keys = []
        for section in sections:
            name = f"section_{section.key}"
            self.fields[name] = RichTextField(
                label=section.label,
                help_text=section.prompt,
                required=False,
                max_length=50_000,
            )
            self.section_keys.append(section.key)

    def cleaned_sections(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(f"section_{key}", "")
            for key in self.section_keys
        }

    def offer_version(self, version: int) -> None:
        """After a save refused because the entry changed elsewhere: the form
        keeps the person's text and now carries the entry's current version, so
        saving again (having been told) keeps their text over the other."""
        self.conflict_version = version
        self.data = self.data.copy()
        self.data["version"] = str(version)


class ShareForm(forms.Form):
    visibility = forms.ChoiceField(
        label=_("Who can read this entry"), widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args: Any, **kwargs: Any):
        from .models import Visibility

        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["visibility"]).choices = Visibility.choices


class FeedbackForm(forms.Form):
    body = RichTextField(label=_("Your feedback"), max_length=5000)


class OwnCourseForm(forms.Form):
    name = forms.CharField(label=_("Course name"), max_length=200)
    code = forms.CharField(label=_("Course code"), max_length=40, required=False)
    level = forms.CharField(
        label=_("Level"),
        max_length=120,
        required=False,
        help_text=_("For example first-year bachelor."),
    )
    students = forms.IntegerField(
        label=_("Number of students"), min_value=1, max_value=100_000, required=False
    )


class AssignmentForm(forms.Form):
    course: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("In which of your courses?"), queryset=None, required=False
    )
    planned_change = RichTextField(
        label=_("Planned change"),
        max_length=50_000,
        required=False,
    )
    actual_change = RichTextField(
        label=_("What you actually changed (before and after)"),
        max_length=50_000,
        required=False,
    )
    effect = RichTextField(
        label=_("What it did"),
        max_length=50_000,
        required=False,
    )

    def __init__(self, *args: Any, courses: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["course"]).queryset = courses


class PeerGroupsForm(forms.Form):
    """One group name per participant; the same name puts people together."""

    def __init__(self, *args: Any, participants: Any, current: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.enrolment_ids = []
        for enrolment in participants:
            name = f"group-{enrolment.pk}"
            self.fields[name] = forms.CharField(
                label=enrolment.user.engage_profile.display_name,
                max_length=100,
                required=False,
                initial=current.get(enrolment.pk, ""),
                widget=forms.TextInput(
                    attrs={"list": "peer-group-names", "autocomplete": "off"}
                ),
            )
            self.enrolment_ids.append(enrolment.pk)

    def assignment(self) -> dict[int, str]:
        return {
            pk: self.cleaned_data.get(f"group-{pk}", "") for pk in self.enrolment_ids
        }


def attendance_marks(data: Any, prefix: str = "attendance-") -> dict[int, str] | None:
    """The coach's marks as posted (`attendance-<enrolment id>` = status), by
    enrolment id; None when a name does not end in an id. Which statuses and
    participants are allowed is the service's check.

    With `prefix="was-"`: what each mark was when the page was loaded ("" for
    none), which the page sends along so a mark someone else changed meanwhile
    is not overwritten."""
    marks: dict[int, str] = {}
    for name, value in data.items():
        if not name.startswith(prefix):
            continue
        number = name.removeprefix(prefix)
        if not number.isdigit() or len(number) > 18:
            return None
        marks[int(number)] = str(value)
    return marks


class SessionSummaryForm(forms.Form):
    body = RichTextField(
        label=_("Summary"),
        max_length=20_000,
        help_text=_(
            "What happened, what was agreed, links to materials. Everyone in the "
            "cohort reads it on their trajectory page and gets a notification the "
            "first time you post it."
        ),
    )

    def cleaned_body(self) -> str:
        return str(self.cleaned_data["body"])


def _chosen_file(form: forms.Form) -> Any:
    """Attaching a file is optional, so the field is not labelled "(required)";
    posting the upload form without one is still an error."""
    file = form.cleaned_data.get("file")
    if not file:
        raise forms.ValidationError(_("Choose a file to upload."), code="required")
    return file


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_(
            "PDF, Office or OpenDocument files, text, CSV or images; only you and "
            "whoever you share the entry with can download it."
        ),
    )

    def clean_file(self) -> Any:
        return _chosen_file(self)


class AssignmentAttachmentForm(forms.Form):
    role = forms.ChoiceField(
        label=_("The file shows"),
        choices=AttachmentRole.choices,
        initial=AttachmentRole.BEFORE,
        required=False,
    )
    file = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_(
            "For example your course manual or assessment before and after the "
            "change: PDF, Office or OpenDocument files, text, CSV or images. Only "
            "you can download it."
        ),
    )

    def clean_role(self) -> str:
        return self.cleaned_data.get("role") or AttachmentRole.OTHER

    def clean_file(self) -> Any:
        return _chosen_file(self)


class EvaluationAnswersForm(forms.Form):
    """A session evaluation: a choice from 1 to 5 per statement, a text box per
    open question. The service checks the answers again."""

    # What the page told the participant; the service refuses when it no longer
    # holds (the programme team switched anonymity off meanwhile).
    anonymous = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, questions: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.keys: dict[str, str] = {}
        for question in questions:
            name = f"q-{question.key}"
            if question.kind == "likert":
                self.fields[name] = forms.ChoiceField(
                    label=question.text,
                    required=question.required,
                    widget=forms.RadioSelect(attrs={"class": "likert"}),
                    choices=[
                        (str(value), f"{value} — {label}")
                        for value, label in LIKERT_LABELS.items()
                    ],
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=question.required,
                    max_length=MAX_ANSWER_CHARS,
                    help_text=_("Plain text, at most 2,000 characters."),
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
            self.keys[name] = question.key

    def answers(self) -> dict[str, str]:
        return {
            key: self.cleaned_data.get(name) or "" for name, key in self.keys.items()
        }

    def add_answer_errors(self, errors: dict[str, list[str]]) -> None:
        """Errors of the service, by question key ("" for the form as a whole)."""
        names = {key: name for name, key in self.keys.items()}
        for key, messages in errors.items():
            for message in messages:
                self.add_error(names.get(key), message)


class ParticipantsFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        validators=[
            UploadValidator(
                extensions=("csv", "txt"), max_bytes=MAX_IMPORT_BYTES, stored=False
            )
        ],
        help_text=_(
            "UTF-8; the first row names the columns e-mail, first name, last name "
            "and faculty code. At most 1 MB."
        ),
    )
