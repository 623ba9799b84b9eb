"""Errors the certification services raise; each message says what to do.

All are `lms.exceptions.DomainError`s: `lms.forms.add_domain_error` shows one on
the field it names, and an API would answer its `status_code`.
"""

from __future__ import annotations

from lms.exceptions import Conflict, DomainError, Forbidden


class CertificationError(DomainError):
    """Base class: something a person can act on."""


class NotAllowed(CertificationError, Forbidden):
    """The person may not do this (or not with this input)."""


class InvalidState(CertificationError, Conflict):
    """The portfolio or assessment is not at the step this action belongs to."""


class NotEligible(CertificationError):
    """The portfolio cannot be submitted yet; `missing` lists what is needed."""

    def __init__(self, message: str, missing: list[str]) -> None:
        super().__init__(message)
        self.missing = missing


class ConflictOfInterest(CertificationError, Forbidden):
    """A candidate never judges their own portfolio; the second and third
    assessors are independent of the candidate's cohort."""


class RubricLocked(CertificationError, Conflict):
    """An assessment uses the rubric: it is frozen."""


class EvidenceRefused(CertificationError):
    """The evidence cannot be added as it is."""


class TooLong(CertificationError):
    """A text is longer than the field keeps: nothing is cut off, it is refused."""
