"""Wagtail admin for the programme team: frameworks, competencies, rubrics, schemes."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Exists, OuterRef, ProtectedError, QuerySet
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button, HeaderButton

from lms.accounts.access import requires

from . import services
from .exceptions import CertificationError
from .forms.admin import CompetencyForm, FrameworkForm, RubricForm, SchemeForm
from .models import (
    Assessment,
    CertificationScheme,
    Competency,
    CompetencyFramework,
    Rubric,
)
from .permissions import ADMINISTER, IMPORT_FRAMEWORK, VERSION_RUBRIC


# Wagtail's permission policy narrows each action by model permission.
@requires(ADMINISTER)
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


@requires(ADMINISTER)
class FrameworkIndexView(generic.IndexView):
    @property
    def header_buttons(self) -> list[Any]:
        buttons = list(super().header_buttons)
        if self.request.user.has_perm(IMPORT_FRAMEWORK):
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


@requires(ADMINISTER)
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


@requires(ADMINISTER)
class RubricIndexView(generic.IndexView):
    def get_base_queryset(self) -> QuerySet[Any]:
        return (
            super()
            .get_base_queryset()
            .annotate(in_use=Exists(Assessment.objects.filter(rubric=OuterRef("pk"))))
        )


@requires(ADMINISTER)
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
        if self.request.user.has_perm(VERSION_RUBRIC):
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


@requires(ADMINISTER)
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
