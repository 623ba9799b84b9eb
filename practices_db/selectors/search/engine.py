"""Searching the practices index: full text, facet filters, live facet counts.

One search costs a fixed number of queries whatever the number of results:
taxonomy terms, faculties, the index's fingerprint (`facet_index`; one more
when it changed since this process last looked), the ids (and relevance) of the
records matching the text, and the records of the result page. Totals and facet
counts are bitset arithmetic in memory. A query without results adds at most
spelling correction and the re-run.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import F, Q, QuerySet
from django.db.models.lookups import GreaterThan

from lms.accounts.models import Faculty

from ...models import (
    GroupSize,
    PracticeLanguage,
    SearchRecord,
    Term,
    Vocabulary,
)
from ...rules.licences import Licence
from ...rules.text import QueryWord, highlight, query_words
from .facet_index import FacetIndex, facet_index
from .fulltext import (
    TextMatches,
    best_ranked,
    correct_spelling,
    text_filter,
    text_matches,
)
from .query import (
    FACETS,
    MAX_PAGE_SIZE,
    SNIPPET_LENGTH,
    Facet,
    FacetSpec,
    FacetValue,
    Hit,
    PracticeQuery,
    SearchResults,
    Sort,
)


@dataclass
class Taxonomy:
    """Every facet value with its label, loaded once per search."""

    terms: dict[str, list[Term]]
    faculties: list[Faculty]

    def values(self, spec: FacetSpec) -> list[tuple[str, str, Any]]:
        """(url key, label, database value) for each value of a facet."""
        if spec.vocabulary:
            return [(t.slug, t.name, 1 << t.bit) for t in self.terms[spec.vocabulary]]
        if spec.param == "faculty":
            return [(f.code, f.name, f.pk) for f in self.faculties]
        choices: Any = {
            "size": GroupSize.choices,
            "language": PracticeLanguage.choices,
            "licence": Licence.choices,
        }[spec.param]
        return [(str(v), str(label), v) for v, label in choices]


def load_taxonomy() -> Taxonomy:
    by_vocabulary: dict[str, list[Term]] = {v: [] for v in Vocabulary.values}
    for term in Term.objects.all():
        by_vocabulary[term.vocabulary].append(term)
    faculties = list(Faculty.objects.all())
    return Taxonomy(terms=by_vocabulary, faculties=faculties)


def _selection_filter(
    spec: FacetSpec, keys: Sequence[str], taxonomy: Taxonomy
) -> Q | GreaterThan | None:
    db_values = [db for key, _label, db in taxonomy.values(spec) if key in keys]
    if not keys:
        return None
    if not db_values:
        return Q(pk__in=[])  # only unknown values: nothing matches
    if spec.vocabulary:
        return GreaterThan(F(spec.column).bitand(reduce(or_, db_values)), 0)
    return Q(**{f"{spec.column}__in": db_values})


def _hit(
    record: SearchRecord,
    taxonomy: Taxonomy,
    qwords: Sequence[QueryWord],
    faculty_names: dict[int, str],
) -> Hit:
    terms: dict[str, list[str]] = {}
    for spec in FACETS:
        if spec.vocabulary:
            mask = getattr(record, spec.column)
            terms[spec.param] = [
                t.name for t in taxonomy.terms[spec.vocabulary] if mask & (1 << t.bit)
            ]
    return Hit(
        page_id=record.page_id,
        url=record.url,
        title=record.title,
        title_html=highlight(record.title, qwords),
        snippet_html=highlight(record.summary, qwords, limit=SNIPPET_LENGTH),
        faculty=faculty_names.get(record.faculty_id, ""),
        language=record.language,
        licence=record.licence,
        group_size=record.group_size,
        first_published_at=record.first_published_at,
        adoption_count=record.adoption_count,
        terms=terms,
    )


def ordered(queryset: QuerySet[SearchRecord], sort: str) -> QuerySet[SearchRecord]:
    orderings: dict[str, list[Any]] = {
        Sort.RELEVANCE: ["-score", "-first_published_at"],
        Sort.NEWEST: ["-first_published_at"],
        Sort.OLDEST: ["first_published_at"],
        Sort.MOST_ADOPTED: ["-adoption_count", "-first_published_at"],
    }
    return queryset.order_by(*orderings[sort], "-page_id")


def filtered_records(
    query: PracticeQuery, taxonomy: Taxonomy | None = None
) -> QuerySet[SearchRecord]:
    """All matching records, ordered as asked (for exports and the API)."""
    taxonomy = taxonomy or load_taxonomy()
    queryset = text_filter(
        SearchRecord.objects.all(),
        query_words(query.text),
        score=query.effective_sort == Sort.RELEVANCE,
    )
    for spec in FACETS:
        condition = _selection_filter(
            spec, query.selected.get(spec.param, ()), taxonomy
        )
        if condition is not None:
            queryset = queryset.filter(condition)
    return ordered(queryset, query.effective_sort)


def _selection_bits(
    spec: FacetSpec, keys: Sequence[str], taxonomy: Taxonomy, index: FacetIndex
) -> int | None:
    """The records a facet's selection admits (None: no selection)."""
    if not keys:
        return None
    bits = 0
    for key, _label, db_value in taxonomy.values(spec):
        if key in keys:
            bits |= index.bits(spec.column, db_value)
    return bits


