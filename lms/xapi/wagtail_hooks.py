from __future__ import annotations

from wagtail import hooks

from .viewsets import lrs_client_viewset


@hooks.register("register_admin_viewset")
def register_lrs_client_viewset() -> object:
    return lrs_client_viewset
