"""Writes of the practices database: one function per use case.

The site, the Wagtail admin (through the workflow task), imports and the API all
come through here. Every text a person typed is sanitised by the page model.
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from lms.accounts.permissions import coordinates_faculty
from lms.accounts.roles import Role
from lms.accounts.selectors import has_role, profile_of, roles_of
from lms.uploads import validate_upload
from lms.xapi.services import record

from . import indexing
from . import xapi as events
from .data import NewAttachment, PracticeInput
from .exceptions import InvalidReviewAction, NotAllowed, NotEditable
from .models import (
    Adoption,
    Bookmark,
    CollectionItem,
    PracticeAttachment,
    PracticeCollection,
    PracticeIndexPage,
    PracticePage,
    PracticeReviewTask,
    SearchLog,
    Term,
    Vocabulary,
)

IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "webp"})
WORKFLOW_NAME = "Practice review"
COLLECTION_NAME = "Inspiring practices"
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


# --- set-up -----------------------------------------------------------------------


def ensure_review_workflow() -> Workflow:
    """The two-step review workflow (faculty coordinator, then programme team),
    created once; assigned to every practices index page."""
    with transaction.atomic():
        workflow, created = Workflow.objects.get_or_create(
            name=WORKFLOW_NAME, defaults={"active": True}
        )
        if created:
            steps = [
                ("Faculty coordinator review", Role.FACULTY_COORDINATOR, True),
                ("Programme team review", Role.PROGRAMME_ADMIN, False),
            ]
            for order, (name, role, scoped) in enumerate(steps):
                task = PracticeReviewTask.objects.create(
                    name=name, faculty_scoped=scoped
                )
                group, _created = Group.objects.get_or_create(name=role.group_name)
                task.groups.set([group])
                WorkflowTask.objects.create(
                    workflow=workflow, task=task, sort_order=order
                )
        for index in PracticeIndexPage.objects.all():
            WorkflowPage.objects.get_or_create(
                page=index, defaults={"workflow": workflow}
            )
    return workflow


def practices_index() -> PracticeIndexPage:
    """The practices database page, created under the default site's root if missing."""
    index = PracticeIndexPage.objects.order_by("path").first()
    if index is None:
        site = (
            Site.objects.filter(is_default_site=True)
            .select_related("root_page")
            .first()
        )
        parent = site.root_page if site else Page.get_first_root_node()
        index = parent.add_child(
            instance=PracticeIndexPage(
                title="Inspiring practices", slug="practices", live=True
            )
        )
        index.save_revision().publish()
        ensure_review_workflow()
    return index


def _collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


# --- sharing ----------------------------------------------------------------------


def may_share(user: Any) -> bool:
    """Anyone with a role in the programme may share a practice."""
    return bool(getattr(user, "is_authenticated", False) and roles_of(user))


def _terms(ids: tuple[int, ...], vocabulary: str) -> list[Term]:
    return list(Term.objects.filter(pk__in=ids, vocabulary=vocabulary))


def _file_title(upload: Any) -> str:
    return PurePath(getattr(upload, "name", "") or "file").stem[:200] or "file"


def _attachment(new: NewAttachment, author: Any) -> PracticeAttachment:
    validate_upload(new.file)  # the form did too; an import or API may not have
    extension = PurePath(new.file.name).suffix.lower().lstrip(".")
    title = _file_title(new.file)
    if extension in IMAGE_EXTENSIONS:
        image = get_image_model()(
            title=title,
            file=new.file,
            uploaded_by_user=author,
            collection=_collection(),
        )
        image.save()
        return PracticeAttachment(
            image=image, alt_text=new.alt_text, caption=new.caption
        )
    document = get_document_model()(
        title=title, file=new.file, uploaded_by_user=author, collection=_collection()
    )
    document.save()
    return PracticeAttachment(document=document, caption=new.caption)


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
    if not may_share(author):
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


def edit_blocker(user: Any, page: PracticePage) -> str:
    """Why `user` cannot edit `page` now, or "" when they can."""
    if page.owner_id != getattr(user, "pk", None):
        return _("Only the author can edit this practice.")
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
        page = PracticePage.objects.select_for_update().get(pk=page.pk)
        blocker = edit_blocker(actor, page)
        if blocker:
            raise NotEditable(blocker)
        draft = page.get_latest_revision_as_object()
        _apply(draft, data, actor)
        if not page.live:
            draft.save()  # a draft has nothing public to protect
        draft.save_revision(user=actor, log_action=True)
    return draft


