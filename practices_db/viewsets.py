"""Wagtail admin: the practice taxonomies and the CSV import."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Term


class TermViewSet(ModelViewSet):
    model = Term
    icon = "tag"
    menu_label = _("Taxonomy terms")
    form_fields = [
        "vocabulary",
        "slug",
        "name_en",
        "name_nl",
        "sort_order",
        "is_active",
    ]
    list_display = ["name_en", "name_nl", "vocabulary", "slug", "is_active"]
    list_filter = ["vocabulary", "is_active"]
    search_fields = ["name_en", "name_nl", "slug"]
    ordering = ["vocabulary", "sort_order", "name_en"]
    # Deleting a term would silently drop it from practices; deactivate instead.
    delete_view_enabled = False


class PracticesViewSetGroup(ViewSetGroup):
    menu_label = _("Inspiring practices")
    menu_icon = "pick"
    menu_order = 300
    items = (TermViewSet("practice-terms"),)
