from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from .views.erasure import erasable_by, erase_person_view
from .viewsets import faculty_viewset


@hooks.register("register_admin_viewset")
def register_faculty_viewset() -> object:
    return faculty_viewset


@hooks.register("register_admin_urls")
def register_erasure_url() -> list[object]:
    return [
        path(
            "accounts/people/<id:user_id>/erase/",
            erase_person_view,
            name="engage_accounts_erase",
        )
    ]


@hooks.register("register_user_listing_buttons")
def erase_button(user: Any, request_user: Any) -> Iterator[Any]:
    if erasable_by(request_user, user):
        yield ListingButton(
            _("Erase personal data"),
            reverse("engage_accounts_erase", args=[user.pk]),
            priority=90,
            icon_name="warning",
        )
