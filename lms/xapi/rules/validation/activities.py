"""Rules of the verb, Activities and StatementRefs (Data 2.4.3, 2.4.4)."""

from __future__ import annotations

from typing import Any

from .keys import (
    _ACTIVITY_DEFINITION_KEYS,
    _ALL_COMPONENT_LISTS,
    COMPONENT_LISTS,
    INTERACTION_TYPES,
    MAX_INDEXED_IRI_LENGTH,
)
from .values import (
    _array,
    _extensions,
    _fail,
    _iri,
    _irl,
    _language_map,
    _object,
    _only,
    _required,
    _string,
    _uuid,
)


def _indexable(value: object, path: str, what: str) -> None:
    if isinstance(value, str) and len(value) > MAX_INDEXED_IRI_LENGTH:
        _fail(path, f"{what} must be at most {MAX_INDEXED_IRI_LENGTH} characters long")


def _verb(value: object, path: str) -> str:
    verb = _object(value, path, "verb")
    _only(verb, path, frozenset({"id", "display"}), "a Verb")
    verb_id = _required(verb, path, "id", "a Verb")
    _iri(verb_id, f"{path}.id", "verb id")
    _indexable(verb_id, f"{path}.id", "verb id")
    if "display" in verb:
        _language_map(verb["display"], f"{path}.display", "verb display")
    return str(verb_id)


def _interaction_components(value: object, path: str, key: str) -> None:
    """Data 2.4.4.1.s15-s16: objects with a string id, ids distinct per list."""
    seen: set[str] = set()
    for index, item in enumerate(_array(value, path, key)):
        where = f"{path}[{index}]"
        component = _object(item, where, "an interaction component")
        what = "an interaction component"
        _only(component, where, frozenset({"id", "description"}), what)
        raw_id = _required(component, where, "id", what)
        component_id = _string(raw_id, f"{where}.id", "interaction component id")
        if component_id in seen:
            _fail(f"{where}.id", f"interaction component id {component_id!r} repeats")
        seen.add(component_id)
        if "description" in component:
            _language_map(
                component["description"],
                f"{where}.description",
                "interaction component description",
            )


def _activity_definition(value: object, path: str) -> None:
    definition = _object(value, path, "an Activity definition")
    _only(definition, path, _ACTIVITY_DEFINITION_KEYS, "an Activity definition")
    for key in ("name", "description"):
        if key in definition:
            _language_map(definition[key], f"{path}.{key}", f"definition {key}")
    if "type" in definition:
        _iri(definition["type"], f"{path}.type", "Activity type")
    if "moreInfo" in definition:
        _irl(definition["moreInfo"], f"{path}.moreInfo", "moreInfo")
    interaction_type = definition.get("interactionType")
    if "interactionType" in definition:
        _string(interaction_type, f"{path}.interactionType", "interactionType")
        if interaction_type not in INTERACTION_TYPES:
            _fail(
                f"{path}.interactionType",
                f"interactionType must be one of {', '.join(INTERACTION_TYPES)} "
                f"(case-sensitive), got {interaction_type!r}",
            )
    if "correctResponsesPattern" in definition:
        where = f"{path}.correctResponsesPattern"
        if interaction_type is None:
            _fail(where, "correctResponsesPattern requires an interactionType")
        patterns = _array(
            definition["correctResponsesPattern"], where, "correctResponsesPattern"
        )
        for index, item in enumerate(patterns):
            _string(item, f"{where}[{index}]", "each correct response pattern")
    for key in _ALL_COMPONENT_LISTS:
        if key not in definition:
            continue
        if interaction_type is None:
            _fail(f"{path}.{key}", f"{key} requires an interactionType")
        supported = COMPONENT_LISTS.get(str(interaction_type), ())
        if key not in supported:
            allowed = ", ".join(supported) or "no component lists"
            _fail(
                f"{path}.{key}",
                f"{key} is not allowed with interactionType {interaction_type!r} "
                f"(it takes {allowed})",
            )
        _interaction_components(definition[key], f"{path}.{key}", key)
    if "extensions" in definition:
        _extensions(definition["extensions"], f"{path}.extensions")


def _activity(obj: dict[str, Any], path: str) -> None:
    """Data 2.4.4.1: objectType 'Activity' when present, id an IRI."""
    if obj.get("objectType", "Activity") != "Activity":
        _fail(f"{path}.objectType", "objectType of an Activity must be 'Activity'")
    _only(obj, path, frozenset({"objectType", "id", "definition"}), "an Activity")
    activity_id = _required(obj, path, "id", "an Activity")
    _iri(activity_id, f"{path}.id", "Activity id")
    _indexable(activity_id, f"{path}.id", "Activity id")
    if "definition" in obj:
        _activity_definition(obj["definition"], f"{path}.definition")


def _statement_ref(value: object, path: str) -> None:
    """Data 2.4.4.3.s4: objectType 'StatementRef' and the UUID of a statement."""
    ref = _object(value, path, "a Statement Reference")
    _only(ref, path, frozenset({"objectType", "id"}), "a Statement Reference")
    object_type = _required(ref, path, "objectType", "a Statement Reference")
    if object_type != "StatementRef":
        _fail(
            f"{path}.objectType",
            f"objectType of a Statement Reference must be 'StatementRef', "
            f"got {object_type!r}",
        )
    ref_id = _required(ref, path, "id", "a Statement Reference")
    _uuid(ref_id, f"{path}.id", "StatementRef id")
