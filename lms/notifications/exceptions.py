"""Errors the notification services raise."""

from __future__ import annotations

from lms.exceptions import DomainError, Forbidden


class NotificationError(DomainError):
    """Base class of the notification errors."""


class NotYours(NotificationError, Forbidden):
    """A person tried to change another person's notification."""


class InvalidNotification(NotificationError, ValueError):
    """A caller passed a kind, link or frequency the notifications cannot store."""
