"""Reads for the faculty and programme dashboards: activity per academic year,
practices per taxonomy term, the most adopted practices and how people search."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import Cast, TruncMonth
from wagtail.models import WorkflowState

from lms.academic_year import academic_year_of
from lms.academic_year import bounds as academic_year_bounds

from ..models import (
    Adoption,
    PracticePage,
    SearchLog,
    SearchRecord,
    Term,
    Vocabulary,
)
from .search.facet_index import facet_index

_MASK_COLUMNS: dict[str, str] = {
    Vocabulary.DIMENSION: "dimensions_mask",
    Vocabulary.ASPECT: "aspects_mask",
    Vocabulary.SDG: "sdgs_mask",
    Vocabulary.LEVEL: "levels_mask",
    Vocabulary.FORMAT: "formats_mask",
}


@dataclass(frozen=True)
class YearActivity:
    """Practices of a faculty (or all) in one academic year."""

    year: str
    submitted: int  # first sent for review that year
    published: int  # first published that year
    adopted: int  # "I used this" that year, on these practices


def _per_year(rows: Any, years: list[str]) -> dict[str, int]:
    counts = dict.fromkeys(years, 0)
    for month, n in rows:
        if month is None:
            continue
        year = academic_year_of(month)
        if year in counts:
            counts[year] += n
    return counts


def practice_activity(
    *, years: list[str], faculty_id: int | None = None
) -> list[YearActivity]:
    """Submitted, published and adopted practices per academic year: three
    grouped queries, whatever the number of practices."""
    if not years:
        return []
    first = min(academic_year_bounds(y)[0] for y in years)
    pages = PracticePage.objects.all()
    adoptions = Adoption.objects.filter(created_at__date__gte=first)
    if faculty_id is not None:
        pages = pages.filter(faculty_id=faculty_id)
        adoptions = adoptions.filter(practice__faculty_id=faculty_id)
    practice_type = ContentType.objects.get_for_model(PracticePage)
    # A practice counts once, in the month it was first sent for review: its
    # first workflow state (no earlier one for the same practice), if that
    # falls in the years shown. Resubmissions after changes do not count again.
    earlier = WorkflowState.objects.filter(
        content_type=practice_type, object_id=OuterRef("object_id")
    ).filter(
        Q(created_at__lt=OuterRef("created_at"))
        | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk"))
    )
    submissions = (
        WorkflowState.objects.filter(
            content_type=practice_type,
            object_id__in=pages.annotate(key=Cast("pk", CharField())).values("key"),
            created_at__date__gte=first,
        )
        .filter(~Exists(earlier))
        .annotate(month=TruncMonth("created_at"))
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    published = (
        pages.filter(first_published_at__date__gte=first)
        .annotate(month=TruncMonth("first_published_at"))
        # Without this, the page tree's default order (path) joins the GROUP BY:
        # one row per practice instead of one per month.
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    adopted = (
        adoptions.annotate(month=TruncMonth("created_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    by_submitted = _per_year(submissions, years)
    by_published = _per_year(published, years)
    by_adopted = _per_year(adopted, years)
    return [
        YearActivity(y, by_submitted[y], by_published[y], by_adopted[y]) for y in years
    ]


def practices_by_term(
    vocabulary: str, *, faculty_id: int | None = None
) -> list[tuple[str, int]]:
    """Published practices per term of a taxonomy (e.g. per diversity dimension
    or SDG), from the search index's bitsets: two queries."""
    index = facet_index()
    column = _MASK_COLUMNS[vocabulary]
    scope = (
        index.everything if faculty_id is None else index.bits("faculty_id", faculty_id)
    )
    return [
        (term.name, (scope & index.bits(column, 1 << term.bit)).bit_count())
        for term in Term.objects.filter(vocabulary=vocabulary)
    ]


def most_adopted(
    *, limit: int = 10, faculty_id: int | None = None
) -> list[SearchRecord]:
    """The published practices most often adopted (one query)."""
    records = SearchRecord.objects.filter(adoption_count__gt=0).defer(
        "document", "title_terms", "summary_terms"
    )
    if faculty_id is not None:
        records = records.filter(faculty_id=faculty_id)
    return list(records.order_by("-adoption_count", "-first_published_at")[:limit])


@dataclass(frozen=True)
class SearchUse:
    months: list[
        tuple[date, int, int]
    ]  # (first day of month, searches, without results)
    unanswered: list[
        tuple[str, int]
    ]  # search texts that found nothing, most often first


def search_use(*, since: date, until: date, limit: int = 10) -> SearchUse:
    """How the database is searched between two days: two grouped queries."""
    logs = SearchLog.objects.filter(day__gte=since, day__lt=until)
    months = list(
        logs.annotate(month=TruncMonth("day"))
        .values("month")
        .annotate(searches=Sum("searches"), empty=Sum("without_results"))
        .order_by("month")
        .values_list("month", "searches", "empty")
    )
    unanswered = list(
        logs.values("query")
        .annotate(n=Sum("without_results"))
        .filter(n__gt=0)
        .order_by("-n", "query")
        .values_list("query", "n")[:limit]
    )
    return SearchUse(months=months, unanswered=unanswered)
