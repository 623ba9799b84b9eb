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
