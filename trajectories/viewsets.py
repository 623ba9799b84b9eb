"""Wagtail admin: cohorts with their sessions (programmes are pages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Cohort


class CohortViewSet(ModelViewSet):
    model = Cohort
    icon = "group"
    menu_label = _("Cohorts")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["title", "academic_year", "programme", "capacity"]
    list_filter = ["academic_year"]
    search_fields = ["title"]
