"""Using a published practice: bookmarks, "I used this" and views."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.sanitizing import clean_text
from lms.xapi.services import record

from .. import xapi as events
from ..exceptions import NotAllowed
from ..models import Adoption, Bookmark, PracticePage
from ..permissions import SHARE
from ..rules.limits import within
from . import indexing


def require_live(page: PracticePage) -> None:
    if not page.live:
        raise NotAllowed(_("Only published practices can be bookmarked or used."))


def set_bookmark(*, user: Any, page: PracticePage, bookmarked: bool) -> bool:
    """Bookmark or un-bookmark a published practice; returns the new state."""
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Sign in to bookmark practices."))
    require_live(page)
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
    if not user.has_perm(SHARE):
        raise NotAllowed(_("Sign in as a lecturer to say you used a practice."))
    require_live(page)
    with transaction.atomic():
        adoption, created = Adoption.objects.update_or_create(
            user=user,
            practice=page,
            defaults={"note": within(clean_text(note), limit=500, field="note")},
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
