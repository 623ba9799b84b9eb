"""The learning events of courses (pure: data in, event out).

IRREVERSIBLE: the identities below make the statement ids. One "completed"
statement per person and lesson, and per person and course, ever: marking a
lesson not done and done again records nothing new. Activity IRIs use page ids,
never slugs (a slug changes when a page is renamed).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from lms.xapi.builder import activity_iri
from lms.xapi.data import ActivityRef, LearningEvent, ResultData
from lms.xapi.vocabulary import ActivityTypes, Concept, Verbs


def _ref(
    kind: str, concept: Concept, page_id: int, title: str, language: str
) -> ActivityRef:
    name = title[:200]
    return ActivityRef(
        iri=activity_iri(kind, page_id),
        type=concept,
        name_en=name if language != "nl" else "",
        name_nl=name if language == "nl" else "",
    )


def course_activity(course_id: int, title: str, language: str) -> ActivityRef:
    return _ref("course", ActivityTypes.COURSE, course_id, title, language)


def lesson_activity(lesson_id: int, title: str, language: str) -> ActivityRef:
    return _ref("lesson", ActivityTypes.LESSON, lesson_id, title, language)


def lesson_completed(
    *, actor: uuid.UUID, lesson_id: int, lesson_title: str, course_id: int,
    course_title: str, language: str, at: datetime,
) -> LearningEvent:  # fmt: skip
    """The person marked a lesson of a course as done."""
    return LearningEvent(
        identity=f"lesson-completed:{lesson_id}:{actor}",
        actor_xapi_id=actor,
        verb=Verbs.COMPLETED,
        object=lesson_activity(lesson_id, lesson_title, language),
        timestamp=at,
        parents=(course_activity(course_id, course_title, language),),
        result=ResultData(completion=True),
        language=language,
    )


def course_completed(
    *, actor: uuid.UUID, course_id: int, course_title: str, language: str,
    at: datetime,
) -> LearningEvent:  # fmt: skip
    """The person has every lesson of the course done (first time only)."""
    return LearningEvent(
        identity=f"course-completed:{course_id}:{actor}",
        actor_xapi_id=actor,
        verb=Verbs.COMPLETED,
        object=course_activity(course_id, course_title, language),
        timestamp=at,
        result=ResultData(completion=True),
        language=language,
    )