def _page_ids(
    index: FacetIndex,
    result: int,
    qwords: Sequence[QueryWord],
    matches: TextMatches | None,
    *,
    filtered: bool,
    sort: str,
    start: int,
    count: int,
) -> list[int]:
    """The page ids of one results page, in the order asked for."""
    if sort == Sort.RELEVANCE and matches is not None:
        if matches.page is not None and not filtered:
            return list(matches.page)
        if matches.in_order:
            view = index.byte_view(result)
            return [p for p in matches.ranked if index.contains(view, p)][
                start : start + count
            ]
        # Ranked records first, best first; then the rest newest first, straight
        # off the bitset.
        ranked_bits = index.bits_of(matches.ranked) & result
        in_ranked = ranked_bits.bit_count()
        page: list[int] = []
        if start < in_ranked:
            among = None
            if filtered:
                view = index.byte_view(ranked_bits)
                among = [p for p in matches.ranked if index.contains(view, p)]
            page = best_ranked(qwords, among=among, start=start, count=count)
        if len(page) < count:
            page += index.slice(
                result & ~ranked_bits,
                max(0, start - in_ranked),
                count - len(page),
                oldest=False,
            )
        return page
    if sort in (Sort.NEWEST, Sort.OLDEST, Sort.RELEVANCE):
        return index.slice(result, start, count, oldest=sort == Sort.OLDEST)
    # Most used: adoption counts change without the index changing; the database
    # orders them, among the ids of the results.
    view = index.byte_view(result)
    ids = [page_id for page_id in index.page_ids if index.contains(view, page_id)]
    return list(
        ordered(SearchRecord.objects.filter(page_id__in=ids), sort).values_list(
            "page_id", flat=True
        )[start : start + count]
    )


def run_search(query: PracticeQuery, *, correct: bool = True) -> SearchResults:
    """One page of results with every facet's counts, in a fixed number of
    queries whatever the number of results."""
    taxonomy = load_taxonomy()
    index = facet_index()
    qwords = query_words(query.text)
    sort = query.effective_sort
    selections = {
        spec.param: _selection_bits(
            spec, query.selected.get(spec.param, ()), taxonomy, index
        )
        for spec in FACETS
    }
    filtered = any(selection is not None for selection in selections.values())
    per_page = max(1, min(query.per_page, MAX_PAGE_SIZE))
    asked_start = (max(1, query.page) - 1) * per_page
    matches = None
    if qwords:
        matches = text_matches(
            qwords,
            rank=sort == Sort.RELEVANCE,
            # Without filters the database can also pick the best page at once.
            page=None if filtered else (asked_start, per_page),
        )
    matching = index.everything if matches is None else index.bits_of(matches.ids)

    def without(param: str | None) -> int:
        bits = matching
        for name, selection in selections.items():
            if selection is not None and name != param:
                bits &= selection
        return bits

    result = without(None)
    total = result.bit_count()

    if total == 0 and qwords and correct:
        suggestion = correct_spelling(query.text)
        if suggestion != query.text:
            results = run_search(replace(query, text=suggestion), correct=False)
            if results.total:
                return replace(results, query=query, corrected_text=suggestion)

    facets = []
    for spec in FACETS:
        # A facet's counts ignore its own selection, so people see the alternatives.
        base = result if selections[spec.param] is None else without(spec.param)
        chosen = set(query.selected.get(spec.param, ()))
        values = [
            FacetValue(
                key=key,
                label=label,
                count=(base & index.bits(spec.column, db_value)).bit_count(),
                selected=key in chosen,
            )
            for key, label, db_value in taxonomy.values(spec)
        ]
        # Values nobody can reach are noise, unless the person chose them.
        facets.append(
            Facet(
                spec.param,
                spec.label,
                [v for v in values if v.count or v.selected],
            )
        )

    num_pages = max(1, math.ceil(total / per_page))
    page = max(1, min(query.page, num_pages))
    start = (page - 1) * per_page
    if matches is not None and start != asked_start:
        # The page asked for was past the end: the last page is shown instead.
        matches = replace(matches, page=None)
    page_ids = _page_ids(
        index,
        result,
        qwords,
        matches,
        filtered=filtered,
        sort=sort,
        start=start,
        count=per_page,
    )
    by_id = SearchRecord.objects.defer(
        "document", "title_terms", "summary_terms"
    ).in_bulk(page_ids)
    faculty_names = {f.pk: f.name for f in taxonomy.faculties}
    hits = [
        _hit(by_id[page_id], taxonomy, qwords, faculty_names)
        for page_id in page_ids
        if page_id in by_id
    ]
    return SearchResults(
        query=replace(query, page=page, per_page=per_page),
        hits=hits,
        total=total,
        facets=facets,
        num_pages=num_pages,
    )
