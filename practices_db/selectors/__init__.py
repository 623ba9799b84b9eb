"""Reads of the practices database (public: other apps use these names)."""

from __future__ import annotations

from .collections import collection_items, collections_of, shared_collection
from .practices import (
    Engagement,
    PracticeStatus,
    Status,
    adoptions_of,
    bookmarks_of,
    document_is_private,
    engagement,
    latest_records,
    live_practice,
    my_practices,
    pages_showing_document,
    practice_page,
    practice_with_review,
    practices_index_page,
    related_practices,
    review_history,
    reviews_waiting,
    status_of,
)
from .reports import (
    SearchUse,
    YearActivity,
    most_adopted,
    practice_activity,
    practices_by_term,
    search_use,
)

__all__ = [
    "Engagement",
    "PracticeStatus",
    "SearchUse",
    "Status",
    "YearActivity",
    "adoptions_of",
    "bookmarks_of",
    "collection_items",
    "collections_of",
    "document_is_private",
    "engagement",
    "latest_records",
    "live_practice",
    "most_adopted",
    "my_practices",
    "pages_showing_document",
    "practice_activity",
    "practice_page",
    "practice_with_review",
    "practices_by_term",
    "practices_index_page",
    "related_practices",
    "review_history",
    "reviews_waiting",
    "search_use",
    "shared_collection",
    "status_of",
]
