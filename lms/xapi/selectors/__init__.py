"""Reads of lms.xapi: stored statements (`statements`) and the forwarding
outbox (`forwarding`); the names below stay importable from here."""

from __future__ import annotations

from .statements import (
    StatementQuery,
    attachments_of,
    get_statement,
    monthly_activity,
    query_statements,
    statements_about_person,
)

__all__ = [
    "StatementQuery",
    "attachments_of",
    "get_statement",
    "monthly_activity",
    "query_statements",
    "statements_about_person",
]
