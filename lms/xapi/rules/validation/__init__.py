"""Validation of xAPI 1.0.3 statements: pure, data in, `StatementValidationError`
out (`statements.validate_statements` is the entry point)."""

from __future__ import annotations

from .agents import validate_agent
from .keys import (
    COMPONENT_LISTS,
    INTERACTION_TYPES,
    MAX_INDEXED_IRI_LENGTH,
    VOIDED_VERB_ID,
    StatementValidationError,
)
from .statements import validate_statement, validate_statements
from .syntax import (
    is_absolute_iri,
    is_absolute_irl,
    is_iso8601_duration,
    is_language_tag,
    is_uuid,
    parse_timestamp,
)

__all__ = [
    "COMPONENT_LISTS",
    "INTERACTION_TYPES",
    "MAX_INDEXED_IRI_LENGTH",
    "VOIDED_VERB_ID",
    "StatementValidationError",
    "is_absolute_iri",
    "is_absolute_irl",
    "is_iso8601_duration",
    "is_language_tag",
    "is_uuid",
    "parse_timestamp",
    "validate_agent",
    "validate_statement",
    "validate_statements",
]
