"""The in-memory facet bitsets and the relevance order built on them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from practices_db.models import SearchIndexState, SearchRecord
from practices_db.selectors.search import PracticeQuery, Sort, run_search
from practices_db.selectors.search.facet_index import FacetIndex, facet_index
from practices_db.services.indexing import index_changed, index_practice, rebuild_index
from tests.practices_db.factories import make_practice, make_terms


def _index(size: int) -> FacetIndex:
    page_ids = [1000 + n for n in range(size)]
    return FacetIndex(
        fingerprint="t",
        page_ids=page_ids,
        positions={p: i for i, p in enumerate(page_ids)},
        bitsets={},
    )


def test_bits_of_ignores_ids_outside_the_index() -> None:
    index = _index(10)
    bits = index.bits_of([1000, 1003, 99, 1009, 1003])
    assert bits == 0b1000001001
    assert index.bits_of([]) == 0
    assert _index(0).bits_of([5]) == 0


@pytest.mark.parametrize("share", [0, 1, 10, 12, 13, 50, 100])
def test_bits_of_gives_the_same_bits_for_few_and_many_ids(share: int) -> None:
    # Few ids are set one by one, many by asking every position (a faster path
    # for common words): the two must agree, duplicates and strangers included.
    index = _index(800)
    ids = [p for p in index.page_ids if p % 100 < share] + [99, 5, 1000, 1000]
    expected = sum(1 << index.positions[p] for p in set(ids) if p in index.positions)
    assert index.bits_of(ids) == expected


@pytest.mark.parametrize("size", [1, 7, 8, 9, 511, 512, 513, 2000])
def test_slice_reads_set_bits_in_order_across_chunks(size: int) -> None:
    index = _index(size)
    members = [p for p in index.page_ids if p % 3 == 0 or p % 7 == 1]
    bits = index.bits_of(members)
    for start in (0, 1, len(members) // 2, max(0, len(members) - 2), len(members)):
        assert index.slice(bits, start, 5, oldest=False) == members[start : start + 5]
        oldest = members[::-1]
        assert index.slice(bits, start, 5, oldest=True) == oldest[start : start + 5]


@pytest.mark.django_db
def test_bitsets_follow_publishing_and_unpublishing(
    lecturer: Any, faculty: Any
) -> None:
    terms = make_terms()
    first = make_practice(
        lecturer, faculty, title="One", dimension_ids=(terms["neurodiversity"].pk,)
    )
    query = PracticeQuery(selected={"dimension": ("neurodiversity",)})
    assert run_search(query).total == 1
    token = SearchIndexState.objects.get(pk=1).token
    make_practice(
        lecturer, faculty, title="Two", dimension_ids=(terms["neurodiversity"].pk,)
    )
    assert SearchIndexState.objects.get(pk=1).token != token
    assert run_search(query).total == 2
    first.unpublish()
    assert [h.title for h in run_search(query).hits] == ["Two"]
    assert rebuild_index() == 1
    assert run_search(PracticeQuery()).total == 1


@pytest.mark.django_db
def test_a_current_index_costs_one_query_and_is_reused(
    lecturer: Any, faculty: Any, django_assert_num_queries: Any
) -> None:
    make_practice(lecturer, faculty, title="One")
    built = facet_index()
    with django_assert_num_queries(1):
        assert facet_index() is built
    index_practice(SearchRecord.objects.get().page_id)
    with django_assert_num_queries(2):  # the token, then the rebuild
        assert facet_index() is not built


@pytest.mark.django_db
def test_a_deleted_practice_leaves_the_counts(lecturer: Any, faculty: Any) -> None:
    page = make_practice(lecturer, faculty, title="Gone soon")
    assert run_search(PracticeQuery()).total == 1
    page.delete()
    results = run_search(PracticeQuery())
    assert results.total == 0
    assert all(not facet.values for facet in results.facets)


@pytest.mark.django_db
def test_relevance_puts_title_matches_first_then_the_rest_newest_first(
    lecturer: Any, faculty: Any
) -> None:
    old_title_match = make_practice(
        lecturer, faculty, title="Peer feedback rounds", summary="Rounds."
    )
    body_matches = [
        make_practice(
            lecturer,
            faculty,
            title=f"Practice {n}",
            summary="Students worked in pairs.",
            body=f"<p>They gave feedback {n}.</p>",
        )
        for n in range(3)
    ]
    # Publication dates: the title match is the oldest of all.
    now = timezone.now()
    for age, page in enumerate([*reversed(body_matches), old_title_match]):
        SearchRecord.objects.filter(page_id=page.pk).update(
            first_published_at=now - timedelta(days=age)
        )
    index_changed()  # the dates changed behind the indexer's back
    results = run_search(PracticeQuery(text="feedback"))
    assert results.total == 4
    titles = [h.title for h in results.hits]
    assert titles[0] == "Peer feedback rounds"
    assert set(titles[1:]) == {"Practice 0", "Practice 1", "Practice 2"}
    # A page past the ranked ones continues with the rest.
    second = run_search(PracticeQuery(text="feedback", per_page=2, page=2))
    assert [h.title for h in second.hits] == titles[2:4]
    # The same order when a facet filters (another code path).
    filtered = run_search(
        PracticeQuery(text="feedback", selected={"language": ("en",)})
    )
    assert [h.title for h in filtered.hits] == titles
    newest = run_search(PracticeQuery(text="feedback", sort=Sort.NEWEST))
    assert [h.title for h in newest.hits][-1] == "Peer feedback rounds"


@pytest.mark.django_db
def test_a_page_past_the_end_shows_the_last_page(lecturer: Any, faculty: Any) -> None:
    for n in range(3):
        make_practice(lecturer, faculty, title=f"Feedback {n}")
    results = run_search(PracticeQuery(text="feedback", per_page=2, page=9))
    assert results.page == 2
    assert len(results.hits) == 1


def _engine_rows() -> dict[str, int]:
    """Rows of the database engine's own full-text tables, per table."""
    from django.db import connection

    from practices_db.models import FTS_TABLE, PG_MATCH_TABLE, PG_RANK_TABLE

    tables = (
        [PG_MATCH_TABLE, PG_RANK_TABLE]
        if connection.vendor == "postgresql"
        else [FTS_TABLE]
    )
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - constant
            counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.django_db
def test_the_engines_tables_follow_the_index(lecturer: Any, faculty: Any) -> None:
    # PostgreSQL matches in one table and ranks from another (migration 0006):
    # both must hold exactly the live practices, through every kind of write.
    first = make_practice(lecturer, faculty, title="Peer feedback rounds")
    make_practice(lecturer, faculty, title="Exit tickets")
    assert set(_engine_rows().values()) == {2}
    first.unpublish()
    assert set(_engine_rows().values()) == {1}
    assert rebuild_index() == 1
    assert set(_engine_rows().values()) == {1}
    assert [h.title for h in run_search(PracticeQuery(text="tickets")).hits] == [
        "Exit tickets"
    ]
    assert run_search(PracticeQuery(text="feedback")).total == 0
