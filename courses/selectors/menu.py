"""The address of the course listing, for the main menu."""

from __future__ import annotations

from django.core.cache import cache

from ..models import CourseIndexPage

# The main menu asks on every page: the answer is cached and dropped whenever a
# course listing is published, unpublished, moved or deleted (signal_handlers);
# the timeout bounds how stale a per-process cache can be.
INDEX_URL_CACHE_KEY = "engage-courses:index-url"
INDEX_URL_CACHE_SECONDS = 300


def course_index_url() -> str | None:
    """The address of the first live course listing in the page tree, or None when
    there is none: from the cache, else one or two queries."""
    cached = cache.get(INDEX_URL_CACHE_KEY)
    if cached is None:
        index = CourseIndexPage.objects.live().order_by("path").first()
        cached = (index.url or "") if index is not None else ""
        cache.set(INDEX_URL_CACHE_KEY, cached, INDEX_URL_CACHE_SECONDS)
    return str(cached) or None