def submit_practice(*, actor: Any, page: PracticePage) -> WorkflowState:
    """Send the latest revision into review (or back into it after changes)."""
    with transaction.atomic():
        page = PracticePage.objects.select_for_update().get(pk=page.pk)
        blocker = edit_blocker(actor, page)
        if blocker:
            raise NotEditable(blocker)
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
        state = page.current_workflow_state
        if page.owner_id != actor.pk or state is None:
            raise NotEditable(_("This practice is not in review."))
        state.cancel(user=actor)


def review_actions(user: Any, page: PracticePage) -> list[tuple[str, str, bool]]:
    """The review actions `user` may take on `page` now (none when not theirs)."""
    task_state = page.current_workflow_task_state
    if task_state is None:
        return []
    actions = task_state.task.specific.get_actions(page, user)
    return [(name, str(label), needs_comment) for name, label, needs_comment in actions]


def review_practice(
    *, actor: Any, page: PracticePage, action: str, comment: str = ""
) -> None:
    """Approve, request changes or reject, as the reviewer of the current step."""
    with transaction.atomic():
        page = PracticePage.objects.select_for_update().get(pk=page.pk)
        allowed = {name for name, _label, _c in review_actions(actor, page)}
        if action not in allowed:
            raise InvalidReviewAction(_("You cannot take this review action now."))
        if action in {"reject", "decline"} and not comment.strip():
            raise InvalidReviewAction(_("Tell the author why, in a comment."))
        task_state = page.current_workflow_task_state
        task_state.task.specific.on_action(
            task_state, actor, action, comment=comment.strip()[:2000]
        )


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


# --- using practices --------------------------------------------------------------


def _require_live(page: PracticePage) -> None:
    if not page.live:
        raise NotAllowed(_("Only published practices can be bookmarked or used."))


def set_bookmark(*, user: Any, page: PracticePage, bookmarked: bool) -> bool:
    """Bookmark or un-bookmark a published practice; returns the new state."""
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Sign in to bookmark practices."))
    _require_live(page)
    with transaction.atomic():
        if not bookmarked:
            Bookmark.objects.filter(user=user, practice=page).delete()
            return False
        bookmark, created = Bookmark.objects.get_or_create(user=user, practice=page)
        if created:
            record(
                events.bookmarked(
                    actor=profile_of(user).xapi_id,
                    page_id=page.pk,
                    bookmark_id=bookmark.pk,
                    title=page.title,
                    language=page.language,
                    at=bookmark.created_at,
                )
            )
    return True


def record_adoption(*, user: Any, page: PracticePage, note: str = "") -> Adoption:
    """ "I used this": once per person; saying it again updates the note."""
    from lms.sanitizing import clean_text

    if not may_share(user):
        raise NotAllowed(_("Sign in as a lecturer to say you used a practice."))
    _require_live(page)
    with transaction.atomic():
        adoption, created = Adoption.objects.update_or_create(
            user=user, practice=page, defaults={"note": clean_text(note)[:500]}
        )
        if created:
            record(
                events.adopted(
                    actor=profile_of(user).xapi_id,
                    page_id=page.pk,
                    adoption_id=adoption.pk,
                    title=page.title,
                    language=page.language,
                    at=adoption.created_at,
                )
            )
            indexing.refresh_adoption_count(page.pk)
    return adoption


def withdraw_adoption(*, user: Any, page: PracticePage) -> None:
    with transaction.atomic():
        Adoption.objects.filter(user=user, practice=page).delete()
        indexing.refresh_adoption_count(page.pk)


def record_view(*, user: Any, page: PracticePage) -> None:
    """A signed-in person viewed a published practice (one statement a day)."""
    if not getattr(user, "is_authenticated", False) or not page.live:
        return
    with transaction.atomic():
        record(
            events.viewed(
                actor=profile_of(user).xapi_id,
                page_id=page.pk,
                title=page.title,
                language=page.language,
                at=timezone.now(),
            )
        )


# --- collections for education meetings ---------------------------------------------


def may_curate(user: Any) -> bool:
    return has_role(user, Role.FACULTY_COORDINATOR) or has_role(
        user, Role.PROGRAMME_ADMIN
    )


