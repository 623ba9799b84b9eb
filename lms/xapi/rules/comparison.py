"""Whether two statements are the same statement (xAPI-Data 2.3.1 "Statement
Comparison Requirements").

Differences that the exceptions to statement immutability could have caused MUST be
ignored (Data 2.3.1.s9.b1); every other difference MUST count (b2). The exceptions:

- properties an LRS assigns: ``id``, ``timestamp`` and ``version`` when one side
  lacks them, ``stored`` and ``authority`` always (b1);
- Activity definitions and a Verb's ``display`` (b2, b3);
- the serialization of timestamps: compared as instants, to the millisecond (b4);
- the order of a Group's members (b5);
- attachments (b6);
- case in case-insensitive values: the domain of an e-mail address, UUIDs and
  language tags (b7).

Used for a re-sent statement id (409 Conflict or a no-op) and for the payload of a
signed statement (Data 2.6.s5.b3.b2). A result's ``duration`` stays a string (b8).
"""

from __future__ import annotations

import json
from datetime import UTC
from typing import Any

from .validation import parse_timestamp

_ALWAYS_IGNORED = ("stored", "authority", "attachments")
_IGNORED_WHEN_MISSING = ("id", "timestamp", "version")


def statements_match(first: dict[str, Any], second: dict[str, Any]) -> bool:
    """True when `first` and `second` are logically the same statement."""
    return _key(first, second) == _key(second, first)


def _key(statement: dict[str, Any], other: dict[str, Any]) -> str:
    kept = {
        key: value
        for key, value in statement.items()
        if key not in _ALWAYS_IGNORED
        and not (key in _IGNORED_WHEN_MISSING and key not in other)
    }
    return json.dumps(_statement(kept), sort_keys=True, separators=(",", ":"))


def _instant(value: Any) -> Any:
    try:
        moment = parse_timestamp(value).astimezone(UTC)
    except (TypeError, ValueError):
        return value
    return moment.replace(microsecond=moment.microsecond // 1000 * 1000).isoformat()


def _uuid(value: Any) -> Any:
    return value.lower() if isinstance(value, str) else value


def _agent(agent: Any) -> Any:
    if not isinstance(agent, dict):
        return agent
    result = dict(agent)
    mbox = result.get("mbox")
    if isinstance(mbox, str) and "@" in mbox:
        local, _, domain = mbox.rpartition("@")
        result["mbox"] = f"{local}@{domain.lower()}"
    if isinstance(result.get("mbox_sha1sum"), str):
        result["mbox_sha1sum"] = result["mbox_sha1sum"].lower()
    if isinstance(result.get("member"), list):
        members = [_agent(member) for member in result["member"]]
        result["member"] = sorted(members, key=lambda m: json.dumps(m, sort_keys=True))
    return result


def _activity(activity: Any) -> Any:
    if not isinstance(activity, dict):
        return activity
    return {key: value for key, value in activity.items() if key != "definition"}


def _object(obj: Any) -> Any:
    if not isinstance(obj, dict):
        return obj
    kind = obj.get("objectType", "Activity")
    if kind in ("Agent", "Group"):
        return _agent(obj)
    if kind == "StatementRef":
        return {**obj, "id": _uuid(obj.get("id"))}
    if kind == "SubStatement":
        inner = {key: value for key, value in obj.items() if key != "attachments"}
        return _statement(inner)
    return _activity(obj)


def _context(context: Any) -> Any:
    if not isinstance(context, dict):
        return context
    result = dict(context)
    for role in ("instructor", "team"):
        if role in result:
            result[role] = _agent(result[role])
    if "registration" in result:
        result["registration"] = _uuid(result["registration"])
    if isinstance(result.get("language"), str):
        result["language"] = result["language"].lower()
    if isinstance(result.get("statement"), dict):
        result["statement"] = _object(result["statement"])
    activities = result.get("contextActivities")
    if isinstance(activities, dict):
        # An LRS returns a single context Activity as an array of one (2.4.6.2).
        result["contextActivities"] = {
            key: [
                _activity(item)
                for item in (value if isinstance(value, list) else [value])
            ]
            for key, value in activities.items()
        }
    return result


def _statement(statement: dict[str, Any]) -> dict[str, Any]:
    result = dict(statement)
    if "id" in result:
        result["id"] = _uuid(result["id"])
    if "actor" in result:
        result["actor"] = _agent(result["actor"])
    if isinstance(result.get("verb"), dict):
        result["verb"] = {k: v for k, v in result["verb"].items() if k != "display"}
    if "object" in result:
        result["object"] = _object(result["object"])
    if "context" in result:
        result["context"] = _context(result["context"])
    if "timestamp" in result:
        result["timestamp"] = _instant(result["timestamp"])
    return result
