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


def _attendance_url(cohort: Cohort) -> str:
    return reverse("engage_trajectories:attendance_csv", args=[cohort.pk])


def _evaluations_url(cohort: Cohort) -> str:
    return reverse("engage_trajectories:cohort_evaluations", args=[cohort.pk])


@requires(MANAGE_COHORTS)  # Wagtail's permission policy enforces change_cohort
class CohortIndexView(IndexView):
    import_url_name: str | None = None

    def get_list_more_buttons(self, instance: Any) -> list[Any]:
        buttons = list(super().get_list_more_buttons(instance))
        if self.import_url_name and self.user_has_permission("change"):
            buttons.append(
                MenuItem(
                    _("Import participants"),
                    url=reverse(self.import_url_name, args=[instance.pk]),
                    icon_name="upload",
                    priority=40,
                )
            )
        buttons.append(
            MenuItem(
                _("Download attendance (CSV)"),
                url=_attendance_url(instance),
                icon_name="download",
                priority=50,
            )
        )
        buttons.append(
            MenuItem(
                _("Session evaluations"),
                url=_evaluations_url(instance),
                icon_name="list-ol",
                priority=60,
            )
        )
        return buttons


@requires(MANAGE_COHORTS)  # Wagtail's permission policy enforces change_cohort
class CohortEditView(EditView):
    import_url_name: str | None = None

    @cached_property
    def header_more_buttons(self) -> list[Any]:
        buttons = list(super().header_more_buttons)
        if self.import_url_name:
            buttons.append(
                Button(
                    _("Import participants"),
                    url=reverse(self.import_url_name, args=[self.object.pk]),
                    icon_name="upload",
                    priority=40,
                )
            )
        buttons.append(
            Button(
                _("Download attendance (CSV)"),
                url=_attendance_url(self.object),
                icon_name="download",
                priority=50,
            )
        )
        buttons.append(
            Button(
                _("Session evaluations"),
                url=_evaluations_url(self.object),
                icon_name="list-ol",
                priority=60,
            )
        )
        return buttons


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
                "import/<int:pk>/",
                admin_views.import_participants,
                name="import_participants",
            ),
        ]
