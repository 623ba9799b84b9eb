"""Figures the dashboards show about the practices database."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from lms.academic_year import academic_year_of, bounds, recent
from practices_db import selectors, services
from practices_db.models import Adoption, SearchLog, Vocabulary
from tests.factories import FacultyFactory
from tests.practices_db.factories import make_practice, make_terms

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def other_faculty() -> Any:
    return FacultyFactory(code="science", name_en="Faculty of Science")


def test_academic_years() -> None:
    assert academic_year_of(date(2026, 8, 31)) == "2025-2026"
    assert academic_year_of(date(2026, 9, 1)) == "2026-2027"
    assert bounds("2025-2026") == (date(2025, 9, 1), date(2026, 9, 1))
    for bad in ("2025-2027", "2025", "", "abcd-efgh", "2025-2026; DROP"):
        with pytest.raises(ValueError):
            bounds(bad)
    assert recent(3, today=date(2026, 11, 1)) == ["2026-2027", "2025-2026", "2024-2025"]


def test_searches_of_the_site_are_counted_without_people(
    client: Client, lecturer: Any, faculty: Any
) -> None:
    make_practice(lecturer, faculty, title="Peer feedback rounds")
    client.get("/practices/", {"q": "feedback"})
    client.get("/practices/", {"q": "  FEEDBACK "})
    client.get("/practices/", {"q": "feedback", "page": "2"})  # not a new search
    client.get("/practices/", {"q": "quantum gravity"})
    client.get("/practices/")  # no text: not a search
    rows = {r.query: (r.searches, r.without_results) for r in SearchLog.objects.all()}
    assert rows == {"feedback": (2, 0), "quantum gravity": (1, 1)}
    assert [f.name for f in SearchLog._meta.get_fields()] == [
        "id",
        "day",
        "query",
        "searches",
        "without_results",
    ]


def test_a_corrected_search_counts_as_one_without_results(
    client: Client, lecturer: Any, faculty: Any
) -> None:
    make_practice(lecturer, faculty, title="Neurodiversity in lab courses")
    response = client.get("/practices/", {"q": "nuerodiversity"})
    assert response.status_code == 200
    log = SearchLog.objects.get()
    assert (log.query, log.without_results) == ("nuerodiversity", 1)


def test_log_search_trims_hostile_and_oversized_text() -> None:
    services.log_search(text="<script>" + "x" * 500, found=False)
    services.log_search(text="   ", found=False)
    (log,) = SearchLog.objects.all()
    assert len(log.query) == 200  # stored as text, escaped when shown


def test_search_use_per_month_and_unanswered_searches() -> None:
    SearchLog.objects.create(
        day=date(2026, 3, 2), query="a", searches=5, without_results=0
    )
    SearchLog.objects.create(
        day=date(2026, 3, 9), query="b", searches=3, without_results=3
    )
    SearchLog.objects.create(
        day=date(2026, 4, 1), query="c", searches=2, without_results=2
    )
    SearchLog.objects.create(
        day=date(2026, 4, 2), query="b", searches=1, without_results=1
    )
    use = selectors.search_use(since=date(2026, 1, 1), until=date(2026, 5, 1))
    assert [(m.month, s, e) for m, s, e in use.months] == [(3, 8, 3), (4, 3, 3)]
    assert use.unanswered == [("b", 4), ("c", 2)]


def test_practice_activity_per_academic_year_and_faculty(
    lecturer: Any, faculty: Any, other_faculty: Any, django_assert_max_num_queries: Any
) -> None:
    first = make_practice(lecturer, faculty, title="One")
    second = make_practice(lecturer, faculty, title="Two")
    make_practice(lecturer, other_faculty, title="Elsewhere")
    first.first_published_at = datetime(2025, 10, 1, tzinfo=AMS)
    first.save(update_fields=["first_published_at"])
    second.first_published_at = datetime(2026, 10, 1, tzinfo=AMS)
    second.save(update_fields=["first_published_at"])
    adoption = Adoption.objects.create(user=lecturer, practice=first)
    Adoption.objects.filter(pk=adoption.pk).update(
        created_at=datetime(2026, 2, 1, tzinfo=AMS)
    )
    services.submit_practice(
        actor=lecturer,
        page=make_practice(lecturer, faculty, title="Draft", publish=False),
    )
    years = ["2026-2027", "2025-2026"]
    with django_assert_max_num_queries(4):
        activity = selectors.practice_activity(years=years, faculty_id=faculty.pk)
    by_year = {a.year: a for a in activity}
    assert by_year["2025-2026"].published == 1
    assert by_year["2025-2026"].adopted == 1
    this_year = academic_year_of(timezone.localdate())
    if this_year in by_year:
        assert by_year[this_year].submitted >= 1
    assert by_year["2026-2027"].published == 1
    everyone = selectors.practice_activity(years=years)
    # "Elsewhere" (other faculty) was published today.
    assert sum(a.published for a in everyone) == 2 + (this_year in years)
    assert selectors.practice_activity(years=[]) == []


def test_practices_by_term_and_most_adopted(
    lecturer: Any, faculty: Any, other_faculty: Any, django_assert_max_num_queries: Any
) -> None:
    terms = make_terms()
    nd = terms["neurodiversity"].pk
    a = make_practice(lecturer, faculty, title="A", dimension_ids=(nd,))
    make_practice(lecturer, other_faculty, title="B", dimension_ids=(nd,))
    make_practice(lecturer, faculty, title="C", publish=False, dimension_ids=(nd,))
    selectors.practices_by_term(Vocabulary.DIMENSION)  # warm the bitsets
    with django_assert_max_num_queries(2):
        counts = dict(selectors.practices_by_term(Vocabulary.DIMENSION))
    assert counts[terms["neurodiversity"].name] == 2  # the draft does not count
    mine = dict(
        selectors.practices_by_term(Vocabulary.DIMENSION, faculty_id=faculty.pk)
    )
    assert mine[terms["neurodiversity"].name] == 1
    services.record_adoption(user=lecturer, page=a)
    assert [r.title for r in selectors.most_adopted()] == ["A"]
    assert selectors.most_adopted(faculty_id=other_faculty.pk) == []


def test_a_practice_counts_as_submitted_once_in_its_first_month(
    lecturer: Any, faculty: Any
) -> None:
    """Resubmitting after changes does not count again; each practice counts in
    the academic year it was first sent for review."""
    from wagtail.models import WorkflowState

    resubmitted = make_practice(lecturer, faculty, title="Again", publish=False)
    services.submit_practice(actor=lecturer, page=resubmitted)
    services.withdraw_practice(actor=lecturer, page=resubmitted)
    services.submit_practice(actor=lecturer, page=resubmitted)
    later = make_practice(lecturer, faculty, title="Later", publish=False)
    services.submit_practice(actor=lecturer, page=later)
    first_state, second_state = WorkflowState.objects.filter(
        object_id=str(resubmitted.pk)
    ).order_by("pk")
    WorkflowState.objects.filter(pk=first_state.pk).update(
        created_at=datetime(2025, 10, 1, tzinfo=AMS)
    )
    WorkflowState.objects.filter(pk=second_state.pk).update(
        created_at=datetime(2026, 10, 1, tzinfo=AMS)
    )
    WorkflowState.objects.filter(object_id=str(later.pk)).update(
        created_at=datetime(2026, 10, 2, tzinfo=AMS)
    )
    activity = {
        a.year: a.submitted
        for a in selectors.practice_activity(
            years=["2026-2027", "2025-2026", "2024-2025"], faculty_id=faculty.pk
        )
    }
    assert activity == {"2026-2027": 1, "2025-2026": 1, "2024-2025": 0}
