"""Searching the practices index: full text, facet filters, live facet counts.

One search costs a fixed number of queries whatever the number of results:
taxonomy terms, faculties, one aggregate for the result total and every facet
without a selection, one aggregate per facet with a selection (its counts ignore
its own selection, so people see the alternatives), and one for the result page.
A query without results adds at most two: spelling correction and the re-run.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    F,
    FloatField,
    Q,
    QuerySet,
    Value,
)
from django.db.models.expressions import RawSQL
from django.db.models.lookups import GreaterThan
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from lms.accounts.models import Faculty

from .licences import Licence
from .models import (
    GroupSize,
    PracticeLanguage,
    SearchRecord,
    SearchVocabularyTerm,
    Term,
    Vocabulary,
)
from .text import QueryWord, highlight, query_words

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 100
SNIPPET_LENGTH = 240


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"
    OLDEST = "oldest"
    MOST_ADOPTED = "adopted"
    CHOICES = (
        (RELEVANCE, _("Relevance")),
        (NEWEST, _("Newest first")),
        (OLDEST, _("Oldest first")),
        (MOST_ADOPTED, _("Most used")),
    )


@dataclass(frozen=True)
class FacetSpec:
    """A facet: its URL parameter, label, and how a selection filters records."""

    param: str
    label: Any
    vocabulary: str | None = None  # a taxonomy (bit mask column) ...
    column: str = ""  # ... or a plain column holding the value


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec(
        "dimension", _("Diversity dimension"), Vocabulary.DIMENSION, "dimensions_mask"
    ),
    FacetSpec("aspect", _("Teaching aspect"), Vocabulary.ASPECT, "aspects_mask"),
    FacetSpec("level", _("Course level"), Vocabulary.LEVEL, "levels_mask"),
    FacetSpec("format", _("Teaching format"), Vocabulary.FORMAT, "formats_mask"),
    FacetSpec("size", _("Group size"), column="group_size"),
    FacetSpec("faculty", _("Faculty"), column="faculty_id"),
    FacetSpec("sdg", _("Sustainable Development Goal"), Vocabulary.SDG, "sdgs_mask"),
    FacetSpec("language", _("Language"), column="language"),
    FacetSpec("licence", _("Licence"), column="licence"),
)
FACET_PARAMS = tuple(f.param for f in FACETS)


@dataclass(frozen=True)
class PracticeQuery:
    """Everything a search asks for; built from and back into URL parameters."""

    text: str = ""
    selected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = ""
    page: int = 1
    per_page: int = 20

    @property
    def effective_sort(self) -> str:
        valid = {key for key, _label in Sort.CHOICES}
        if self.sort in valid and (self.sort != Sort.RELEVANCE or self.text.strip()):
            return self.sort
        return Sort.RELEVANCE if self.text.strip() else Sort.NEWEST


@dataclass(frozen=True)
class FacetValue:
    key: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    label: Any
    values: list[FacetValue]

    @property
    def selected_values(self) -> list[FacetValue]:
        return [v for v in self.values if v.selected]


@dataclass(frozen=True)
class Hit:
    page_id: int
    url: str
    title: str
    title_html: SafeString
    snippet_html: SafeString
    faculty: str
    language: str
    licence: str
    group_size: str
    first_published_at: datetime
    adoption_count: int
    terms: dict[str, list[str]]


@dataclass(frozen=True)
class SearchResults:
    query: PracticeQuery
    hits: list[Hit]
    total: int
    facets: list[Facet]
    num_pages: int
    corrected_text: str = ""  # set when a misspelt query was corrected

    @property
    def page(self) -> int:
        return self.query.page


@dataclass
class _Taxonomy:
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


def _load_taxonomy() -> _Taxonomy:
    by_vocabulary: dict[str, list[Term]] = {v: [] for v in Vocabulary.values}
    for term in Term.objects.all():
        by_vocabulary[term.vocabulary].append(term)
    faculties = list(Faculty.objects.all())
    return _Taxonomy(terms=by_vocabulary, faculties=faculties)


def _condition(spec: FacetSpec, value: Any) -> Q | GreaterThan:
    if spec.vocabulary:
        return GreaterThan(F(spec.column).bitand(value), 0)
    return Q(**{spec.column: value})


def _selection_filter(
    spec: FacetSpec, keys: Sequence[str], taxonomy: _Taxonomy
) -> Q | GreaterThan | None:
    db_values = [db for key, _label, db in taxonomy.values(spec) if key in keys]
    if not keys:
        return None
    if not db_values:
        return Q(pk__in=[])  # only unknown values: nothing matches
    if spec.vocabulary:
        return GreaterThan(F(spec.column).bitand(reduce(or_, db_values)), 0)
    return Q(**{f"{spec.column}__in": db_values})


# --- full text per database engine ------------------------------------------------

_TABLE = SearchRecord._meta.db_table
# A generated, GIN-indexed column on PostgreSQL (migration 0003).
_PG_VECTOR = f"{_TABLE}.search_vector"
_FTS = "engage_practices_fts"


def _pg_query(qwords: Sequence[QueryWord]) -> str:
    # Stems are [a-z0-9]+ only (text.words), so nothing here needs escaping.
    groups = []
    for q in qwords:
        suffix = ":*" if q.prefix else ""
        groups.append("(" + " | ".join(f"{s}{suffix}" for s in q.stems) + ")")
    return " & ".join(groups)


def _fts5_query(qwords: Sequence[QueryWord]) -> str:
    groups = []
    for q in qwords:
        suffix = "*" if q.prefix else ""
        groups.append("(" + " OR ".join(f'"{s}"{suffix}' for s in q.stems) + ")")
    return " AND ".join(groups)


def _text_filter(
    queryset: QuerySet[SearchRecord], qwords: Sequence[QueryWord], *, score: bool
) -> QuerySet[SearchRecord]:
    """Restrict to records matching every query word; with `score`, annotate the
    relevance (only worth its cost when sorting by it)."""
    if not qwords:
        return queryset.annotate(score=Value(0.0, output_field=FloatField()))
    vendor = connection.vendor
    if vendor == "postgresql":
        tsquery = _pg_query(qwords)
        queryset = queryset.filter(
            RawSQL(  # noqa: S611 - constant SQL, the query is a bound parameter
                f"{_PG_VECTOR} @@ to_tsquery('simple'::regconfig, %s)",
                [tsquery],
                output_field=BooleanField(),
            )
        )
        if not score:
            return queryset.annotate(score=Value(0.0, output_field=FloatField()))
        return queryset.annotate(
            score=RawSQL(  # noqa: S611 - constant SQL, bound parameter
                f"ts_rank_cd({_PG_VECTOR}, to_tsquery('simple'::regconfig, %s))",
                [tsquery],
                output_field=FloatField(),
            )
        )
    if vendor == "sqlite":
        match = _fts5_query(qwords)
        if score:
            # A join, so FTS5 matches once; a correlated bm25() per row would
            # re-run the match for every matching row.
            return queryset.extra(  # noqa: S610 - constant SQL, bound parameter
                select={"score": f"-bm25({_FTS}, 10.0, 1.0)"},
                tables=[_FTS],
                where=[f"{_FTS}.rowid = {_TABLE}.page_id", f"{_FTS} MATCH %s"],
                params=[match],
            )
        return queryset.filter(
            RawSQL(  # noqa: S611 - constant SQL, the query is a bound parameter
                f"{_TABLE}.page_id IN (SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH %s)",  # noqa: S608
                [match],
                output_field=BooleanField(),
            )
        ).annotate(score=Value(0.0, output_field=FloatField()))
    # Any other engine: substring matching on the normalised terms.
    for q in qwords:
        queryset = queryset.filter(
            reduce(
                or_,
                [Q(document__contains=s) | Q(title_terms__contains=s) for s in q.stems],
            )
        )
    return queryset.annotate(score=Value(0.0, output_field=FloatField()))


# --- spelling ---------------------------------------------------------------------


def correct_spelling(text: str) -> str:
    """`text` with each word that matches no indexed term replaced by the closest
    one (or unchanged when nothing is close). One query."""
    qwords = query_words(text)
    if not qwords:
        return text
    initials = {s[0] for q in qwords for s in q.stems}
    vocabulary = list(
        SearchVocabularyTerm.objects.filter(
            reduce(or_, [Q(term__startswith=c) for c in initials])
        ).values_list("term", flat=True)
    )
    known = set(vocabulary)
    corrected = []
    changed = False
    for q in qwords:
        if any(s in known for s in q.stems) or any(
            t.startswith(s) for s in q.stems if q.prefix for t in vocabulary
        ):
            corrected.append(q.word)
            continue
        best = ""
        best_ratio = 0.0
        for s in q.stems:
            for candidate in difflib.get_close_matches(s, vocabulary, n=1, cutoff=0.75):
                ratio = difflib.SequenceMatcher(None, s, candidate).ratio()
                if ratio > best_ratio:
                    best, best_ratio = candidate, ratio
        corrected.append(best or q.word)
        changed = changed or bool(best)
    return " ".join(corrected) if changed else text


# --- the search -------------------------------------------------------------------


def _hit(
    record: SearchRecord,
    taxonomy: _Taxonomy,
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


def _facet_counts(
    queryset: QuerySet[SearchRecord],
    specs: Sequence[FacetSpec],
    taxonomy: _Taxonomy,
    with_total: bool,
) -> dict[str, int]:
    aggregates: dict[str, Any] = {}
    for spec in specs:
        for index, (_key, _label, db_value) in enumerate(taxonomy.values(spec)):
            aggregates[f"{spec.param}_{index}"] = Count(
                "pk", filter=_condition(spec, db_value)
            )
    if with_total:
        aggregates["_total"] = Count("pk")
    if not aggregates:
        return {}
    return queryset.aggregate(**aggregates)


def ordered(queryset: QuerySet[SearchRecord], sort: str) -> QuerySet[SearchRecord]:
    orderings: dict[str, list[Any]] = {
        Sort.RELEVANCE: ["-score", "-first_published_at"],
        Sort.NEWEST: ["-first_published_at"],
        Sort.OLDEST: ["first_published_at"],
        Sort.MOST_ADOPTED: ["-adoption_count", "-first_published_at"],
    }
    return queryset.order_by(*orderings[sort], "-page_id")


def filtered_records(
    query: PracticeQuery, taxonomy: _Taxonomy | None = None
) -> QuerySet[SearchRecord]:
    """All matching records, ordered as asked (for exports and the API)."""
    taxonomy = taxonomy or _load_taxonomy()
    queryset = _text_filter(
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


def run_search(query: PracticeQuery, *, correct: bool = True) -> SearchResults:
    """One page of results with every facet's counts."""
    taxonomy = _load_taxonomy()
    qwords = query_words(query.text)
    base = _text_filter(SearchRecord.objects.all(), qwords, score=False)
    filters = {
        spec.param: _selection_filter(
            spec, query.selected.get(spec.param, ()), taxonomy
        )
        for spec in FACETS
    }

    def without(
        param: str | None, start: QuerySet[SearchRecord] | None = None
    ) -> QuerySet[SearchRecord]:
        queryset = base if start is None else start
        for name, condition in filters.items():
            if condition is not None and name != param:
                queryset = queryset.filter(condition)
        return queryset

    active = [spec for spec in FACETS if filters[spec.param] is not None]
    passive = [spec for spec in FACETS if filters[spec.param] is None]
    counts = _facet_counts(without(None), passive, taxonomy, with_total=True)
    total = counts.pop("_total")

    if total == 0 and qwords and correct:
        suggestion = correct_spelling(query.text)
        if suggestion != query.text:
            results = run_search(replace(query, text=suggestion), correct=False)
            if results.total:
                return replace(results, query=query, corrected_text=suggestion)

    for spec in active:
        counts.update(_facet_counts(without(spec.param), [spec], taxonomy, False))

    facets = []
    for spec in FACETS:
        chosen = set(query.selected.get(spec.param, ()))
        values = [
            FacetValue(
                key=key,
                label=label,
                count=counts.get(f"{spec.param}_{index}", 0),
                selected=key in chosen,
            )
            for index, (key, label, _db) in enumerate(taxonomy.values(spec))
        ]
        # Values nobody can reach are noise, unless the person chose them.
        facets.append(
            Facet(
                spec.param,
                spec.label,
                [v for v in values if v.count or v.selected],
            )
        )

    per_page = max(1, min(query.per_page, MAX_PAGE_SIZE))
    num_pages = max(1, math.ceil(total / per_page))
    page = max(1, min(query.page, num_pages))
    start = (page - 1) * per_page
    sort = query.effective_sort
    scored = _text_filter(
        SearchRecord.objects.all(), qwords, score=sort == Sort.RELEVANCE
    )
    records = list(ordered(without(None, scored), sort)[start : start + per_page])
    faculty_names = {f.pk: f.name for f in taxonomy.faculties}
    hits = [_hit(r, taxonomy, qwords, faculty_names) for r in records]
    return SearchResults(
        query=replace(query, page=page, per_page=per_page),
        hits=hits,
        total=total,
        facets=facets,
        num_pages=num_pages,
    )


