"""Reads of practice collections: a curator's own, their items, a shared one."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, QuerySet

from ..models import CollectionItem, PracticeCollection

_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,32}")


def collections_of(user: Any) -> QuerySet[PracticeCollection]:
    return PracticeCollection.objects.filter(owner=user).annotate(
        num_items=Count("items")
    )


def collection_items(collection: PracticeCollection) -> list[CollectionItem]:
    """The items of a collection in order; only published practices are shown."""
    return list(
        collection.items.filter(practice__live=True)
        .select_related("practice__faculty", "practice__search_record")
        .order_by("position", "pk")
    )


def shared_collection(token: str) -> PracticeCollection | None:
    if not _TOKEN.fullmatch(token or ""):
        return None
    return (
        PracticeCollection.objects.filter(share_token=token)
        .select_related("owner")
        .first()
    )
