"""Reads of practices, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Q, QuerySet
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _
from wagtail.models import TaskState, WorkflowState

from ..models import (
    ATTACHMENTS_COLLECTION,
    Adoption,
    Bookmark,
    PracticeAttachment,
    PracticeIndexPage,
    PracticePage,
    PracticeReviewTask,
    SearchRecord,
)
from ..rules.licences import licence_info

FEED_SIZE = 30


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


def practice_with_review(page_id: int) -> PracticePage | None:
    """A practice, any state, with its review state (for its author's pages)."""
    return _with_workflow(PracticePage.objects.filter(pk=page_id)).first()


@dataclass(frozen=True)
class ReviewEvent:
    """One step of a practice's review, worded for the people who read it."""

    step: str
    outcome: str
    finished_at: Any
    reviewer: Any
    comment: str


def _outcome(state: TaskState, rejected_at: Any) -> str:
    """Wagtail calls "request changes" a rejection; only the step that rejected
    the practice outright (it set `rejected_at` just before) is one here."""
    if state.status != TaskState.STATUS_REJECTED:
        return str(state.get_status_display())
    if rejected_at and state.finished_at and state.finished_at >= rejected_at:
        return str(_("Rejected"))
    return str(_("Changes requested"))


def review_history(page: PracticePage) -> list[ReviewEvent]:
    """Every review step this practice went through, oldest first, with comments."""
    states = (
        TaskState.objects.filter(workflow_state__in=page.workflow_states.all())
        .exclude(status=TaskState.STATUS_IN_PROGRESS, comment="")
        .select_related("task", "finished_by")
        .order_by("started_at", "pk")
    )
    return [
        ReviewEvent(
            step=state.task.name,
            outcome=_outcome(state, page.rejected_at),
            finished_at=state.finished_at,
            reviewer=state.finished_by,
            comment=state.comment,
        )
        for state in states
    ]


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
    if not states:  # the usual answer on every reviewer's dashboard: one query
        return []
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
        if page is not None and task is not None and task.is_reviewer(page, user):
            waiting.append((page, state))
    return waiting


def practices_in_review() -> int:
    """How many practices wait at some review step, whoever acts on it (one
    query: the programme team's key figure)."""
    return TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=PracticeReviewTask.objects.all(),
    ).count()


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


def practice_page(page: PracticePage, user: Any, *, preview: bool) -> dict[str, Any]:
    """What a practice's page shows besides the practice itself."""
    published = page.first_published_at or page.latest_revision_created_at
    return {
        "self": page,
        "licence": licence_info(page.licence),
        "attachments": list(page.attachments.all()),
        "related": related_practices(page) if not preview else [],
        "engagement": engagement(page, user) if page.pk else None,
        "is_preview": preview,
        "is_author": page.owner_id == getattr(user, "pk", None),
        "citation_year": published and published.year,
    }


def adoptions_of(page: PracticePage) -> QuerySet[Adoption]:
    return Adoption.objects.filter(practice=page).order_by("-created_at")


def bookmarks_of(user: Any) -> QuerySet[Bookmark]:
    return (
        Bookmark.objects.filter(user=user, practice__live=True)
        .select_related("practice")
        .order_by("-created_at")
    )


def live_practice(page_id: int) -> PracticePage | None:
    return (
        PracticePage.objects.live()
        .filter(pk=page_id)
        .select_related("faculty", "owner")
        .first()
    )


def latest_records(limit: int = FEED_SIZE) -> QuerySet[SearchRecord]:
    """The newest published practices, from the index (never a draft)."""
    return SearchRecord.objects.order_by("-first_published_at", "-page_id")[:limit]


def pages_showing_document(document: Any) -> list[PracticePage]:
    """The practices (their current row, live or not) that show a document."""
    attachments = PracticeAttachment.objects.filter(document=document)
    return [a.page for a in attachments.select_related("page")]


def document_is_private(document: Any) -> bool:
    """A practice document that no published practice shows (e.g. one added in
    an edit still in review, which lives only in a revision)."""
    pages = pages_showing_document(document)
    in_practices = getattr(document.collection, "name", "") == ATTACHMENTS_COLLECTION
    if not pages and not in_practices:
        return False  # not a practice document
    return not any(page.live for page in pages)
