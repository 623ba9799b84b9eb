"""Wagtail admin: LRS credentials, forwarding destinations and their health."""

from __future__ import annotations

from typing import Any

from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from lms.accounts.access import requires

from .models import Destination, DestinationHealth, LRSClient
from .permissions import MANAGE_FORWARDING
from .rules.circuit import State
from .selectors.forwarding import circuit_of, circuit_policy


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


def forwarding_state(destination: Destination) -> str:
    """Healthy, backing off, or failing since when (details: the forwarding page)."""
    try:
        health = destination.health
    except DestinationHealth.DoesNotExist:
        return gettext("Healthy")
    state = circuit_of(health).state(circuit_policy())
    if state is State.HEALTHY:
        return gettext("Healthy")
    if state is State.BACKING_OFF:
        return gettext("Backing off")
    since = timezone.localtime(health.failing_since) if health.failing_since else None
    return gettext("Failing since %(since)s") % {
        "since": formats.date_format(since, "DATETIME_FORMAT") if since else "—"
    }


@requires(MANAGE_FORWARDING)  # Wagtail's permission policy enforces change_destination
class DestinationIndexView(IndexView):
    def get_base_queryset(self) -> Any:
        return super().get_base_queryset().select_related("health")


class DestinationViewSet(ModelViewSet):
    model = Destination
    icon = "redirect"
    menu_label = _("LRS destinations")
    index_view_class = DestinationIndexView
    form_fields = [
        "name", "endpoint", "username", "password", "enabled", "batch_size",
        "timeout_seconds", "max_attempts",
    ]  # fmt: skip
    list_display = [
        "name", "endpoint", "enabled",
        Column("forwarding", label=_("Forwarding"), accessor=forwarding_state),
    ]  # fmt: skip
    search_fields = ["name", "endpoint"]


class XapiViewSetGroup(ViewSetGroup):
    menu_label = _("xAPI")
    menu_icon = "pick"
    menu_order = 950
    items = (LRSClientViewSet("lrs-clients"), DestinationViewSet("lrs-destinations"))
