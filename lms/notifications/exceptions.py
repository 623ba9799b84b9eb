"""Errors the notification services raise."""

from __future__ import annotations


class NotificationError(Exception):
    """Base class of the notification errors."""


class NotYours(NotificationError):
    """A person tried to change another person's notification."""


class InvalidNotification(NotificationError, ValueError):
    """A caller passed a kind, link or frequency the notifications cannot store."""
