from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views, services
from .models import PracticeAttachment
from .viewsets import PracticesViewSetGroup


@hooks.register("register_admin_viewset")
def register_practice_viewsets() -> object:
    return PracticesViewSetGroup()


@hooks.register("register_admin_urls")
def register_import_urls() -> list[object]:
    return [
        path(
            "practices/import/",
            admin_views.import_view,
            name="engage_practices_import",
        )
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return bool(request.user.has_perm(admin_views.PERMISSION))


@hooks.register("register_admin_menu_item")
def register_import_menu_item() -> MenuItem:
    return ImportMenuItem(
        _("Import practices"),
        reverse("engage_practices_import"),
        icon_name="upload",
        order=310,
    )


@hooks.register("before_serve_document")
def protect_unpublished_practice_documents(document: Any, request: Any) -> Any:
    """A practice document that no published practice shows is only for its
    uploader, the practice's author and its reviewers; everyone else gets "not
    found", as for the page itself. That includes documents added in an edit that
    is still in review (they live only in a revision)."""
    pages = [
        a.page
        for a in PracticeAttachment.objects.filter(document=document).select_related(
            "page"
        )
    ]
    in_practices = getattr(document.collection, "name", "") == services.COLLECTION_NAME
    if not pages and not in_practices:
        return None  # not a practice document
    if any(page.live for page in pages):
        return None
    user = request.user
    user_pk = getattr(user, "pk", None)
    if user_pk is not None and document.uploaded_by_user_id == user_pk:
        return None
    for page in pages:
        if page.owner_id == user_pk or services.may_review_faculty(
            user, page.faculty_id
        ):
            return None
    if not pages and services.may_review_faculty(user, 0):
        return None  # the programme team reviews every faculty
    return HttpResponse(status=404)
