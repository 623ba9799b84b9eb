from __future__ import annotations

from typing import Any

import pytest

from practices_db.selectors.search import PracticeQuery, run_search
from tests.practices_db.factories import make_practice, make_terms

pytestmark = pytest.mark.django_db


def test_search_finds_stemmed_and_accent_folded_words(
    lecturer: Any, faculty: Any
) -> None:
    terms = make_terms()
    make_practice(
        lecturer,
        faculty,
        title="Toetsing met ideeën van studenten",
        summary="Eerstejaars kozen zelf één toetsvorm.",
        language="nl",
        dimension_ids=(terms["first-generation"].pk,),
    )
    make_practice(
        lecturer, faculty, title="Assessment choices", summary="Students chose."
    )
    results = run_search(PracticeQuery(text="ideeen"))
    assert [h.title for h in results.hits] == ["Toetsing met ideeën van studenten"]
    assert "<mark>" in str(results.hits[0].title_html)
    results = run_search(PracticeQuery(text="student"))
    assert results.total == 2
    dims = {f.param: f for f in results.facets}["dimension"]
    assert [(v.key, v.count) for v in dims.values] == [("first-generation", 1)]


def test_unpublished_practices_are_not_found(lecturer: Any, faculty: Any) -> None:
    make_practice(lecturer, faculty, publish=False)
    assert run_search(PracticeQuery()).total == 0


def test_misspelt_query_is_corrected_once(lecturer: Any, faculty: Any) -> None:
    make_practice(lecturer, faculty, title="Neurodiversity in lab courses")
    results = run_search(PracticeQuery(text="nuerodiversity"))
    assert results.total == 1
    assert results.corrected_text
    assert run_search(PracticeQuery(text="nuerodiversity"), correct=False).total == 0


def test_facets_count_alternatives_within_a_facet_and_combine_across(
    lecturer: Any, faculty: Any
) -> None:
    terms = make_terms()
    dims = (terms["neurodiversity"].pk, terms["first-generation"].pk)
    make_practice(lecturer, faculty, title="A", dimension_ids=dims[:1], language="nl")
    make_practice(lecturer, faculty, title="B", dimension_ids=dims[1:])
    make_practice(lecturer, faculty, title="C", dimension_ids=dims)
    query = PracticeQuery(selected={"dimension": ("neurodiversity",)})
    results = run_search(query)
    assert sorted(h.title for h in results.hits) == ["A", "C"]
    counts = {
        v.key: v.count for v in {f.param: f for f in results.facets}["dimension"].values
    }
    # The chosen facet still shows its alternatives (counted without itself).
    assert counts == {"first-generation": 2, "neurodiversity": 2}
    both = run_search(
        PracticeQuery(selected={"dimension": ("neurodiversity",), "language": ("nl",)})
    )
    assert [h.title for h in both.hits] == ["A"]
    either = run_search(
        PracticeQuery(selected={"dimension": ("neurodiversity", "first-generation")})
    )
    assert either.total == 3


def test_unknown_facet_values_match_nothing_and_pages_are_clamped(
    lecturer: Any, faculty: Any
) -> None:
    for n in range(3):
        make_practice(lecturer, faculty, title=f"P{n}")
    assert run_search(PracticeQuery(selected={"dimension": ("nope",)})).total == 0
    last = run_search(PracticeQuery(per_page=2, page=99))
    assert last.query.page == 2 and len(last.hits) == 1
    newest = run_search(PracticeQuery(sort="newest"))
    assert [h.title for h in newest.hits] == ["P2", "P1", "P0"]
