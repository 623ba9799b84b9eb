"""Pages of the trajectories API, shaped like the practices API's: count, page,
num_pages, next, previous, results. A page past the end gives the last page."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django.core.paginator import Page, Paginator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.utils.urls import replace_query_param

PER_PAGE = 20
MAX_PER_PAGE = 100

PAGE_PARAMETERS = [
    OpenApiParameter("page", OpenApiTypes.INT, description="From 1 (1)."),
    OpenApiParameter("per_page", OpenApiTypes.INT, description="1 to 100 (20)."),
]


_DIGITS = re.compile(r"[0-9]{1,100}")


def _number(raw: str | None, default: int, maximum: int) -> int:
    # Hostile or silly values fall back to something sensible, never a 500; a
    # number past the end means the end.
    if raw is None or not _DIGITS.fullmatch(raw):
        return default
    value = int(raw) if len(raw) <= 18 else maximum
    return max(1, min(value, maximum))


def paginate(request: Request, items: Sequence[Any] | Any) -> tuple[Page, dict]:
    """One page of `items` (a list or queryset) and the envelope around it."""
    per_page = _number(request.query_params.get("per_page"), PER_PAGE, MAX_PER_PAGE)
    paginator = Paginator(items, per_page)
    number = _number(request.query_params.get("page"), 1, paginator.num_pages)
    page = paginator.page(number)
    url = request.build_absolute_uri()

    def link(to: int) -> str | None:
        if to < 1 or to > paginator.num_pages or to == number:
            return None
        return replace_query_param(url, "page", to)

    envelope = {
        "count": paginator.count,
        "page": number,
        "num_pages": paginator.num_pages,
        "next": link(number + 1),
        "previous": link(number - 1),
    }
    return page, envelope


class PageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)


def page_of(name: str, item: type[serializers.Serializer]) -> type[PageSerializer]:
    """A documented page serializer whose results are `item`s."""
    return type(name, (PageSerializer,), {"results": item(many=True)})
