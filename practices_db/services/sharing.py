"""Sharing a practice: the author's drafts, changes, submission and withdrawal,
and what follows its publication. Every text a person typed is sanitised by the
page model."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from lms.accounts.selectors import profile_of
from lms.uploads import validate_upload
from lms.xapi.services import record

from .. import xapi as events
from ..data import NewAttachment, PracticeInput
from ..exceptions import NotAllowed, NotEditable
from ..models import (
    PracticeAttachment,
    PracticeIndexPage,
    PracticePage,
    Term,
    Vocabulary,
)
from ..permissions import CHANGE_PRACTICE, SHARE
from . import indexing
from .setup import attachments_collection, ensure_review_workflow, practices_index

IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp"})
# Paths of the site's own practice pages (practices_db/urls.py).
RESERVED_SLUGS = frozenset(
    {
        "export-csv",
        "feed",
        "share",
        "mine",
        "reviews",
        "actions",
        "collections",
        "shared",
    }
)


def _terms(ids: tuple[int, ...], vocabulary: str) -> list[Term]:
    return list(Term.objects.filter(pk__in=ids, vocabulary=vocabulary))


def _file_title(upload: Any) -> str:
    return PurePath(getattr(upload, "name", "") or "file").stem[:200] or "file"


def _attachment(new: NewAttachment, author: Any) -> PracticeAttachment:
    validate_upload(new.file)  # the form did too; an import or API may not have
    extension = PurePath(new.file.name).suffix.lower().lstrip(".")
    is_image = extension in IMAGE_EXTENSIONS
    model = get_image_model() if is_image else get_document_model()
    stored = model(
        title=_file_title(new.file),
        file=new.file,
        uploaded_by_user=author,
        collection=attachments_collection(),
    )
    stored.save()
    if is_image:
        return PracticeAttachment(
            image=stored, alt_text=new.alt_text, caption=new.caption
        )
    return PracticeAttachment(document=stored, caption=new.caption)


def _apply(page: PracticePage, data: PracticeInput, author: Any) -> None:
    page.title = data.title
    page.summary = data.summary
    page.body = data.body
    page.faculty_id = data.faculty_id
    page.discipline = data.discipline
    page.group_size = data.group_size
    page.evidence = data.evidence
    page.contact_name = data.contact_name
    page.contact_email = data.contact_email
    page.language = data.language
    page.licence = data.licence
    page.course_levels = _terms(data.course_level_ids, Vocabulary.LEVEL)
    page.formats = _terms(data.format_ids, Vocabulary.FORMAT)
    page.dimensions = _terms(data.dimension_ids, Vocabulary.DIMENSION)
    page.aspects = _terms(data.aspect_ids, Vocabulary.ASPECT)
    page.sdgs = _terms(data.sdg_ids, Vocabulary.SDG)
    removed = set(data.remove_attachment_ids)
    kept = [a for a in page.attachments.all() if a.pk not in removed]
    added = [_attachment(new, author) for new in data.new_attachments]
    for position, attachment in enumerate([*kept, *added]):
        attachment.sort_order = position
    page.attachments = [*kept, *added]
    page.clean_user_input()


def _unique_slug(index: PracticeIndexPage, title: str) -> str:
    base = slugify(title)[:60].strip("-") or "practice"
    if base in RESERVED_SLUGS:
        base = f"{base}-practice"
    taken = set(
        index.get_children()
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def create_practice(*, author: Any, data: PracticeInput) -> PracticePage:
    """Save a new practice as the author's draft (not published, not in review)."""
    if not author.has_perm(SHARE):
        raise NotAllowed(
            _("Only lecturers, coaches and coordinators can share practices.")
        )
    with transaction.atomic():
        index = practices_index()
        page = PracticePage(owner=author, live=False)
        _apply(page, data, author)
        page.slug = _unique_slug(index, page.title)
        index.add_child(instance=page)
        page.save_revision(user=author, log_action=True)
    return page


def _require_author(actor: Any, page: PracticePage) -> None:
    if not actor.has_perm(CHANGE_PRACTICE, page):
        raise NotAllowed(_("Only the author can edit this practice."))


def _lock_for_author(actor: Any, page: PracticePage) -> PracticePage:
    """`page` locked for this transaction, once its author may change it now."""
    page = PracticePage.objects.select_for_update().get(pk=page.pk)
    _require_author(actor, page)
    blocker = edit_blocker(page)
    if blocker:
        raise NotEditable(blocker)
    return page


def edit_blocker(page: PracticePage) -> str:
    """Why the author cannot edit `page` now, or "" when they can."""
    if page.rejected_at:
        return _(
            "This practice was rejected by a reviewer and can no longer be changed."
        )
    if page.workflow_in_progress:
        return _("This practice is being reviewed. Withdraw it from review to edit it.")
    return ""


def update_practice(
    *, actor: Any, page: PracticePage, data: PracticeInput
) -> PracticePage:
    """Save the author's changes as a new revision; a live practice stays as
    published until the changes pass review."""
    with transaction.atomic():
        page = _lock_for_author(actor, page)
        draft = page.get_latest_revision_as_object()
        _apply(draft, data, actor)
        if not page.live:
            draft.save()  # a draft has nothing public to protect
        draft.save_revision(user=actor, log_action=True)
    return draft


def submit_practice(*, actor: Any, page: PracticePage) -> WorkflowState:
    """Send the latest revision into review (or back into it after changes)."""
    with transaction.atomic():
        page = _lock_for_author(actor, page)
        if page.live and not page.has_unpublished_changes:
            raise NotEditable(_("This practice is published and has no new changes."))
        state = page.current_workflow_state
        if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user=actor)
        else:
            state = ensure_review_workflow().start(page, actor)
        revision = page.get_latest_revision()
        record(
            events.shared(
                actor=profile_of(actor).xapi_id,
                page_id=page.pk,
                revision_id=revision.pk if revision else 0,
                title=page.title,
                language=page.language,
                at=timezone.now(),
            )
        )
    return state


def withdraw_practice(*, actor: Any, page: PracticePage) -> None:
    """The author takes a practice out of review to change it."""
    with transaction.atomic():
        _require_author(actor, page)
        state = page.current_workflow_state
        if state is None:
            raise NotEditable(_("This practice is not in review."))
        state.cancel(user=actor)


def on_published(*, page_id: int, revision_id: int | None) -> None:
    """After Wagtail published a practice: index it and record the event."""
    indexing.index_practice(page_id)
    page = PracticePage.objects.select_related("owner").filter(pk=page_id).first()
    if page is None or page.owner is None:
        return
    if page.rejected_at:
        PracticePage.objects.filter(pk=page_id).update(rejected_at=None)
    record(
        events.published(
            actor=profile_of(page.owner).xapi_id,
            page_id=page.pk,
            revision_id=revision_id or 0,
            title=page.title,
            language=page.language,
            at=timezone.now(),
        )
    )
