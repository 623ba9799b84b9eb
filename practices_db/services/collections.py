"""Collections of practices for education meetings: curated, ordered, shared by
a secret link. Only the owner changes a collection."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from lms.sanitizing import clean_text

from ..exceptions import NotAllowed
from ..models import CollectionItem, PracticeCollection, PracticePage
from ..models.collections import new_share_token
from ..permissions import CHANGE_COLLECTION, CURATE
from ..rules.limits import within
from .engagement import require_live


def _note(note: str) -> str:
    return within(clean_text(note), limit=1000, field="note")


def _own(collection: PracticeCollection, user: Any) -> None:
    if not user.has_perm(CHANGE_COLLECTION, collection):
        raise NotAllowed(_("Only the owner can change this collection."))


def create_collection(
    *, owner: Any, title: str, description: str = ""
) -> PracticeCollection:
    """A new, empty collection (coordinators and the programme team)."""
    if not owner.has_perm(CURATE):
        raise NotAllowed(
            _("Only faculty coordinators and the programme team curate collections.")
        )
    return PracticeCollection.objects.create(
        owner=owner,
        title=within(clean_text(title), limit=200, field="title"),
        description=within(clean_text(description), limit=2000, field="description"),
    )


def update_collection(
    *, actor: Any, collection: PracticeCollection, title: str, description: str
) -> PracticeCollection:
    _own(collection, actor)
    collection.title = within(clean_text(title), limit=200, field="title")
    collection.description = within(
        clean_text(description), limit=2000, field="description"
    )
    collection.save()
    return collection


def delete_collection(*, actor: Any, collection: PracticeCollection) -> None:
    _own(collection, actor)
    collection.delete()


def renew_share_link(*, actor: Any, collection: PracticeCollection) -> str:
    """A new share link; the old one stops working."""
    _own(collection, actor)
    collection.share_token = new_share_token()
    collection.save(update_fields=["share_token", "updated_at"])
    return collection.share_token


def add_to_collection(
    *, actor: Any, collection: PracticeCollection, page: PracticePage, note: str = ""
) -> CollectionItem:
    """Append a published practice (or update its note if it is already there)."""
    _own(collection, actor)
    require_live(page)
    with transaction.atomic():
        last = collection.items.aggregate(last=Max("position"))["last"]
        item, created = CollectionItem.objects.get_or_create(
            collection=collection,
            practice=page,
            defaults={"note": _note(note), "position": (last or 0) + 1},
        )
        if not created and note:
            item.note = _note(note)
            item.save(update_fields=["note"])
        collection.save(update_fields=["updated_at"])
    return item


def update_item(*, actor: Any, item: CollectionItem, note: str) -> CollectionItem:
    _own(item.collection, actor)
    item.note = _note(note)
    item.save(update_fields=["note"])
    return item


def remove_item(*, actor: Any, item: CollectionItem) -> None:
    _own(item.collection, actor)
    item.delete()


def move_item(*, actor: Any, item: CollectionItem, offset: int) -> None:
    """Move an item up (offset -1) or down (+1) in its collection."""
    _own(item.collection, actor)
    with transaction.atomic():
        items = list(
            item.collection.items.select_for_update().order_by("position", "pk")
        )
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        for position, other in enumerate(items, start=1):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])