def _own(collection: PracticeCollection, user: Any) -> None:
    if collection.owner_id != getattr(user, "pk", None):
        raise NotAllowed(_("Only the owner can change this collection."))


def create_collection(
    *, owner: Any, title: str, description: str = ""
) -> PracticeCollection:
    """A new, empty collection (coordinators and the programme team)."""
    from lms.sanitizing import clean_text

    if not may_curate(owner):
        raise NotAllowed(
            _("Only faculty coordinators and the programme team curate collections.")
        )
    return PracticeCollection.objects.create(
        owner=owner,
        title=clean_text(title)[:200],
        description=clean_text(description)[:2000],
    )


def update_collection(
    *, actor: Any, collection: PracticeCollection, title: str, description: str
) -> PracticeCollection:
    from lms.sanitizing import clean_text

    _own(collection, actor)
    collection.title = clean_text(title)[:200]
    collection.description = clean_text(description)[:2000]
    collection.save()
    return collection


def delete_collection(*, actor: Any, collection: PracticeCollection) -> None:
    _own(collection, actor)
    collection.delete()


def renew_share_link(*, actor: Any, collection: PracticeCollection) -> str:
    """A new share link; the old one stops working."""
    from .models.collections import new_share_token

    _own(collection, actor)
    collection.share_token = new_share_token()
    collection.save(update_fields=["share_token", "updated_at"])
    return collection.share_token


def add_to_collection(
    *, actor: Any, collection: PracticeCollection, page: PracticePage, note: str = ""
) -> CollectionItem:
    """Append a published practice (or update its note if it is already there)."""
    from lms.sanitizing import clean_text

    _own(collection, actor)
    _require_live(page)
    with transaction.atomic():
        last = collection.items.aggregate(last=Max("position"))["last"]
        item, created = CollectionItem.objects.get_or_create(
            collection=collection,
            practice=page,
            defaults={"note": clean_text(note)[:1000], "position": (last or 0) + 1},
        )
        if not created and note:
            item.note = clean_text(note)[:1000]
            item.save(update_fields=["note"])
        collection.save(update_fields=["updated_at"])
    return item


def update_item(*, actor: Any, item: CollectionItem, note: str) -> CollectionItem:
    from lms.sanitizing import clean_text

    _own(item.collection, actor)
    item.note = clean_text(note)[:1000]
    item.save(update_fields=["note"])
    return item


def remove_item(*, actor: Any, item: CollectionItem) -> None:
    _own(item.collection, actor)
    item.delete()


def move_item(*, actor: Any, item: CollectionItem, offset: int) -> None:
    """Move an item up (offset -1) or down (+1) in its collection."""
    _own(item.collection, actor)
    with transaction.atomic():
        items = list(
            item.collection.items.select_for_update().order_by("position", "pk")
        )
        index = next(i for i, other in enumerate(items) if other.pk == item.pk)
        target = max(0, min(len(items) - 1, index + offset))
        items.insert(target, items.pop(index))
        for position, other in enumerate(items, start=1):
            if other.position != position:
                other.position = position
                other.save(update_fields=["position"])


def may_review_faculty(user: Any, faculty_id: int) -> bool:
    """Whether `user` reviews practices of that faculty (for listings)."""
    return has_role(user, Role.PROGRAMME_ADMIN) or coordinates_faculty(user, faculty_id)


def log_search(*, text: str, found: bool) -> None:
    """Count a search (of the first results page) for the usage reports; no
    person is stored. One upsert, never an error for the searcher."""
    printable = "".join(c for c in text if c.isprintable() or c.isspace())
    limit = SearchLog._meta.get_field("query").max_length
    query = " ".join(printable.lower().split())[:limit]
    if not query:
        return
    table = SearchLog._meta.db_table
    missed = 0 if found else 1
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A usage count is not worth a disk flush on the searcher's time;
            # a crash may lose the last few counts, never anything else.
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # PostgreSQL and SQLite (3.24+) both speak this upsert.
        cursor.execute(
            f"INSERT INTO {table} (day, query, searches, without_results) "  # noqa: S608
            "VALUES (%s, %s, 1, %s) ON CONFLICT (day, query) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"without_results = {table}.without_results + excluded.without_results",
            [timezone.localdate(), query, missed],
        )
