"""Read-only API of published practices: the same search and filters as the site."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle
from wagtail.rich_text import expand_db_html

from lms.api import EngageAPIView

from ... import selectors
from ...rules.licences import licence_info
from ...selectors.search import (
    FACETS,
    Sort,
    query_from_params,
    query_to_params,
    run_search,
)
from .serializers import PracticeDetailSerializer, SearchResponseSerializer

SEARCH_PARAMETERS = [
    OpenApiParameter("q", OpenApiTypes.STR, description="Full-text query (nl or en)."),
    *[
        OpenApiParameter(
            spec.param, OpenApiTypes.STR, many=True,
            description=f"Filter: {spec.label} (repeat for OR within the facet).",
        )
        for spec in FACETS
    ],
    OpenApiParameter("sort", OpenApiTypes.STR, enum=[k for k, _l in Sort.CHOICES]),
    OpenApiParameter("page", OpenApiTypes.INT),
    OpenApiParameter("per_page", OpenApiTypes.INT, description="1 to 100 (20)."),
]  # fmt: skip


class _PublicReadOnly(EngageAPIView):
    """Published practices are public: anyone may read them, nobody writes."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]


class PracticeListView(_PublicReadOnly):
    """Search published practices with facet counts."""

    @extend_schema(parameters=SEARCH_PARAMETERS, responses=SearchResponseSerializer)
    def get(self, request: Request) -> Response:
        query = query_from_params(request.query_params)
        results = run_search(query)
        q = results.query

        def link(page: int) -> str | None:
            if page < 1 or page > results.num_pages or page == q.page:
                return None
            params = query_to_params(q, page=page) + [("per_page", str(q.per_page))]
            return request.build_absolute_uri(request.path + "?" + urlencode(params))

        data = {
            "count": results.total,
            "page": q.page,
            "num_pages": results.num_pages,
            "next": link(q.page + 1),
            "previous": link(q.page - 1),
            "corrected_query": results.corrected_text,
            "results": results.hits,
            "facets": [
                {"param": f.param, "label": str(f.label), "values": f.values}
                for f in results.facets
            ],
        }
        return Response(
            SearchResponseSerializer(data, context={"request": request}).data
        )


def _terms(manager: Any) -> list[dict[str, str]]:
    return [{"slug": t.slug, "name": t.name} for t in manager.all()]


class PracticeDetailView(_PublicReadOnly):
    """One published practice with everything on its page."""

    @extend_schema(responses=PracticeDetailSerializer)
    def get(self, request: Request, pk: int) -> Response:
        page = selectors.live_practice(pk)
        if page is None:
            raise Http404
        licence = licence_info(page.licence)
        attachments = []
        for a in page.attachments.select_related("image", "document"):
            if a.document is not None:
                attachments.append({
                    "kind": "document", "title": a.document.title,
                    "url": request.build_absolute_uri(a.document.url),
                    "alt_text": "", "caption": a.caption,
                })  # fmt: skip
            elif a.image is not None:
                rendition = a.image.get_rendition("max-1200x1200")
                attachments.append({
                    "kind": "image", "title": a.image.title,
                    "url": request.build_absolute_uri(rendition.url),
                    "alt_text": a.alt_text, "caption": a.caption,
                })  # fmt: skip
        data = {
            "id": page.pk,
            "url": request.build_absolute_uri(page.get_url(request) or ""),
            "title": page.title,
            "summary": page.summary,
            "body_html": expand_db_html(page.body),
            "evidence_html": expand_db_html(page.evidence),
            "faculty": page.faculty.name,
            "discipline": page.discipline,
            "group_size": page.group_size,
            "language": page.language,
            "licence": licence.code,
            "licence_url": licence.url,
            "contact_name": page.contact_name,
            "first_published_at": page.first_published_at,
            "last_published_at": page.last_published_at,
            "adoption_count": page.adoptions.count(),
            "course_levels": _terms(page.course_levels),
            "formats": _terms(page.formats),
            "dimensions": _terms(page.dimensions),
            "aspects": _terms(page.aspects),
            "sdgs": _terms(page.sdgs),
            "attachments": attachments,
        }
        return Response(PracticeDetailSerializer(data).data)
