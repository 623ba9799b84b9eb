"""Wagtail admin: LRS credentials, forwarding destinations and their health."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Destination, LRSClient


class LRSClientViewSet(ModelViewSet):
    model = LRSClient
    icon = "key"
    menu_label = _("LRS clients")
    # Credentials are created with `manage.py create_lrs_client`, which shows the
    # secret once; the admin changes scopes and revokes.
    form_fields = ["name", "can_read", "can_write", "is_active"]
    list_display = ["name", "key", "can_read", "can_write", "is_active", "created_at"]
    list_filter = ["is_active", "can_read", "can_write"]
    search_fields = ["name", "key"]
    add_view_enabled = False
    inspect_view_enabled = True


class DestinationViewSet(ModelViewSet):
    model = Destination
    icon = "redirect"
    menu_label = _("LRS destinations")
    form_fields = [
        "name", "endpoint", "username", "password", "enabled", "batch_size",
        "timeout_seconds", "max_attempts",
    ]  # fmt: skip
    list_display = ["name", "endpoint", "enabled"]
    search_fields = ["name", "endpoint"]


class XapiViewSetGroup(ViewSetGroup):
    menu_label = _("xAPI")
    menu_icon = "pick"
    menu_order = 950
    items = (LRSClientViewSet("lrs-clients"), DestinationViewSet("lrs-destinations"))
