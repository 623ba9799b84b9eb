"""`{% notifications_badge %}`: the header link with the unread count."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context
from django.urls import NoReverseMatch, reverse

from .. import selectors

register = template.Library()

_CACHE_ATTR = "_engage_unread_notifications"


@register.inclusion_tag(
    "engage_notifications/components/badge.html", takes_context=True
)
def notifications_badge(context: Context) -> dict[str, Any]:
    """The link to the notifications for a signed-in person (at most one query)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {"url": None}
    try:
        url = reverse("engage_notifications:list")
    except NoReverseMatch:  # a host that does not include the notification pages
        return {"url": None}
    unread = getattr(request, _CACHE_ATTR, None)
    if unread is None:
        unread = selectors.badge_count(user)
        setattr(request, _CACHE_ATTR, unread)
    return {"url": url, "unread": unread, "current": request.path == url}
