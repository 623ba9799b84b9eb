"""Full text on the database's own engine: PostgreSQL (GIN-indexed match and rank
vectors), SQLite (FTS5 with bm25), or substring matching elsewhere; and
spelling correction against the indexed vocabulary."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.db import connection, transaction
from django.db.models import BooleanField, FloatField, Q, QuerySet, Value
from django.db.models.expressions import RawSQL

from ...models import (
    FTS_TABLE,
    PG_MATCH_TABLE,
    PG_RANK_TABLE,
    SearchRecord,
    SearchVocabularyTerm,
)
from ...rules.text import QueryWord, query_words

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


def text_filter(
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
