"""Errors the certification services raise; each message says what to do."""

from __future__ import annotations


class CertificationError(Exception):
    """Base class: something a person can act on."""


class NotAllowed(CertificationError):
    pass


class InvalidState(CertificationError):
    """The portfolio or assessment is not at the step this action belongs to."""


class NotEligible(CertificationError):
    """The portfolio cannot be submitted yet; `missing` lists what is needed."""

    def __init__(self, message: str, missing: list[str]) -> None:
        super().__init__(message)
        self.missing = missing


class ConflictOfInterest(CertificationError):
    pass


class RubricLocked(CertificationError):
    pass


class EvidenceRefused(CertificationError):
    pass
