"""Errors the trajectories services raise; each message says what to do.

Every error is a `lms.exceptions.DomainError`: `status_code` says how the API
answers it (through `lms.api.exception_handler`), `field` which input it concerns
(`lms.forms.add_domain_error` shows it on that form field).
"""

from __future__ import annotations

from typing import Any

from lms.exceptions import Conflict, DomainError, Forbidden, NotFound


class TrajectoryError(DomainError):
    """Base class: something a person can act on (400 unless a subclass says)."""


class NotAllowed(TrajectoryError):
    """Refused: not this person's to do, or not possible in the present state."""


class NotYours(NotAllowed, Forbidden):
    """Only someone else (the author, the cohort's coaches, the programme team)
    may do this (403)."""


class InvalidEntry(NotAllowed):
    """A journal entry names a session, assignment or section its journal does
    not have; `field` is "session", "assignment" or "sections"."""


class StaleEntry(Conflict, TrajectoryError):
    """The entry's content was saved elsewhere (another window, tab or device)
    after the version this edit started from: nothing was stored (409, on the
    field "version"). `current_version` is the entry's version now; sending the
    edit again with it keeps this text over the other."""

    def __init__(self, message: Any, *, current_version: int) -> None:
        super().__init__(message, field="version")
        self.current_version = current_version


class EnrolmentClosed(TrajectoryError):
    pass


class CheckInRefused(TrajectoryError):
    pass


class InvalidAttendance(NotAllowed):
    """A batch of attendance marks names a status or participant the session does
    not have; nothing was stored."""


class AssignmentLocked(NotAllowed):
    """The assignment does not open until its session has taken place."""


class NotParticipant(NotAllowed, NotFound):
    """Not a participant of the session's cohort: for them the evaluation does not
    exist (404)."""


class EvaluationUnavailable(NotAllowed):
    """The session cannot be evaluated now: not ended yet, closed, not attended,
    or it has no questions."""


class _ConflictText(Conflict):
    """Answered {"detail": message} with 409: nothing was stored."""

    def as_errors(self) -> dict[str, list[str]]:
        return {"detail": str(self.message)}  # type: ignore[dict-item]


class AnonymityChanged(_ConflictText, EvaluationUnavailable):
    """The participant was told the evaluation is anonymous, and it is not."""

    status_code = 409


class AlreadyAnswered(_ConflictText, NotAllowed):
    """The participant already answered this session's evaluation."""

    status_code = 409


class InvalidAnswers(TrajectoryError):
    """Answers that do not fit the evaluation's questions; nothing was stored.

    `errors` maps a question key (or "" for the answers as a whole) to messages.
    """

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(
            "; ".join(message for messages in errors.values() for message in messages),
            field="answers",
        )

    def as_errors(self) -> dict[str, list[str]]:
        """{"answers": [message]} for the answers as a whole, else
        {"answers": {question key: [message]}}."""
        general = self.errors.get("", [])
        if general:
            return {"answers": general}
        return {"answers": {k: v for k, v in self.errors.items() if k}}  # type: ignore[dict-item]
