"""The frontend's domain errors: refusals a person can act on."""

from __future__ import annotations

from lms.exceptions import DomainError, Forbidden


class FrontendError(DomainError):
    """Base of the frontend's refusals."""


class ReportNotAllowed(FrontendError, Forbidden):
    """The person may not request the yearly report of that faculty (or of the
    whole institution)."""
