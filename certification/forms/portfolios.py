"""Forms of the lecturer's and assessment pages: parse and shape, never write."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lms.uploads import UploadValidator

from ..models import DecisionOutcome, SelfLevel
from ..selectors import EvidenceChoices


class LinkEvidenceForm(forms.Form):
    item = forms.ChoiceField(
        label=_("Journal entry or assignment"),
        help_text=_(
            "Only your own entries and submitted assignments of this trajectory."
        ),
    )
    note = forms.CharField(
        label=_("Why this shows the competency (optional)"),
        max_length=500,
        required=False,
    )

    def __init__(self, *args: Any, choices: EvidenceChoices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        grouped: list[Any] = [("", _("Choose…"))]
        if choices.entries:
            grouped.append(
                (
                    _("Journal entries"),
                    [
                        (f"journal:{e.pk}", f"{e.title} ({e.updated_at:%d-%m-%Y})")
                        for e in choices.entries
                    ],
                )
            )
        if choices.records:
            grouped.append(
                (
                    _("Assignments"),
                    [(f"assignment:{r.pk}", title) for r, title in choices.records],
                )
            )
        cast(forms.ChoiceField, self.fields["item"]).choices = grouped

    def chosen(self) -> tuple[str, int]:
        kind, _sep, pk = self.cleaned_data["item"].partition(":")
        return kind, int(pk)


class UploadEvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        validators=[UploadValidator()],
        help_text=_("For example a revised syllabus, a student evaluation or slides."),
    )
    note = forms.CharField(
        label=_("Why this shows the competency (optional)"),
        max_length=500,
        required=False,
    )


class SelfAssessmentForm(forms.Form):
    level = forms.ChoiceField(
        label=_("Your level"), choices=SelfLevel.choices, widget=forms.RadioSelect
    )
    text = forms.CharField(
        label=_("Your explanation"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What in your evidence shows this level? Plain text."),
    )


class SubmitForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I confirm that this is my own work and that the assessors and the "
            "programme team may read all the evidence I linked, private journal "
            "entries included."
        ),
    )


class AssessmentForm(forms.Form):
    comment = forms.CharField(
        label=_("Your overall comment"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Explain your judgement. The other assessor does not see it before "
            "submitting."
        ),
    )

    def __init__(
        self, *args: Any, levels: list[Any], criteria: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            descriptors = criterion.descriptors()
            choices = []
            for index, level in enumerate(levels):
                text = descriptors[index] if index < len(descriptors) else ""
                label = (
                    f"{level.label} ({level.points}): {text}"
                    if text
                    else (f"{level.label} ({level.points})")
                )
                choices.append((str(level.pk), label))
            self.fields[f"level_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.title,
                choices=choices,
                widget=forms.RadioSelect,
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s” (optional)")
                % {"criterion": criterion.title},
                max_length=5000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.order_fields([*(f for f in self.fields if f != "comment"), "comment"])

    def criterion_fields(self) -> list[tuple[Any, Any, Any]]:
        return [(c, self[f"level_{c.pk}"], self[f"note_{c.pk}"]) for c in self.criteria]


class AllocationForm(forms.Form):
    first: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("First assessor"),
        queryset=None,
        help_text=_("May be a coach of the candidate's cohort."),
    )
    second: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Second assessor"),
        queryset=None,
        help_text=_("Must not coach the candidate's cohort."),
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("first", "second"):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = candidates
            field.label_from_instance = _person_label  # type: ignore[method-assign]


class ThirdAssessorForm(forms.Form):
    assessor: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Third assessor"),
        queryset=None,
        help_text=_("Someone other than the first two who does not coach the cohort."),
    )

    def __init__(self, *args: Any, candidates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["assessor"])
        field.queryset = candidates
        field.label_from_instance = _person_label  # type: ignore[method-assign]


def _person_label(user: Any) -> str:
    full = user.get_full_name().strip()
    return f"{full} ({user.get_username()})" if full else user.get_username()


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=DecisionOutcome.choices, widget=forms.RadioSelect
    )
    feedback = forms.CharField(
        label=_("Feedback to the lecturer"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Required when changes are requested or the certificate is not awarded."
        ),
    )
