"""Errors the courses services raise; each message says what to do."""

from __future__ import annotations

from lms.exceptions import DomainError, Forbidden, NotFound


class CoursesError(DomainError):
    """Base class: something a person can act on."""


class NotAllowed(CoursesError, Forbidden):
    pass


class LessonNotAvailable(CoursesError, NotFound):
    pass
