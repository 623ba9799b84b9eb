"""The `format` parameter of statement GETs: exact, ids or canonical."""

from __future__ import annotations

from typing import Any

from .normalisation import context_activities_as_arrays

IFI_PROPERTIES = ("mbox", "mbox_sha1sum", "openid", "account")


def _agent_ids(agent: dict[str, Any]) -> dict[str, Any]:
    reduced = {
        k: v for k, v in agent.items() if k in IFI_PROPERTIES or k == "objectType"
    }
    if "member" in agent and not any(k in agent for k in IFI_PROPERTIES):
        reduced["member"] = [_agent_ids(m) for m in agent["member"]]
    return reduced


def _object_ids(obj: dict[str, Any]) -> dict[str, Any]:
    kind = obj.get("objectType", "Activity")
    if kind in ("Agent", "Group"):
        return _agent_ids(obj)
    if kind == "SubStatement":
        return _statement_ids(obj)
    if kind == "StatementRef":
        return {"objectType": "StatementRef", "id": obj["id"]}
    # Communication 2.1.3 `ids`: an Activity is identified by its id alone (the
    # objectType is optional and "Activity" by default), wherever it appears.
    return {"id": obj["id"]}


def _context_ids(context: dict[str, Any]) -> dict[str, Any]:
    context = dict(context)
    for role in ("instructor", "team"):
        if role in context:
            context[role] = _agent_ids(context[role])
    if "contextActivities" in context:
        context["contextActivities"] = {
            key: [_object_ids(a) for a in value]
            for key, value in context["contextActivities"].items()
        }
    return context


def _statement_ids(statement: dict[str, Any]) -> dict[str, Any]:
    result = dict(statement)
    result["actor"] = _agent_ids(statement["actor"])
    result["verb"] = {"id": statement["verb"]["id"]}
    result["object"] = _object_ids(statement["object"])
    if "authority" in statement:
        result["authority"] = _agent_ids(statement["authority"])
    if "context" in statement:
        result["context"] = _context_ids(statement["context"])
    return result


def _pick_language(value: dict[str, str], languages: list[str]) -> dict[str, str]:
    for wanted in languages:
        for tag, text in value.items():
            if (
                tag.lower() == wanted.lower()
                or tag.lower().split("-")[0] == wanted.lower()
            ):
                return {tag: text}
    first = next(iter(value.items()), None)
    return {first[0]: first[1]} if first else {}


LANGUAGE_MAP_KEYS = frozenset({"display", "name", "description"})


def _canonical(value: Any, languages: list[str], key: str = "") -> Any:
    if isinstance(value, dict):
        if key in LANGUAGE_MAP_KEYS and all(isinstance(v, str) for v in value.values()):
            return _pick_language(value, languages)
        if key == "extensions":
            return value
        return {k: _canonical(v, languages, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v, languages, key) for v in value]
    return value


def apply_format(
    statement: dict[str, Any], fmt: str, languages: list[str]
) -> dict[str, Any]:
    """`statement` as the requested format returns it."""
    statement = context_activities_as_arrays(statement)
    if fmt == "ids":
        return _statement_ids(statement)
    if fmt == "canonical":
        return dict(_canonical(statement, languages))
    return statement
