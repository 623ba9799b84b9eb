from __future__ import annotations

from django.urls import path
from wagtail import hooks

from .views import admin as admin_views
from .viewsets import CertificationViewSetGroup


@hooks.register("register_admin_viewset")
def register_certification_viewsets() -> object:
    return CertificationViewSetGroup()


@hooks.register("register_admin_urls")
def register_certification_urls() -> list[object]:
    return [
        path(
            "certification/frameworks/import/",
            admin_views.import_framework_view,
            name="engage_certification_framework_import",
        ),
        path(
            "certification/frameworks/<id:pk>/export.<str:fmt>",
            admin_views.export_framework_view,
            name="engage_certification_framework_export",
        ),
        path(
            "certification/rubrics/<id:pk>/new-version/",
            admin_views.new_rubric_version_view,
            name="engage_certification_rubric_version",
        ),
    ]
