"""Demo content of the frontend: the home page as the site's root page."""

from __future__ import annotations

from wagtail.models import Page, Site

from lms.wagtail_tree import page_tree_root

from .models import HomePage


def seed_home_page() -> HomePage:
    """Make a HomePage the default site's root (replacing Wagtail's welcome page)."""
    existing = HomePage.objects.first()
    if existing is None:
        root = page_tree_root()
        existing = root.add_child(
            instance=HomePage(title="Engage PD", slug="engage-pd", live=True)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=existing,
            is_default_site=True,
            site_name="Engage PD",
        )
    elif site.root_page_id != existing.pk:
        old_root = site.root_page
        site.root_page = existing
        site.site_name = "Engage PD"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            # Wagtail's "Welcome to your new Wagtail site!" placeholder.
            old_root.delete()
    return existing
