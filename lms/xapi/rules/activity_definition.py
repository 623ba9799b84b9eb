"""The full Activity of the Activities resource (Communication 2.5), merged from
the definitions stored statements carry (pure: data in, Activity out).

Data 2.4.4.1.s4.b3-b5: upon a different definition an LRS "SHOULD update the
stored Activity Definition accordingly" when it trusts the provider, "MAY make
small corrections" and "SHOULD NOT make significant changes ... e.g. changes to
correct responses". This LRS trusts every client (each is created by an
administrator), so, oldest statement first:

- `name`, `description` and `extensions` are merged key by key, the newer value
  winning (a language added later is kept beside the earlier ones);
- `type` and `moreInfo` take the newer value;
- the interaction (`interactionType`, `correctResponsesPattern` and the component
  lists) is the first one received and is never changed afterwards.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

MERGED_MAPS = ("name", "description", "extensions")
INTERACTION_PROPERTIES = (
    "interactionType",
    "correctResponsesPattern",
    "choices",
    "scale",
    "source",
    "target",
    "steps",
)


def _context_activities(context: Any) -> Iterator[dict[str, Any]]:
    if not isinstance(context, dict):
        return
    for value in (context.get("contextActivities") or {}).values():
        for activity in value if isinstance(value, list) else [value]:
            if isinstance(activity, dict):
                yield activity


def activities_in(statement: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Every Activity a statement mentions: its object, its context activities,
    and those of its SubStatement."""
    obj = statement.get("object") or {}
    kind = obj.get("objectType", "Activity")
    if kind == "Activity":
        yield obj
    yield from _context_activities(statement.get("context"))
    if kind == "SubStatement":
        yield from activities_in(obj)


def merge_definition(stored: dict[str, Any], newer: dict[str, Any]) -> dict[str, Any]:
    """The definition the LRS keeps after `newer` arrives for `stored`."""
    result = dict(stored)
    has_interaction = any(key in stored for key in INTERACTION_PROPERTIES)
    for key, value in newer.items():
        if key in MERGED_MAPS and isinstance(value, dict):
            result[key] = {**(stored.get(key) or {}), **value}
        elif key in INTERACTION_PROPERTIES:
            if not has_interaction:
                result[key] = value
        else:
            result[key] = value
    return result


def full_activity(iri: str, statements: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The Activity `iri` with the definition merged from `statements`, oldest
    first. Without any definition it is the Activity Object with its id only
    (Communication 2.5.s2.b1: the LRS still returns an Activity Object)."""
    definition: dict[str, Any] = {}
    for statement in statements:
        for activity in activities_in(statement):
            given = activity.get("definition")
            if activity.get("id") == iri and isinstance(given, dict):
                definition = merge_definition(definition, given)
    result: dict[str, Any] = {"objectType": "Activity", "id": iri}
    if definition:
        result["definition"] = definition
    return result
