"""Receivers of Django's and Wagtail's signals; each calls one service."""

from __future__ import annotations

from typing import Any

from .models import Profile


def create_profile_for_new_user(
    sender: Any, instance: Any, created: bool, raw: bool = False, **kwargs: Any
) -> None:
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


def sync_role_groups(sender: Any, **kwargs: Any) -> None:
    # post_migrate fires once per installed app, in order, and each app's
    # permissions are created by its own post_migrate; sync after the last one.
    from django.apps import apps

    if sender is not [c for c in apps.get_app_configs() if c.models_module][-1]:
        return
    from .services import sync_roles

    sync_roles()


def remember_language_on_login(
    sender: Any, request: Any, user: Any, **kwargs: Any
) -> None:
    # The login view sets the cookie; this makes the rest of this request agree.
    from django.utils import translation

    from .selectors import profile_of

    if request is not None:
        language = profile_of(user).preferred_language
        translation.activate(language)
        request.LANGUAGE_CODE = language
