from __future__ import annotations

from typing import Any

import pytest

from practices_db.search import PracticeQuery, run_search
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
