"""Searching the practices index: full text, facet filters, live facet counts.

One search costs a fixed number of queries whatever the number of results:
taxonomy terms, faculties, the index's fingerprint (`facet_index`; one more
when it changed since this process last looked), the ids (and relevance) of the
records matching the text, and the records of the result page. Totals and facet
counts are bitset arithmetic in memory. A query without results adds at most
spelling correction and the re-run.
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

from django.db import connection, transaction
from django.db.models import (
    BooleanField,
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

from .facet_index import FacetIndex, facet_index
from .indexing import FTS_TABLE, PG_MATCH_TABLE, PG_RANK_TABLE
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
# PostgreSQL: a table with a stripped, GIN-indexed vector that matches (migration
# 0004) and a narrow one with the positional vector (title A, summary B) that ranks
# (0006). Title and summary are part of what matches, so every ranked row matches.
_PG_MATCH = PG_MATCH_TABLE
_PG_RANK = PG_RANK_TABLE
_PG_TSQUERY = "to_tsquery('simple'::regconfig, %s)"
_FTS = FTS_TABLE


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


def _like_filter(
    queryset: QuerySet[SearchRecord], qwords: Sequence[QueryWord]
) -> QuerySet[SearchRecord]:
    # Any other engine: substring matching on the normalised terms.
    for q in qwords:
        queryset = queryset.filter(
            reduce(
                or_,
                [Q(document__contains=s) | Q(title_terms__contains=s) for s in q.stems],
            )
        )
    return queryset


@dataclass(frozen=True)
class TextMatches:
    """The records matching the text of a query, in no particular order."""

    ids: Sequence[int]
    # Those with a relevance when it was asked for (PostgreSQL ranks the title
    # and summary, so records matching only in the body have none) ...
    ranked: Sequence[int] = ()
    # ... or, when asked for a page of the unfiltered results by relevance, the
    # page ids of that page, in order.
    page: Sequence[int] | None = None
    # Whether `ranked` is already best first (ties newest first).
    in_order: bool = False


def text_matches(
    qwords: Sequence[QueryWord], *, rank: bool, page: tuple[int, int] | None = None
) -> TextMatches:
    """Every record matching all query words; with `page` (start, count) also
    that slice of the ranked ones. One query (two on PostgreSQL)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        tsquery = _pg_query(qwords)
        if rank and page is not None:
            return _pg_matches_with_best(tsquery, *page)
        ranked = (
            f"(SELECT array_agg(page_id) FROM {_PG_RANK} "  # noqa: S608
            f"WHERE rank_vector @@ {_PG_TSQUERY})"
            if rank
            else "NULL"
        )
        rows = _pg_select(
            # Arrays, not rows: one value to decode instead of thousands of rows.
            f"SELECT (SELECT array_agg(page_id) FROM {_PG_MATCH} "  # noqa: S608
            f"WHERE match_vector @@ {_PG_TSQUERY}), {ranked}",
            [tsquery, tsquery] if rank else [tsquery],
        )
        ids, ranked_ids = rows[0]
        return TextMatches(ids=ids or [], ranked=ranked_ids or [])
    if vendor == "sqlite":
        # FTS5 ranks every match cheaply: one query returns them best first.
        ranking = (
            f"JOIN {_TABLE} ON {_TABLE}.page_id = {_FTS}.rowid WHERE {_FTS} MATCH %s "
            f"ORDER BY bm25({_FTS}, 10.0, 1.0), {_TABLE}.first_published_at DESC, "
            f"{_TABLE}.page_id DESC"
            if rank
            else f"WHERE {_FTS} MATCH %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {_FTS}.rowid FROM {_FTS} {ranking}",  # noqa: S608
                [_fts5_query(qwords)],
            )
            ids = [page_id for (page_id,) in cursor.fetchall()]
        return TextMatches(ids=ids, ranked=ids if rank else [], in_order=rank)
    ids = list(
        _like_filter(SearchRecord.objects.all(), qwords).values_list(
            "page_id", flat=True
        )
    )
    return TextMatches(ids=ids)


