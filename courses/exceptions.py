"""Errors the courses services raise; each message says what to do."""

from __future__ import annotations


class CoursesError(Exception):
    """Base class: something a person can act on."""


class NotAllowed(CoursesError):
    pass


class LessonNotAvailable(CoursesError):
    pass
