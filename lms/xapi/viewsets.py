"""Wagtail admin: LRS credentials (view, scope, revoke)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from .models import LRSClient


class LRSClientViewSet(ModelViewSet):
    model = LRSClient
    icon = "key"
    menu_label = _("LRS clients")
    add_to_settings_menu = True
    # Credentials are created with `manage.py create_lrs_client`, which shows the
    # secret once; the admin changes scopes and revokes.
    form_fields = ["name", "can_read", "can_write", "is_active"]
    list_display = ["name", "key", "can_read", "can_write", "is_active", "created_at"]
    list_filter = ["is_active", "can_read", "can_write"]
    search_fields = ["name", "key"]
    add_view_enabled = False
    inspect_view_enabled = True


lrs_client_viewset = LRSClientViewSet("lrs-clients")
