"""The registry of main-menu entries. Apps register theirs in AppConfig.ready().

The frontend renders `menu_for(user)`; apps never import the frontend.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise

from .accounts.roles import Role

# Who sees an entry is the rule `engage_accounts.see_menu_item` (by its `roles`).
SEE_ITEM = "engage_accounts.see_menu_item"


@dataclass(frozen=True)
class MenuItem:
    key: str
    label: str | Promise
    url_name: str = ""
    order: int = 100
    # None: everyone signed in. Empty: everyone, signed in or not.
    roles: frozenset[Role] | None = None
    url_kwargs: dict[str, str] = field(default_factory=dict)
    # "main": the work a role does (the menu row); "account": the person's own
    # things, beside the language switch and sign-out.
    group: str = "main"
    # For an address that comes from content (a page) instead of a URL name: the
    # address, or None when there is nothing to link to (the entry is left out).
    # Called on every menu a visitor may see, so it must be cheap (cache it).
    locate: Callable[[], str | None] | None = None

    def url(self) -> str | None:
        if self.locate is not None:
            return self.locate()
        return reverse(self.url_name, kwargs=self.url_kwargs or None)


_items: dict[str, MenuItem] = {}


def register_menu_item(item: MenuItem) -> None:
    """Add (or replace, by key) an entry of the main menu."""
    _items[item.key] = item


def unregister_menu_item(key: str) -> None:
    _items.pop(key, None)


def registered_items() -> Iterable[MenuItem]:
    return sorted(_items.values(), key=lambda item: (item.order, item.key))


def menu_for(
    user: Any,
    *,
    resolve: Callable[[MenuItem], str | None] = MenuItem.url,
) -> list[tuple[MenuItem, str]]:
    """The entries `user` (signed in or anonymous) may see, in order, each with
    its URL (entries without one now are left out)."""
    visible = []
    for item in registered_items():
        if item.roles != frozenset() and not user.has_perm(SEE_ITEM, item):
            continue
        try:
            url = resolve(item)
        except NoReverseMatch:
            # An entry of an app whose URLs the host did not include.
            continue
        if url is not None:
            visible.append((item, url))
    return visible
