"""Courses and lessons (Wagtail pages) and who completed them."""

from __future__ import annotations

from .completion import CourseCompletion, LessonCompletion
from .pages import CourseIndexPage, CourseLanguage, CoursePage, LessonPage

__all__ = [
    "CourseCompletion",
    "CourseIndexPage",
    "CourseLanguage",
    "CoursePage",
    "LessonCompletion",
    "LessonPage",
]
