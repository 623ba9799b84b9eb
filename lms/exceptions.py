"""The base of every domain error in the suite: something a person can act on.

Services validate and refuse by raising a subclass; they never coerce input into
something else. An error names the `field` it concerns (a form field or API field
name) when there is one, and its `status_code` says how the API answers it. One DRF
exception handler (`lms.api.exception_handler`) and one form helper
(`lms.forms.add_domain_error`) turn these into field errors, so no view maps them.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """Refused: the message says what to do; `field` says where, if anywhere."""

    status_code = 400

    def __init__(self, message: Any = "", *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field

    def as_errors(self) -> dict[str, list[str]]:
        """{field or "detail": [message]}: the shape of a DRF validation error."""
        return {self.field or "detail": [str(self.message)]}


class Forbidden(DomainError):
    """The person may not do this."""

    status_code = 403


class NotFound(DomainError):
    """The thing does not exist, or not for this person."""

    status_code = 404


class Conflict(DomainError):
    """The thing changed, or was already done: nothing was stored."""

    status_code = 409
