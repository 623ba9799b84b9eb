"""Searching the practices index (reads only; `services/indexing.py` writes it)."""

from __future__ import annotations

from .engine import Taxonomy, filtered_records, load_taxonomy, run_search
from .facet_index import FacetIndex, facet_index
from .fulltext import correct_spelling
from .page import search_page
from .query import (
    FACET_PARAMS,
    FACETS,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    Facet,
    FacetSpec,
    FacetValue,
    Hit,
    PracticeQuery,
    SearchResults,
    Sort,
    query_from_params,
    query_to_params,
)

__all__ = [
    "FACETS",
    "FACET_PARAMS",
    "MAX_PAGE_SIZE",
    "MAX_QUERY_LENGTH",
    "Facet",
    "FacetIndex",
    "FacetSpec",
    "FacetValue",
    "Hit",
    "PracticeQuery",
    "SearchResults",
    "Sort",
    "Taxonomy",
    "correct_spelling",
    "facet_index",
    "filtered_records",
    "load_taxonomy",
    "query_from_params",
    "query_to_params",
    "run_search",
    "search_page",
]
