"""Errors of lms.xapi, each answered with its HTTP status by the LRS views."""

from __future__ import annotations

from lms import exceptions


class XapiError(exceptions.DomainError):
    """An LRS request refused; `status` is the HTTP status it is answered with."""

    status_code = 400

    @property
    def status(self) -> int:
        return self.status_code


class StatementConflict(XapiError, exceptions.Conflict):
    """A statement id already stored with different content (409)."""

    status_code = 409


class BadRequest(XapiError):
    status_code = 400


class NotFound(XapiError, exceptions.NotFound):
    status_code = 404


class XapiForbidden(XapiError, exceptions.Forbidden):
    """Credentials without the scope the request needs (403)."""

    status_code = 403


class XapiTooLarge(XapiError):
    """A body or batch over the configured limits (413)."""

    status_code = 413


class PreconditionFailed(XapiError):
    """If-Match or If-None-Match does not hold for the stored document (412)."""

    status_code = 412


class DocumentConflict(XapiError, exceptions.Conflict):
    """A PUT to an existing profile document without a concurrency header (409)."""

    status_code = 409
