"""Keeping the search index equal to the set of live practices.

Called by the services and by receivers of Wagtail's publish/unpublish signals;
`rebuild_index()` (command `rebuild_practice_index`) rebuilds it from scratch.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any
from uuid import uuid4

from django.db import connection, transaction
from django.db.models import Count, Prefetch, Q
from django.utils.html import strip_tags

from ..models import (
    FTS_TABLE,
    PG_MATCH_TABLE,
    PG_RANK_TABLE,
    PracticePage,
    SearchIndexState,
    SearchRecord,
    SearchVocabularyTerm,
    Term,
)
from ..rules.text import index_terms

_TERM_FIELDS = {
    "dimensions": "dimensions_mask",
    "aspects": "aspects_mask",
    "sdgs": "sdgs_mask",
    "course_levels": "levels_mask",
    "formats": "formats_mask",
}
# Keep in step with migrations 0004 and 0006 (which fill the tables for existing
# rows). Matching: title and document, stripped of positions (GIN). Ranking, in a
# narrow table of its own: title (A) and summary (B) with positions (GIN).
PG_MATCH_INSERT = (
    f"INSERT INTO {PG_MATCH_TABLE} "  # noqa: S608
    "(page_id, match_vector, first_published_at) "
    "SELECT page_id, strip(to_tsvector('simple'::regconfig, title_terms) "
    "|| to_tsvector('simple'::regconfig, document)), "
    "first_published_at FROM engage_practices_searchrecord WHERE page_id = ANY(%s)"
)
PG_RANK_INSERT = (
    f"INSERT INTO {PG_RANK_TABLE} "  # noqa: S608
    "(page_id, rank_vector, first_published_at) "
    "SELECT page_id, setweight(to_tsvector('simple'::regconfig, title_terms), 'A') "
    "|| setweight(to_tsvector('simple'::regconfig, summary_terms), 'B'), "
    "first_published_at FROM engage_practices_searchrecord WHERE page_id = ANY(%s)"
)


def index_changed() -> None:
    """Tell every process that its in-memory facet bitsets are stale."""
    SearchIndexState.objects.update_or_create(pk=1, defaults={"token": uuid4().hex})


def _pages() -> Any:
    terms = Term.objects.only("bit", "name_en", "name_nl")
    return (
        PracticePage.objects.filter(live=True)
        .select_related("faculty")
        .prefetch_related(*(Prefetch(name, queryset=terms) for name in _TERM_FIELDS))
        .annotate(num_adoptions=Count("adoptions", distinct=True))
    )


def _record_for(page: PracticePage) -> SearchRecord:
    masks: dict[str, int] = {}
    term_names: list[str] = []
    for relation, column in _TERM_FIELDS.items():
        mask = 0
        for term in getattr(page, relation).all():
            mask |= 1 << term.bit
            term_names += [term.name_en, term.name_nl]
        masks[column] = mask
    text = " ".join(
        [
            page.summary,
            strip_tags(page.body),
            strip_tags(page.evidence),
            page.discipline,
            page.faculty.name_en,
            page.faculty.name_nl,
            *term_names,
        ]
    )
    return SearchRecord(
        page_id=page.pk,
        url=page.get_url() or page.url_path,
        title=page.title,
        summary=page.summary,
        title_terms=index_terms(page.title, page.language),
        summary_terms=index_terms(page.summary, page.language),
        document=index_terms(text, page.language),
        language=page.language,
        licence=page.licence,
        group_size=page.group_size,
        faculty_id=page.faculty_id,
        first_published_at=page.first_published_at or page.last_published_at,
        adoption_count=getattr(page, "num_adoptions", 0),
        **masks,
    )


def _write(records: Sequence[SearchRecord]) -> None:
    ids = [r.page_id for r in records]
    SearchRecord.objects.filter(page_id__in=ids).delete()
    SearchRecord.objects.bulk_create(records)
    index_changed()
    if connection.vendor == "postgresql":
        # Rows of the match and rank tables went with the deleted records (a
        # trigger).
        with connection.cursor() as cursor:
            cursor.execute(PG_MATCH_INSERT, [ids])
            cursor.execute(PG_RANK_INSERT, [ids])
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            marks = ",".join("%s" for _ in ids)
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)  # noqa: S608
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, title_terms, document) "  # noqa: S608
                "VALUES (%s, %s, %s)",
                [(r.page_id, r.title_terms, r.document) for r in records],
            )
    vocabulary = {
        t
        for r in records
        for t in f"{r.title_terms} {r.document}".split()
        if len(t) <= 64
    }
    SearchVocabularyTerm.objects.bulk_create(
        [SearchVocabularyTerm(term=t) for t in vocabulary],
        ignore_conflicts=True,
        batch_size=2000,
    )


def remove_practices(page_ids: Iterable[int]) -> None:
    ids = list(page_ids)
    if not ids:
        return
    SearchRecord.objects.filter(page_id__in=ids).delete()
    index_changed()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            marks = ",".join("%s" for _ in ids)
            cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", ids)  # noqa: S608


def index_practice(page_id: int) -> bool:
    """Index the live version of one practice; drop it when it is not live."""
    with transaction.atomic():
        page = _pages().filter(pk=page_id).first()
        if page is None:
            remove_practices([page_id])
            return False
        _write([_record_for(page)])
        return True


def rebuild_index(batch_size: int = 500) -> int:
    """Rebuild the whole index from the live practices; returns how many."""
    total = 0
    with transaction.atomic():
        SearchRecord.objects.all().delete()
        index_changed()
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {FTS_TABLE}")  # noqa: S608
        ids = list(_pages().values_list("pk", flat=True).order_by("pk"))
        for start in range(0, len(ids), batch_size):
            chunk = ids[start : start + batch_size]
            records = [_record_for(p) for p in _pages().filter(pk__in=chunk)]
            _write(records)
            total += len(records)
    return total


def refresh_adoption_count(page_id: int) -> None:
    SearchRecord.objects.filter(page_id=page_id).update(
        adoption_count=PracticePage.objects.filter(pk=page_id)
        .annotate(n=Count("adoptions"))
        .values("n")[:1]
    )


def stale_ids() -> list[int]:
    """Index rows whose practice is no longer live (should be none)."""
    return list(
        SearchRecord.objects.filter(Q(page__live=False)).values_list(
            "page_id", flat=True
        )
    )
