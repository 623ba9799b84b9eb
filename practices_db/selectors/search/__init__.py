"""Searching the practices index (reads only; `services/indexing.py` writes it).

The public face of the search: what views, the API, the exchange and the
benchmarks use. The parts (query, engine, fulltext, facet_index, page) stay
importable on their own for their tests.
"""

from __future__ import annotations

from .engine import filtered_records, load_taxonomy, run_search
from .page import search_page
from .query import FACETS, PracticeQuery, Sort, query_from_params, query_to_params

__all__ = [
    "FACETS",
    "PracticeQuery",
    "Sort",
    "filtered_records",
    "load_taxonomy",
    "query_from_params",
    "query_to_params",
    "run_search",
    "search_page",
]
