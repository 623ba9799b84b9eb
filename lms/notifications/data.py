"""What crosses the boundary between the notifications and the apps feeding them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class DigestItem:
    """One line of a digest from a digest source (texts in the active language)."""

    heading: str  # the section it belongs in, e.g. "Upcoming sessions"
    title: str
    url: str = ""  # a path on this site
    detail: str = ""


# A digest source: (user, since) -> the items this app has for that person.
DigestSource = Callable[[Any, datetime], list[DigestItem]]


@dataclass(frozen=True)
class DigestNotification:
    """A notification as it appears in a digest."""

    pk: int
    title: str
    body: str
    url: str
    created_at: datetime


@dataclass(frozen=True)
class DigestSection:
    heading: str
    items: tuple[DigestItem, ...]


@dataclass(frozen=True)
class Digest:
    """Everything one person's digest e-mail says, in their language."""

    user_id: int
    since: datetime
    notifications: tuple[DigestNotification, ...]
    sections: tuple[DigestSection, ...]

    @property
    def is_empty(self) -> bool:
        return not self.notifications and not any(s.items for s in self.sections)
