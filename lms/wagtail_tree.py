"""The roots of Wagtail's page and collection trees, as every app asks for them.

Wagtail's migrations create both roots. A database whose rows were emptied (a
flushed test database, a restore of only our apps' data) has neither; the apps
then create them as those migrations do, instead of failing on `None`.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site


def page_tree_root() -> Page:
    """The page tree's root (depth 1), created when the database has none, and a
    default site when there is none (without one, no page has an address)."""
    root = Page.get_first_root_node()
    if root is None:
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(
            instance=Page(title="Root", slug="root", content_type=None)
        )
    if not Site.objects.filter(is_default_site=True).exists():
        Site.objects.create(
            hostname="localhost", port=80, root_page=root, is_default_site=True
        )
    return root


def collection_root() -> Collection:
    """The collection tree's root, created when the database has none."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
