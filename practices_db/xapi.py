"""The learning events of the practices database (pure: data in, event out).

Statement identities below are irreversible: changing one makes already
recorded events count twice.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from lms.xapi.builder import activity_iri
from lms.xapi.data import ActivityRef, LearningEvent
from lms.xapi.vocabulary import ActivityTypes, Concept, Verbs


def practice_activity(page_id: int, title: str) -> ActivityRef:
    """The practice as an xAPI activity; the IRI uses the page id, never the slug."""
    return ActivityRef(
        iri=activity_iri("practice", page_id),
        type=ActivityTypes.PRACTICE,
        name_en=title[:200],
        name_nl=title[:200],
    )


def _event(
    identity: str,
    verb: Concept,
    *,
    actor: uuid.UUID,
    page_id: int,
    title: str,
    language: str,
    at: datetime,
) -> LearningEvent:
    return LearningEvent(
        identity=identity,
        actor_xapi_id=actor,
        verb=verb,
        object=practice_activity(page_id, title),
        timestamp=at,
        language=language,
    )


def shared(
    *, actor: uuid.UUID, page_id: int, revision_id: int, title: str, language: str,
    at: datetime,
) -> LearningEvent:  # fmt: skip
    """The author submitted (this revision of) a practice for review."""
    return _event(
        f"practice-shared:{page_id}:{revision_id}", Verbs.SHARED, actor=actor,
        page_id=page_id, title=title, language=language, at=at,
    )  # fmt: skip


def published(
    *, actor: uuid.UUID, page_id: int, revision_id: int, title: str, language: str,
    at: datetime,
) -> LearningEvent:  # fmt: skip
    """The author's practice was published after review (actor: the author)."""
    return _event(
        f"practice-published:{page_id}:{revision_id}", Verbs.PUBLISHED, actor=actor,
        page_id=page_id, title=title, language=language, at=at,
    )  # fmt: skip


def viewed(
    *, actor: uuid.UUID, page_id: int, title: str, language: str, at: datetime
) -> LearningEvent:
    """A signed-in person viewed a practice (one statement per person, page and day)."""
    return _event(
        f"practice-viewed:{actor}:{page_id}:{at.date().isoformat()}", Verbs.VIEWED,
        actor=actor, page_id=page_id, title=title, language=language, at=at,
    )  # fmt: skip


def bookmarked(
    *, actor: uuid.UUID, page_id: int, bookmark_id: int, title: str, language: str,
    at: datetime,
) -> LearningEvent:  # fmt: skip
    return _event(
        f"practice-bookmarked:{bookmark_id}", Verbs.BOOKMARKED, actor=actor,
        page_id=page_id, title=title, language=language, at=at,
    )  # fmt: skip


def adopted(
    *, actor: uuid.UUID, page_id: int, adoption_id: int, title: str, language: str,
    at: datetime,
) -> LearningEvent:  # fmt: skip
    """A lecturer used the practice in their teaching (the note stays out)."""
    return _event(
        f"practice-adopted:{adoption_id}", Verbs.ADOPTED_PRACTICE, actor=actor,
        page_id=page_id, title=title, language=language, at=at,
    )  # fmt: skip
