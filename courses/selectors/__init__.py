"""Reads of the courses app, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

from .linked import linked_content
from .menu import INDEX_URL_CACHE_KEY, INDEX_URL_CACHE_SECONDS, course_index_url
from .progress import (
    CourseCard,
    available_lesson,
    course_of,
    course_progress,
    courses_of,
    lesson_navigation,
    live_lessons,
)

__all__ = [
    "INDEX_URL_CACHE_KEY",
    "INDEX_URL_CACHE_SECONDS",
    "CourseCard",
    "available_lesson",
    "course_index_url",
    "course_of",
    "course_progress",
    "courses_of",
    "lesson_navigation",
    "linked_content",
    "live_lessons",
]
