from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import MANAGE_FORWARDING
from .views import admin as admin_views
from .viewsets import XapiViewSetGroup


@hooks.register("register_admin_viewset")
def register_xapi_viewsets() -> object:
    return XapiViewSetGroup()


@hooks.register("register_admin_urls")
def register_forwarding_urls() -> list[object]:
    return [
        path(
            "xapi/forwarding/",
            admin_views.forwarding_status,
            name="engage_xapi_forwarding",
        ),
        path(
            "xapi/forwarding/<id:destination_id>/replay/",
            admin_views.replay_dead_letters,
            name="engage_xapi_replay",
        ),
        path(
            "xapi/forwarding/<id:destination_id>/replay/<uuid:statement_id>/",
            admin_views.replay_dead_letter,
            name="engage_xapi_replay_one",
        ),
        path(
            "xapi/forwarding/<id:destination_id>/probe/",
            admin_views.probe_destination,
            name="engage_xapi_probe",
        ),
    ]


class ForwardingMenuItem(MenuItem):
    def is_shown(self, request: object) -> bool:
        return bool(request.user.has_perm(MANAGE_FORWARDING))  # type: ignore[attr-defined]


@hooks.register("register_settings_menu_item")
def register_forwarding_menu_item() -> MenuItem:
    return ForwardingMenuItem(
        _("xAPI forwarding"), reverse("engage_xapi_forwarding"), icon_name="pick"
    )
