"""The search page, shaped for its template: results, facets with the address
that toggles each value, active filters and the paging and export addresses."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from .engine import run_search
from .query import FACETS, Facet, FacetValue, SearchResults, Sort, query_from_params
from .query import query_to_params as _params


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params) if params else "?"


def _facet_links(results: SearchResults) -> list[tuple[Facet, list[Any]]]:
    q = results.query
    facets = []
    for facet in results.facets:
        values: list[tuple[FacetValue, str]] = []
        for value in facet.values:
            chosen = list(q.selected.get(facet.param, ()))
            toggled = (
                [k for k in chosen if k != value.key]
                if value.selected
                else [*chosen, value.key]
            )
            selected = {**q.selected, facet.param: tuple(toggled)}
            values.append((value, _url(_params(q, selected=selected, page=1))))
        facets.append((facet, values))
    return facets


def search_page(params: Any, *, correct: bool, may_export: bool) -> dict[str, Any]:
    """The template context of the search page for these URL parameters."""
    results = run_search(query_from_params(params), correct=correct)
    q = results.query
    facets = _facet_links(results)
    return {
        "results": results,
        "facets": facets,
        "active_filters": [
            (facet.label, value.label, url)
            for facet, values in facets
            for value, url in values
            if value.selected
        ],
        "sort_choices": Sort.CHOICES,
        "sort": q.effective_sort,
        "facet_params": [spec.param for spec in FACETS],
        "clear_url": _url([("q", q.text)] if q.text else []),
        "prev_url": _url(_params(q, page=q.page - 1)) if q.page > 1 else "",
        "next_url": (
            _url(_params(q, page=q.page + 1)) if q.page < results.num_pages else ""
        ),
        "original_url": _url(_params(q, page=1)) + "&nocorrect=1"
        if results.corrected_text
        else "",
        "export_url": (
            reverse("engage_practices:export") + _url(_params(q, page=1))
            if may_export
            else ""
        ),
    }
