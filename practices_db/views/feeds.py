"""The RSS feed of newly published practices (only live ones, from the index)."""

from __future__ import annotations

from typing import Any

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from lms.accounts.access import public

from .. import selectors
from ..models import SearchRecord


@public
class LatestPracticesFeed(Feed):
    title = _("Newly published inspiring practices")
    description = _("Inclusive-teaching practices shared by lecturers.")

    def link(self) -> str:
        return reverse("engage_practices:search")

    def items(self) -> Any:
        return selectors.latest_records()

    def item_title(self, item: SearchRecord) -> str:
        return item.title

    def item_description(self, item: SearchRecord) -> str:
        # Feed readers render the description as HTML; the summary is plain text.
        return str(escape(item.summary))

    def item_link(self, item: SearchRecord) -> str:
        return item.url

    def item_pubdate(self, item: SearchRecord) -> Any:
        return item.first_published_at
