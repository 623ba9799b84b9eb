"""Frozen shapes the courses app hands to pages, other apps and tasks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class LessonProgress:
    """One live lesson of a course, and whether the person marked it done."""

    lesson_id: int
    number: int  # 1-based position in the course
    title: str
    summary: str
    url: str
    done: bool


@dataclass(frozen=True)
class CourseProgress:
    """A person's progress through the live lessons of a course, in order."""

    course_id: int
    lessons: tuple[LessonProgress, ...]
    # When the person first had every lesson done (kept if a lesson is undone).
    completed_at: datetime | None = None

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(1 for lesson in self.lessons if lesson.done)

    @property
    def all_done(self) -> bool:
        return self.total > 0 and self.done == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def next_lesson(self) -> LessonProgress | None:
        """The first lesson not done yet (where to continue)."""
        return next((lesson for lesson in self.lessons if not lesson.done), None)

    def lesson(self, lesson_id: int) -> LessonProgress | None:
        return next((x for x in self.lessons if x.lesson_id == lesson_id), None)

    def neighbours(
        self, lesson_id: int
    ) -> tuple[LessonProgress | None, LessonProgress | None]:
        """The live lessons before and after `lesson_id` (None at either end)."""
        ids = [lesson.lesson_id for lesson in self.lessons]
        if lesson_id not in ids:
            return None, None
        index = ids.index(lesson_id)
        previous = self.lessons[index - 1] if index > 0 else None
        following = self.lessons[index + 1] if index + 1 < len(ids) else None
        return previous, following


@dataclass(frozen=True)
class LinkedContent:
    """A live course or lesson linked from elsewhere (a session plan), with how
    much of it the person has done."""

    page_id: int
    kind: str  # "course" or "lesson"
    title: str
    url: str
    lessons_done: int  # a lesson: 1 when done, else 0
    lessons_total: int  # a lesson: 1

    @property
    def done(self) -> bool:
        return self.lessons_total > 0 and self.lessons_done == self.lessons_total


@dataclass(frozen=True)
class PageVisit:
    """A person's visit to a page, as the rule `engage_courses.view_lesson` sees
    it: the page and what the visit's session holds (the view restrictions whose
    password the person gave are remembered there)."""

    page: Any
    session: Mapping[str, Any] = field(default_factory=dict)