def query_from_params(
    params: Any, *, per_page: int = 20, parse_int: Callable[[Any], int] | None = None
) -> PracticeQuery:
    """A PracticeQuery from a QueryDict (URL parameters); lenient with junk."""
    text = " ".join(str(params.get("q", "")).split())[:MAX_QUERY_LENGTH]
    selected = {}
    for param in FACET_PARAMS:
        keys = tuple(
            dict.fromkeys(v.strip()[:64] for v in params.getlist(param) if v.strip())
        )
        if keys:
            selected[param] = keys[:50]
    try:
        page = int(params.get("page", 1))
    except (TypeError, ValueError):
        page = 1
    try:
        size = int(params.get("per_page", per_page))
    except (TypeError, ValueError):
        size = per_page
    return PracticeQuery(
        text=text,
        selected=selected,
        sort=str(params.get("sort", "")),
        page=max(1, min(page, 10_000)),
        per_page=max(1, min(size, MAX_PAGE_SIZE)),
    )


def query_to_params(query: PracticeQuery, **changes: Any) -> list[tuple[str, str]]:
    """URL parameters for `query`, with `changes` applied (e.g. page=2)."""
    query = replace(query, **changes) if changes else query
    params: list[tuple[str, str]] = []
    if query.text:
        params.append(("q", query.text))
    for param in FACET_PARAMS:
        params += [(param, key) for key in query.selected.get(param, ())]
    if query.sort:
        params.append(("sort", query.sort))
    if query.page > 1:
        params.append(("page", str(query.page)))
    return params
