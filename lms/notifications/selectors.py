"""Reads of the notifications, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models import QuerySet

from .models import Notification, NotificationPreference


def notifications_of(user: Any) -> QuerySet[Notification]:
    """The person's notifications, newest first (one query per page of them)."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def unread_count(user: Any) -> int:
    """How many notifications the person has not read (one query)."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


# The header badge is on every page: its count is cached per person and dropped
# (after commit) whenever their notifications change. The timeout bounds how stale
# a per-process cache (locmem with several web processes) can be.
BADGE_CACHE_SECONDS = 120


def unread_cache_key(user_id: int) -> str:
    return f"engage-notifications:unread:{user_id}"


def badge_count(user: Any) -> int:
    """The unread count for the header badge: from the cache, or one query."""
    if not getattr(user, "is_authenticated", False):
        return 0
    key = unread_cache_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = unread_count(user)
        cache.set(key, count, BADGE_CACHE_SECONDS)
    return int(count)


def own_notification(user: Any, notification_id: int) -> Notification | None:
    """The notification if it is the person's own, else None (never another's)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Notification.objects.filter(pk=notification_id, recipient=user).first()


def preference_of(user: Any) -> NotificationPreference:
    """The person's preference, or the unsaved default when they never chose."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)
