"""Receivers of Wagtail's page and site signals: forget the cached address of the
course listing (the main menu's "Courses") when it may have changed."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import CourseIndexPage
from .selectors import INDEX_URL_CACHE_KEY


def forget_index_url() -> None:
    """Now and again after commit, so no request in between caches the old one."""
    cache.delete(INDEX_URL_CACHE_KEY)
    transaction.on_commit(lambda: cache.delete(INDEX_URL_CACHE_KEY))


@receiver(page_published, sender=CourseIndexPage)
@receiver(page_unpublished, sender=CourseIndexPage)
@receiver(post_delete, sender=CourseIndexPage)
def course_index_changed(sender: Any, **kwargs: Any) -> None:
    forget_index_url()


@receiver(post_page_move)
def page_moved(sender: Any, **kwargs: Any) -> None:
    # Moving any ancestor changes the listing's address.
    forget_index_url()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender: Any, **kwargs: Any) -> None:
    forget_index_url()
