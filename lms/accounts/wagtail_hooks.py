from __future__ import annotations

from wagtail import hooks

from .viewsets import faculty_viewset


@hooks.register("register_admin_viewset")
def register_faculty_viewset() -> object:
    return faculty_viewset
