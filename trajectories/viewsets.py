"""Wagtail admin: cohorts with their sessions (programmes are pages), and on each
cohort its participants import, attendance export and session evaluations."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from lms.accounts.access import requires

from .models import Cohort
from .permissions import MANAGE_COHORTS
from .views import admin as admin_views


def _buttons(kind: type, cohort: Cohort, import_url_name: str | None) -> list[Any]:
    """The cohort's extra actions: import its participants (the programme team),
    download its attendance, see its session evaluations."""
    actions = []
    if import_url_name:
        actions.append(
            (_("Import participants"), reverse(import_url_name, args=[cohort.pk]),
             "upload", 40)
        )  # fmt: skip
    actions += [
        (_("Download attendance (CSV)"),
         reverse("engage_trajectories:attendance_csv", args=[cohort.pk]),
         "download", 50),
        (_("Session evaluations"),
         reverse("engage_trajectories:cohort_evaluations", args=[cohort.pk]),
         "list-ol", 60),
    ]  # fmt: skip
    return [
        kind(label, url=url, icon_name=icon, priority=priority)
        for label, url, icon, priority in actions
    ]


@requires(MANAGE_COHORTS)  # Wagtail's permission policy enforces change_cohort
class CohortIndexView(IndexView):
    import_url_name: str | None = None

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        may_import = self.request.user.has_perm(MANAGE_COHORTS)
        return [
            *super().get_list_more_buttons(instance),
            *_buttons(MenuItem, instance, self.import_url_name if may_import else None),
        ]


@requires(MANAGE_COHORTS)  # Wagtail's permission policy enforces change_cohort
class CohortEditView(EditView):
    import_url_name: str | None = None

    @cached_property
    def header_more_buttons(self) -> list[Any]:
        return [
            *super().header_more_buttons,
            *_buttons(Button, self.object, self.import_url_name),
        ]


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "academic_year", "programme", "capacity"]
    list_filter = ["academic_year"]
    search_fields = ["title"]
    index_view_class = CohortIndexView
    edit_view_class = CohortEditView

    def get_index_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_index_view_kwargs(
            import_url_name=self.get_url_name("import_participants"), **kwargs
        )

    def get_edit_view_kwargs(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_edit_view_kwargs(
            import_url_name=self.get_url_name("import_participants"), **kwargs
        )

    def get_urlpatterns(self) -> list[Any]:
        return [
            *super().get_urlpatterns(),
            path(
                "import/<id:pk>/",
                admin_views.import_participants,
                name="import_participants",
            ),
        ]
