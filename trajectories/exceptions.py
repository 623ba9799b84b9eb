"""Errors the trajectories services raise; each message says what to do."""

from __future__ import annotations


class TrajectoryError(Exception):
    """Base class: something a person can act on."""


class NotAllowed(TrajectoryError):
    pass


class EnrolmentClosed(TrajectoryError):
    pass


class CheckInRefused(TrajectoryError):
    pass


class AssignmentLocked(NotAllowed):
    """The assignment does not open until its session has taken place."""


class EvaluationUnavailable(NotAllowed):
    """The session cannot be evaluated now: not ended yet, closed, not attended,
    or it has no questions."""


class AnonymityChanged(EvaluationUnavailable):
    """The participant was told the evaluation is anonymous, and it is not."""


class AlreadyAnswered(NotAllowed):
    """The participant already answered this session's evaluation."""


class InvalidAnswers(TrajectoryError):
    """Answers that do not fit the evaluation's questions; nothing was stored.

    `errors` maps a question key (or "" for the answers as a whole) to messages.
    """

    def __init__(self, errors: dict[str, list[str]]):
        self.errors = errors
        super().__init__(
            "; ".join(message for messages in errors.values() for message in messages)
        )
