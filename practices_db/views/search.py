"""Finding practices: the search page and its CSV export."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from lms.accounts.access import public, requires

from .. import selectors, services
from ..permissions import EXPORT
from ..selectors.exchange import export_csv_response
from ..selectors.search import query_from_params, search_page


@public
def search(request: HttpRequest) -> HttpResponse:
    context = search_page(
        request.GET,
        correct=not request.GET.get("nocorrect"),
        may_export=request.user.has_perm(EXPORT),
    )
    results = context["results"]
    asked = query_from_params(request.GET)
    if asked.text and asked.page == 1:
        # A corrected search found nothing for what the person typed.
        services.log_search(
            text=asked.text, found=bool(results.total) and not results.corrected_text
        )
    context["page"] = selectors.practices_index_page()
    return render(request, "engage_practices/practice_index_page.html", context)


@requires(EXPORT)
def export(request: HttpRequest) -> HttpResponseBase:
    return export_csv_response(query_from_params(request.GET))
