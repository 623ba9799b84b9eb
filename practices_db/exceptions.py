"""Errors the practices services raise; each message tells the person what to do."""

from __future__ import annotations


class PracticeError(Exception):
    """Base class: something a person can act on (the message says what)."""


class NotAllowed(PracticeError):
    pass


class NotEditable(PracticeError):
    pass


class InvalidReviewAction(PracticeError):
    pass
