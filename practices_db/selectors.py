"""Reads of the practices database, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
)
from django.db.models.functions import Cast, TruncMonth
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from lms.academic_year import academic_year_of
from lms.academic_year import bounds as academic_year_bounds

from .facet_index import facet_index
from .models import (
    Adoption,
    Bookmark,
    CollectionItem,
    PracticeCollection,
    PracticeIndexPage,
    PracticePage,
    PracticeReviewTask,
    SearchLog,
    SearchRecord,
    Term,
    Vocabulary,
)

_MASK_COLUMNS: dict[str, str] = {
    Vocabulary.DIMENSION: "dimensions_mask",
    Vocabulary.ASPECT: "aspects_mask",
    Vocabulary.SDG: "sdgs_mask",
    Vocabulary.LEVEL: "levels_mask",
    Vocabulary.FORMAT: "formats_mask",
}
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,32}")


class Status:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    REJECTED = "rejected"
    PUBLISHED = "published"
    LABELS = {
        DRAFT: _("Draft"),
        IN_REVIEW: _("In review"),
        CHANGES_REQUESTED: _("Changes requested"),
        REJECTED: _("Rejected"),
        PUBLISHED: _("Published"),
    }


@dataclass(frozen=True)
class PracticeStatus:
    code: str
    step: str  # the review step in progress, if any
    live: bool
    unpublished_changes: bool

    @property
    def label(self) -> Any:
        return Status.LABELS[self.code]


def status_of(page: PracticePage) -> PracticeStatus:
    """Where a practice stands (uses prefetched workflow states when present)."""
    state = page.current_workflow_state
    step = ""
    if page.rejected_at:
        code = Status.REJECTED
    elif state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        code = Status.IN_REVIEW
        task_state = state.current_task_state
        step = task_state.task.name if task_state else ""
    elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        code = Status.CHANGES_REQUESTED
    elif page.live:
        code = Status.PUBLISHED
    else:
        code = Status.DRAFT
    return PracticeStatus(
        code=code,
        step=step,
        live=page.live,
        unpublished_changes=page.live and page.has_unpublished_changes,
    )


def practices_index_page() -> PracticeIndexPage | None:
    return PracticeIndexPage.objects.live().order_by("path").first()


def _with_workflow(queryset: Any) -> Any:
    # specific(): Wagtail keys a page's workflow states by its specific type here.
    return queryset.specific().prefetch_workflow_states()


def my_practices(user: Any) -> list[tuple[PracticePage, PracticeStatus, int]]:
    """The practices `user` shared, newest first, with status and adoption count."""
    pages = (
        _with_workflow(PracticePage.objects.filter(owner=user))
        .annotate(num_adoptions=Count("adoptions"))
        .order_by("-latest_revision_created_at", "-pk")
    )
    return [(p, status_of(p), p.num_adoptions) for p in pages]


def own_practice(user: Any, page_id: int) -> PracticePage | None:
    page = _with_workflow(PracticePage.objects.filter(owner=user, pk=page_id)).first()
    return page


def review_history(page: PracticePage) -> list[TaskState]:
    """Every review step this practice went through, oldest first, with comments."""
    return list(
        TaskState.objects.filter(workflow_state__in=page.workflow_states.all())
        .exclude(status=TaskState.STATUS_IN_PROGRESS, comment="")
        .select_related("task", "finished_by")
        .order_by("started_at", "pk")
    )


def reviews_waiting(user: Any) -> list[tuple[PracticePage, TaskState]]:
    """Practices waiting at a review step `user` may act on, oldest first."""
    states = (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=PracticeReviewTask.objects.all(),
        )
        .select_related("task", "workflow_state")
        .order_by("started_at")
    )
    states = list(states)
    pages = {
        str(p.pk): p
        for p in PracticePage.objects.filter(
            pk__in=[int(s.workflow_state.object_id) for s in states]
        ).select_related("faculty", "owner")
    }
    tasks = {t.pk: t for t in PracticeReviewTask.objects.prefetch_related("groups")}
    waiting = []
    for state in states:
        page = pages.get(state.workflow_state.object_id)
        task = tasks.get(state.task_id)
        if page is not None and task is not None and task.may_review(page, user):
            waiting.append((page, state))
    return waiting


def related_practices(page: PracticePage, limit: int = 4) -> list[SearchRecord]:
    """Published practices sharing a diversity dimension or teaching aspect."""
    record = SearchRecord.objects.filter(page_id=page.pk).first()
    if record is None:
        return []
    conditions: list[Any] = []
    if record.dimensions_mask:
        conditions.append(
            GreaterThan(F("dimensions_mask").bitand(record.dimensions_mask), 0)
        )
    if record.aspects_mask:
        conditions.append(GreaterThan(F("aspects_mask").bitand(record.aspects_mask), 0))
    if not conditions:
        return []
    overlap = (
        conditions[0] if len(conditions) == 1 else Q(conditions[0]) | Q(conditions[1])
    )
    return list(
        SearchRecord.objects.filter(overlap)
        .exclude(page_id=page.pk)
        .order_by("-adoption_count", "-first_published_at")[:limit]
    )


@dataclass(frozen=True)
class Engagement:
    bookmarked: bool
    adoption: Adoption | None
    adoption_count: int


def engagement(page: PracticePage, user: Any) -> Engagement:
    """The person's bookmark and adoption of a practice, and how many adopted it."""
    count = Adoption.objects.filter(practice=page).count()
    if not getattr(user, "is_authenticated", False):
        return Engagement(False, None, count)
    return Engagement(
        bookmarked=Bookmark.objects.filter(user=user, practice=page).exists(),
        adoption=Adoption.objects.filter(user=user, practice=page).first(),
        adoption_count=count,
    )


def adoptions_of(page: PracticePage) -> QuerySet[Adoption]:
    return Adoption.objects.filter(practice=page).order_by("-created_at")


def bookmarks_of(user: Any) -> QuerySet[Bookmark]:
    return (
        Bookmark.objects.filter(user=user, practice__live=True)
        .select_related("practice")
        .order_by("-created_at")
    )


def collections_of(user: Any) -> QuerySet[PracticeCollection]:
    return PracticeCollection.objects.filter(owner=user).annotate(
        num_items=Count("items")
    )


def collection_items(collection: PracticeCollection) -> list[CollectionItem]:
    """The items of a collection in order; only published practices are shown."""
    return list(
        collection.items.filter(practice__live=True)
        .select_related("practice__faculty", "practice__search_record")
        .order_by("position", "pk")
    )


def shared_collection(token: str) -> PracticeCollection | None:
    if not _TOKEN.fullmatch(token or ""):
        return None
    return (
        PracticeCollection.objects.filter(share_token=token)
        .select_related("owner")
        .first()
    )


def live_practice(page_id: int) -> PracticePage | None:
    return (
        PracticePage.objects.live()
        .filter(pk=page_id)
        .select_related("faculty", "owner")
        .first()
    )


# --- reports (issue 7: faculty and programme dashboards) ---------------------------


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
