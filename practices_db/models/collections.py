"""Curated, ordered sets of practices for faculty education meetings."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import PracticePage


def new_share_token() -> str:
    return secrets.token_urlsafe(16)


class PracticeCollection(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_collections",
        verbose_name=_("owner"),
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    # Anyone holding the link may view the collection; a new token revokes it.
    share_token = models.CharField(
        max_length=32, unique=True, default=new_share_token, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("practice collection")
        verbose_name_plural = _("practice collections")

    def __str__(self) -> str:
        return self.title


class CollectionItem(models.Model):
    collection = models.ForeignKey(
        PracticeCollection, on_delete=models.CASCADE, related_name="items"
    )
    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="collection_items"
    )
    note = models.CharField(_("note"), max_length=1000, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "practice"],
                name="engage_practices_collection_item_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.collection_id}: {self.practice_id}"
