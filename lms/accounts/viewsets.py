"""Wagtail admin screens for the programme team: faculties."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Faculty


class FacultyViewSet(ModelViewSet):
    model = Faculty
    icon = "group"
    menu_label = _("Faculties")
    menu_order = 900
    add_to_admin_menu = True
    form_fields = ["code", "name_en", "name_nl", "is_active", "sort_order"]
    list_display = ["name_en", "name_nl", "code", "is_active"]
    search_fields = ["name_en", "name_nl", "code"]


faculty_viewset = FacultyViewSet("faculties")
