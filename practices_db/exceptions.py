"""Errors the practices services raise; each message tells the person what to do."""

from __future__ import annotations

from lms.exceptions import Conflict, DomainError, Forbidden


class PracticeError(DomainError):
    """Base class: something a person can act on (the message says what)."""


class NotAllowed(PracticeError, Forbidden):
    """The person may not do this (not theirs, not their role, not published)."""


class NotEditable(PracticeError, Conflict):
    """The practice is in a state that does not allow this now."""


class InvalidReviewAction(PracticeError):
    """The review action is not open to this reviewer now, or lacks a comment."""


class ReviewOutdated(PracticeError):
    """The practice moved on (another reviewer decided, or the author changed
    it) since the reviewer opened it: their decision is not taken."""


class TooLong(PracticeError):
    """A text is longer than its field holds (nothing is cut off silently)."""
