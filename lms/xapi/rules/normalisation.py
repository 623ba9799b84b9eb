"""The shape in which the LRS keeps and returns a statement (pure functions).

Data 2.4.6.2.s4.b3/b4: "The LRS MUST return every value in the contextActivities
Object as an array, even if it arrived as a single Activity Object" and "MUST
return single Activity Objects as an array of length one containing the same
Activity." Statements are stored in that shape; rows stored before this rule was
applied are brought into it when they are read, so every `format` answers arrays.
"""

from __future__ import annotations

from typing import Any


def _context(context: dict[str, Any]) -> dict[str, Any]:
    activities = context.get("contextActivities")
    if not isinstance(activities, dict) or all(
        isinstance(value, list) for value in activities.values()
    ):
        return context
    return {
        **context,
        "contextActivities": {
            key: value if isinstance(value, list) else [value]
            for key, value in activities.items()
        },
    }


def context_activities_as_arrays(statement: dict[str, Any]) -> dict[str, Any]:
    """`statement` with every contextActivities value an array, in its own context
    and in a SubStatement's; the same object when nothing needs to change."""
    result = statement
    context = statement.get("context")
    if isinstance(context, dict):
        normalised = _context(context)
        if normalised is not context:
            result = {**result, "context": normalised}
    obj = statement.get("object")
    if isinstance(obj, dict) and obj.get("objectType") == "SubStatement":
        inner = context_activities_as_arrays(obj)
        if inner is not obj:
            result = {**result, "object": inner}
    return result
