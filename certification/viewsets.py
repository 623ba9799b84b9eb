"""Wagtail admin for the programme team: frameworks, competencies, rubrics, schemes."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError, QuerySet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from trajectories.models import ProgrammePage

from . import services
from .exceptions import CertificationError
from .models import (
    Assessment,
    CertificationScheme,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    Rubric,
)
from .models.schemes import split_lines

IMPORT_PERMISSION = "engage_certification.add_competencyframework"
EXPORT_PERMISSION = "engage_certification.view_competencyframework"
RUBRIC_PERMISSION = "engage_certification.add_rubric"


class KeepUsedDeleteView(generic.DeleteView):
    """Deleting what schemes, portfolios or assessments still use is refused with a
    message (the database protects it), not a server error."""

    def form_valid(self, form: Any) -> Any:
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _(
                    "“%(object)s” is still used by a scheme, portfolio or assessment "
                    "and cannot be deleted."
                )
                % {"object": self.object},
            )
            return redirect(self.get_success_url())


# --- frameworks ---------------------------------------------------------------------


class FrameworkIndexView(generic.IndexView):
    @property
    def header_buttons(self) -> list[Any]:
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(IMPORT_PERMISSION):
            buttons.append(
                HeaderButton(
                    _("Import JSON or CSV"),
                    url=reverse("engage_certification_framework_import"),
                    icon_name="upload",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = list(super().get_list_more_buttons(instance))
        for fmt in ("json", "csv"):
            buttons.append(
                Button(
                    _("Export %(format)s") % {"format": fmt.upper()},
                    url=reverse(
                        "engage_certification_framework_export", args=[instance.pk, fmt]
                    ),
                    icon_name="download",
                    priority=40,
                )
            )
        return buttons


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


class FrameworkViewSet(ModelViewSet):
    model = CompetencyFramework
    delete_view_class = KeepUsedDeleteView
    icon = "list-ul"
    menu_label = gettext_lazy("Competency frameworks")
    index_view_class = FrameworkIndexView
    list_display = ["name_en", "code", "version", "created_at"]
    search_fields = ["name_en", "name_nl", "code"]
    ordering = ["code", "-version"]
    edit_handler = ObjectList(CompetencyFramework.panels, base_form_class=FrameworkForm)


# --- competencies -------------------------------------------------------------------


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


class CompetencyIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Any]:
        return super().get_base_queryset().select_related("area", "framework")


class CompetencyViewSet(ModelViewSet):
    model = Competency
    delete_view_class = KeepUsedDeleteView
    index_view_class = CompetencyIndexView
    icon = "tick-inverse"
    menu_label = gettext_lazy("Competencies")
    list_display = ["code", "name_en", "area", "framework"]
    list_filter = ["framework"]
    search_fields = ["code", "name_en", "name_nl"]
    ordering = ["framework", "area__sort_order", "sort_order"]
    edit_handler = ObjectList(Competency.panels, base_form_class=CompetencyForm)


# --- rubrics ------------------------------------------------------------------------


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


class RubricIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Any]:
        return (
            super()
            .get_base_queryset()
            .annotate(in_use=Exists(Assessment.objects.filter(rubric=OuterRef("pk"))))
        )


class RubricEditView(generic.EditView):
    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if self.get_object().is_locked:
            messages.warning(
                request,
                _(
                    "This rubric is used by an assessment and can no longer be "
                    "changed. Create a new version to change it."
                ),
            )
        return super().get(request, *args, **kwargs)

    @property
    def header_more_buttons(self) -> list[Any]:
        buttons = list(super().header_more_buttons)
        if self.request.user.has_perm(RUBRIC_PERMISSION):
            buttons.append(
                Button(
                    _("Create a new version"),
                    url=reverse(
                        "engage_certification_rubric_version", args=[self.object.pk]
                    ),
                    icon_name="copy",
                    priority=15,
                )
            )
        return buttons

    def form_valid(self, form: Any) -> Any:
        # The form refuses a used rubric already; this closes the gap of an
        # allocation that locked it while the form was being checked.
        try:
            services.check_rubric_editable(form.instance)
        except CertificationError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        return super().form_valid(form)


class RubricViewSet(ModelViewSet):
    model = Rubric
    delete_view_class = KeepUsedDeleteView
    icon = "table"
    menu_label = gettext_lazy("Rubrics")
    index_view_class = RubricIndexView
    edit_view_class = RubricEditView
    list_display = [
        "name_en",
        "version",
        "pass_points",
        BooleanColumn("in_use", label=gettext_lazy("Used by an assessment")),
    ]
    search_fields = ["name_en", "name_nl"]
    ordering = ["name_en", "-version"]
    copy_view_enabled = False
    edit_handler = ObjectList(Rubric.panels, base_form_class=RubricForm)


# --- schemes ------------------------------------------------------------------------


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


class SchemeIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Any]:
        return (
            super()
            .get_base_queryset()
            .select_related("programme", "framework", "rubric")
        )


class SchemeViewSet(ModelViewSet):
    model = CertificationScheme
    delete_view_class = KeepUsedDeleteView
    index_view_class = SchemeIndexView
    icon = "success"
    menu_label = gettext_lazy("Certification schemes")
    list_display = ["title_en", "programme", "framework", "rubric", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["title_en", "title_nl"]
    edit_handler = ObjectList(CertificationScheme.panels, base_form_class=SchemeForm)


class CertificationViewSetGroup(ViewSetGroup):
    menu_label = gettext_lazy("Certification")
    menu_icon = "success"
    menu_order = 320
    items = (
        SchemeViewSet("certification-schemes"),
        FrameworkViewSet("competency-frameworks"),
        CompetencyViewSet("competencies"),
        RubricViewSet("rubrics"),
    )