def _pg_matches_with_best(tsquery: str, start: int, count: int) -> TextMatches:
    # One statement, three answers: every matching id (for the facet counts), the
    # asked page of the ranked ones, and what follows them on that page (the
    # unranked ones, newest first). That last scan runs only when the page
    # reaches past the ranked rows: a one-time filter on their number, counted
    # no further than the end of the page (exact whenever the scan runs).
    end = start + count
    rows = _pg_select(
        "WITH ranked AS MATERIALIZED (SELECT count(*) AS n FROM (SELECT 1 "  # noqa: S608
        f"FROM {_PG_RANK} WHERE rank_vector @@ {_PG_TSQUERY} LIMIT %s) upto) "
        f"SELECT (SELECT array_agg(page_id) FROM {_PG_MATCH} "
        f"WHERE match_vector @@ {_PG_TSQUERY}), "
        "(SELECT array_agg(page_id) FROM (SELECT page_id "
        f"FROM {_PG_RANK} WHERE rank_vector @@ {_PG_TSQUERY} "
        f"ORDER BY ts_rank(rank_vector, {_PG_TSQUERY}) DESC, first_published_at DESC, "
        "page_id DESC LIMIT %s OFFSET %s) best), "
        "(SELECT array_agg(page_id) FROM (SELECT page_id "
        f"FROM {_PG_MATCH} m WHERE (SELECT n FROM ranked) < %s "
        f"AND match_vector @@ {_PG_TSQUERY} AND NOT EXISTS (SELECT 1 FROM {_PG_RANK} r "
        f"WHERE r.page_id = m.page_id AND r.rank_vector @@ {_PG_TSQUERY}) "
        "ORDER BY first_published_at DESC, page_id DESC "
        "LIMIT %s OFFSET GREATEST(0, %s - (SELECT n FROM ranked))) rest)",
        [tsquery, end, tsquery, tsquery, tsquery, count, start]
        + [end, tsquery, tsquery, count, start],
    )
    ids, best, rest = rows[0]
    page = (best or []) + (rest or [])
    return TextMatches(ids=ids or [], page=page[:count])


def best_ranked(
    qwords: Sequence[QueryWord],
    *,
    among: Sequence[int] | None,
    start: int,
    count: int,
) -> list[int]:
    """Ranked records `start`..`start + count`, best first (ties newest first),
    optionally only `among` the given page ids (PostgreSQL: two queries)."""
    vendor = connection.vendor
    if vendor == "postgresql":
        tsquery = _pg_query(qwords)
        restrict = "AND page_id = ANY(%s)" if among is not None else ""
        rows = _pg_select(
            f"SELECT page_id FROM {_PG_RANK} "  # noqa: S608
            f"WHERE rank_vector @@ {_PG_TSQUERY} {restrict} "
            f"ORDER BY ts_rank(rank_vector, {_PG_TSQUERY}) DESC, "
            "first_published_at DESC, page_id DESC LIMIT %s OFFSET %s",
            [tsquery]
            + ([list(among)] if among is not None else [])
            + [tsquery, count, start],
        )
        return [page_id for (page_id,) in rows]
    return []


def _pg_select(sql: str, params: list[Any]) -> list[tuple[Any, ...]]:
    with transaction.atomic(), connection.cursor() as cursor:
        # A word in most practices makes the planner scan the whole table and
        # read every vector; the bitmap scan of the GIN index reads neither
        # (measured: three times faster).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _text_filter(
    queryset: QuerySet[SearchRecord], qwords: Sequence[QueryWord], *, score: bool
) -> QuerySet[SearchRecord]:
    """Restrict to records matching every query word; with `score`, annotate the
    relevance (for exports, which go through the ORM)."""
    if not qwords:
        return queryset.annotate(score=Value(0.0, output_field=FloatField()))
    vendor = connection.vendor
    if vendor == "postgresql":
        tsquery = _pg_query(qwords)
        queryset = queryset.filter(
            RawSQL(  # noqa: S611 - constant SQL, the query is a bound parameter
                f"{_TABLE}.page_id IN (SELECT page_id FROM {_PG_MATCH} "  # noqa: S608
                f"WHERE match_vector @@ {_PG_TSQUERY})",
                [tsquery],
                output_field=BooleanField(),
            )
        )
        if not score:
            return queryset.annotate(score=Value(0.0, output_field=FloatField()))
        return queryset.annotate(
            score=RawSQL(  # noqa: S611 - constant SQL, bound parameter
                f"(SELECT ts_rank(rank_vector, {_PG_TSQUERY}) FROM {_PG_RANK} "  # noqa: S608
                f"WHERE {_PG_RANK}.page_id = {_TABLE}.page_id)",
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
    return _like_filter(queryset, qwords).annotate(
        score=Value(0.0, output_field=FloatField())
    )


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


def _selection_bits(
    spec: FacetSpec, keys: Sequence[str], taxonomy: _Taxonomy, index: FacetIndex
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
    taxonomy = _load_taxonomy()
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
