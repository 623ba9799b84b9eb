"""Reads of lms.xapi: stored statements (`statements`) and the forwarding
outbox (`forwarding`); the names below stay importable from here."""

from __future__ import annotations

from .people_and_activities import activity_for, person_for
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
    "activity_for",
    "attachments_of",
    "get_statement",
    "monthly_activity",
    "person_for",
    "query_statements",
    "statements_about_person",
]
