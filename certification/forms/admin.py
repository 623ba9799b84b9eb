"""Forms of the Wagtail admin (frameworks, competencies, rubrics, schemes):
parse and shape; the database and services refuse what is in use."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm

from trajectories.models import ProgrammePage

from ..models import (
    Competency,
    CompetencyArea,
)
from ..models.schemes import split_lines


class FrameworkForm(WagtailAdminModelForm):
    """An area that still has competencies cannot be removed from the framework."""

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        valid = True
        for form in self.formsets["areas"].forms:
            area = form.instance
            if _deleted(form) and area.pk and area.competencies.exists():
                form.add_error(
                    None,
                    _("Area %(code)s has competencies; move or delete them first.")
                    % {"code": area.code},
                )
                valid = False
        return valid


class CompetencyForm(WagtailAdminModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        area = cast(forms.ModelChoiceField, self.fields["area"])
        area.queryset = CompetencyArea.objects.select_related("framework").order_by(
            "framework__code", "-framework__version", "sort_order"
        )
        area.label_from_instance = (  # type: ignore[method-assign]
            lambda a: f"{a.framework.code} {a.framework.version} · {a.code} {a.name}"
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        area, code = cleaned.get("area"), cleaned.get("code")
        if area is not None and code:
            clash = Competency.objects.filter(framework_id=area.framework_id, code=code)
            if self.instance.pk:
                clash = clash.exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "code", _("This framework has a competency with this code.")
                )
        return cleaned


class RubricForm(WagtailAdminModelForm):
    """Descriptors need one line per level; a used rubric is refused (its model
    `clean` says so) — the programme team creates a new version instead."""

    def is_valid(self) -> bool:
        if not super().is_valid():
            return False
        levels = [f for f in self.formsets["levels"].forms if not _deleted(f)]
        valid = True
        for form in self.formsets["criteria"].forms:
            if _deleted(form):
                continue
            for name in ("descriptors_en", "descriptors_nl"):
                lines = split_lines(form.cleaned_data.get(name, ""))
                if len(lines) != len(levels):
                    form.add_error(
                        name,
                        _("Write one line per level: %(n)d lines.")
                        % {"n": len(levels)},
                    )
                    valid = False
        return valid


def _deleted(form: Any) -> bool:
    return bool(getattr(form, "cleaned_data", {}).get("DELETE"))


class SchemeForm(WagtailAdminModelForm):
    """Mandatory sessions and required assignments are chosen from the
    programmes' session plans and assignments (stored as session numbers and
    assignment block ids, as trajectories stores them)."""

    mandatory_sessions = forms.MultipleChoiceField(
        label=gettext_lazy("Mandatory sessions"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Only sessions of the chosen programme."),
    )
    required_assignments = forms.MultipleChoiceField(
        label=gettext_lazy("Required assignments"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Only assignments of the chosen programme."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sessions: list[Any] = []
        assignments: list[Any] = []
        for programme in ProgrammePage.objects.order_by("title"):
            sessions.append(
                (
                    programme.title,
                    [
                        (
                            f"{programme.pk}:{number}",
                            f"{number}. {block.value['title']}"
                            + (
                                " " + _("(mandatory for certification in the plan)")
                                if block.value.get("mandatory")
                                else ""
                            ),
                        )
                        for number, block in enumerate(programme.session_plan, start=1)
                    ],
                )
            )
            assignments.append(
                (
                    programme.title,
                    [
                        (f"{programme.pk}:{block.id}", block.value["title"])
                        for block in programme.assignments
                    ],
                )
            )
        cast(
            forms.MultipleChoiceField, self.fields["mandatory_sessions"]
        ).choices = sessions
        cast(
            forms.MultipleChoiceField, self.fields["required_assignments"]
        ).choices = assignments
        scheme = self.instance
        if scheme.pk and not self.is_bound:
            self.initial["mandatory_sessions"] = [
                f"{scheme.programme_id}:{n}" for n in scheme.mandatory_session_numbers()
            ]
            self.initial["required_assignments"] = [
                f"{scheme.programme_id}:{key}"
                for key in scheme.required_assignment_keys()
            ]

    def _of_programme(self, name: str, programme: Any) -> list[str]:
        values = []
        for value in self.cleaned_data.get(name) or []:
            programme_id, _sep, item = str(value).partition(":")
            if programme is None or programme_id != str(programme.pk):
                self.add_error(
                    name, _("Choose only from the programme of this scheme.")
                )
                return []
            values.append(item)
        return values

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        framework, rubric = cleaned.get("framework"), cleaned.get("rubric")
        if (
            framework is not None
            and rubric is not None
            and rubric.criteria.exclude(competency__isnull=True)
            .exclude(competency__framework=framework)
            .exists()
        ):
            self.add_error(
                "rubric",
                _("The rubric assesses competencies of another framework."),
            )
        programme = cleaned.get("programme")
        cleaned["mandatory_sessions"] = sorted(
            int(n) for n in self._of_programme("mandatory_sessions", programme)
        )
        cleaned["required_assignments"] = self._of_programme(
            "required_assignments", programme
        )
        return cleaned
