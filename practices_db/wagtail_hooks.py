"""Wagtail registrations of the practices database."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import selectors
from .permissions import IMPORT, VIEW_PRIVATE_DOCUMENT
from .views import admin, practice
from .viewsets import PracticesViewSetGroup


@hooks.register("register_admin_viewset")
def register_practice_viewsets() -> object:
    return PracticesViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls() -> list[object]:
    return [
        path("practices/import/", admin.import_view, name="engage_practices_import")
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm(IMPORT))


@hooks.register("register_admin_menu_item")
def register_import_menu_item() -> MenuItem:
    return ImportMenuItem(
        _("Import practices"),
        reverse("engage_practices_import"),
        icon_name="upload",
        order=310,
    )


@hooks.register("before_serve_page")
def record_practice_view(page: Any, request: Any, *args: Any) -> None:
    practice.record_view(page, request)


@hooks.register("before_serve_document")
def protect_unpublished_practice_documents(document: Any, request: Any) -> Any:
    """A practice document no published practice shows answers "not found", as
    the page itself would, to all but those the registered rule lets see it."""
    if not selectors.document_is_private(document):
        return None
    if request.user.has_perm(VIEW_PRIVATE_DOCUMENT, document):
        return None
    return HttpResponse(status=404)
