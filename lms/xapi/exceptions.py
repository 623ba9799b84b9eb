"""Errors of lms.xapi, each mapped to an HTTP status by the LRS views."""

from __future__ import annotations


class XapiError(Exception):
    status = 400


class StatementConflict(XapiError):
    """A statement id already stored with different content (409)."""

    status = 409


class BadRequest(XapiError):
    status = 400


class NotFound(XapiError):
    status = 404


class XapiForbidden(XapiError):
    """Credentials without the scope the request needs (403)."""

    status = 403


class XapiTooLarge(XapiError):
    """A body or batch over the configured limits (413)."""

    status = 413
