"""Validation of xAPI 1.0.3 statements against the MUST rules of the specification.

Each rule cites the section of xAPI-Data.md ("Data 2.4.2.1") it enforces. The first
rule broken raises `StatementValidationError`, whose `path` points at the offending
value (``statements[3].actor.mbox``) and whose `message` says what the rule is.

SHOULD* rules ("implement as though they were MUST", xAPI-About 2.1) are enforced
too: unknown properties and duplicate statement ids in one batch are rejected.
"""

from __future__ import annotations

from typing import Any

from .activities import _activity, _statement_ref, _verb
from .agents import _actor, _agent, _authority, _group, _ifis
from .context import _attachments, _context, _result
from .keys import (
    _NOT_IN_SUBSTATEMENT,
    _OBJECT_TYPES,
    _STATEMENT_KEYS,
    _SUBSTATEMENT_KEYS,
    VOIDED_VERB_ID,
)
from .syntax import _VERSION_RE
from .values import (
    _fail,
    _json_type,
    _no_nulls,
    _object,
    _only,
    _required,
    _string,
    _timestamp,
    _uuid,
)


def _object_property(value: object, path: str, *, in_substatement: bool) -> str:
    """Data 2.4.4: Activity (default), Agent, Group, StatementRef or SubStatement."""
    obj = _object(value, path, "object")
    object_type = obj.get("objectType", "Activity")
    if "objectType" in obj:
        _string(object_type, f"{path}.objectType", "objectType")
    elif _ifis(obj) or "member" in obj:
        # Data 2.4.4.2.s1.b1
        _fail(
            f"{path}.objectType",
            "an Agent or Group used as the object must have objectType "
            "'Agent' or 'Group'",
        )
    if object_type == "Activity":
        _activity(obj, path)
    elif object_type == "Agent":
        _agent(obj, path)
    elif object_type == "Group":
        _group(obj, path)
    elif object_type == "StatementRef":
        _statement_ref(obj, path)
    elif object_type == "SubStatement":
        if in_substatement:
            _fail(path, "a SubStatement must not contain another SubStatement")
        _statement(obj, path, substatement=True)
    else:
        _fail(
            f"{path}.objectType",
            f"objectType must be one of {', '.join(_OBJECT_TYPES)} (case-sensitive), "
            f"got {object_type!r}",
        )
    return str(object_type)


def _statement(obj: dict[str, Any], path: str, *, substatement: bool) -> None:
    what = "a SubStatement" if substatement else "a Statement"
    if substatement:
        for key in _NOT_IN_SUBSTATEMENT:
            if key in obj:
                _fail(f"{path}.{key}", f"a SubStatement must not have {key!r}")
    _only(obj, path, _SUBSTATEMENT_KEYS if substatement else _STATEMENT_KEYS, what)
    for key in ("actor", "verb", "object"):  # Data 2.2.s2.b3
        _required(obj, path, key, what)
    if "id" in obj:
        _uuid(obj["id"], f"{path}.id", "statement id")
    _actor(obj["actor"], f"{path}.actor", "actor")
    verb_id = _verb(obj["verb"], f"{path}.verb")
    object_type = _object_property(
        obj["object"], f"{path}.object", in_substatement=substatement
    )
    if verb_id == VOIDED_VERB_ID and object_type != "StatementRef":
        # Data 2.3.2.s2.b1
        _fail(
            f"{path}.object",
            f"a voiding statement (verb {VOIDED_VERB_ID}) must have a StatementRef "
            f"object, not {object_type!r}",
        )
    if "result" in obj:
        _result(obj["result"], f"{path}.result")
    if "context" in obj:
        _context(obj["context"], f"{path}.context", object_type)
    if "timestamp" in obj:
        _timestamp(obj["timestamp"], f"{path}.timestamp", "timestamp")
    if "stored" in obj:
        _timestamp(obj["stored"], f"{path}.stored", "stored")
    if "authority" in obj:
        _authority(obj["authority"], f"{path}.authority")
    if "version" in obj:
        version = _string(obj["version"], f"{path}.version", "version")
        if not _VERSION_RE.fullmatch(version):  # Data 2.4.10.s3.b2
            _fail(
                f"{path}.version",
                f"version must be 1.0 or start with '1.0.' (xAPI 1.0.x), "
                f"got {version!r}",
            )
    if "attachments" in obj:
        _attachments(obj["attachments"], f"{path}.attachments")


def validate_statement(data: object, *, path: str = "statement") -> None:
    """Raise StatementValidationError for the first MUST rule `data` breaks."""
    statement = _object(data, path, "a statement")
    _no_nulls(statement, path)
    _statement(statement, path, substatement=False)


def validate_statements(data: object) -> list[dict[str, Any]]:
    """Validate the body of PUT/POST /statements: one statement or an array.

    Returns the statements as a list. An empty array is valid and yields [] (the
    spec is silent on it; nothing is stored). Ids must be unique within a batch
    (Communication 2.1.2.s2.b6, a SHOULD*).
    """
    if isinstance(data, dict):
        validate_statement(data, path="statement")
        return [data]
    if not isinstance(data, list):
        _fail(
            "statements",
            f"expected a statement object or an array of statements, "
            f"not {_json_type(data)}",
        )
    seen: dict[str, int] = {}
    for index, item in enumerate(data):
        path = f"statements[{index}]"
        if not isinstance(item, dict):
            _fail(path, f"each statement must be a JSON object, not {_json_type(item)}")
        validate_statement(item, path=path)
        if "id" in item:
            key = item["id"].lower()
            if key in seen:
                _fail(
                    f"{path}.id",
                    f"statement id {item['id']!r} is also used by "
                    f"statements[{seen[key]}]; ids must be unique within a batch",
                )
            seen[key] = index
    return data
