"""The frontend's pages, one module per area. The error handlers stay importable
from here: the host names them (`handler403 = frontend.views.permission_denied`,
`CSRF_FAILURE_VIEW = "frontend.views.csrf_failure"`)."""

from __future__ import annotations

from .errors import csrf_failure, page_not_found, permission_denied, server_error

__all__ = ["csrf_failure", "page_not_found", "permission_denied", "server_error"]
