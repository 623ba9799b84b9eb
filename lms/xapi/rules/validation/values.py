"""Small checks the rules share: one JSON value of the expected type and
format, or `StatementValidationError` naming its path."""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from .keys import StatementValidationError
from .syntax import (
    is_absolute_iri,
    is_absolute_irl,
    is_language_tag,
    is_uuid,
    parse_timestamp,
)


def _fail(path: str, message: str) -> NoReturn:
    raise StatementValidationError(path, message)


def _child(path: str, key: object) -> str:
    """`path.key`, or `path["key"]` for keys such as en-US or IRIs."""
    name = str(key)
    return f"{path}.{name}" if name.isidentifier() else f"{path}[{json.dumps(name)}]"


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object" if isinstance(value, dict) else type(value).__name__


def _object(value: object, path: str, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        _fail(path, f"{what} must be a JSON object, not {_json_type(value)}")
    for key in value:
        if not isinstance(key, str):
            _fail(path, f"{what} has a property name that is not a string: {key!r}")
    return value


def _array(value: object, path: str, what: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(path, f"{what} must be an array, not {_json_type(value)}")
    return value


def _string(value: object, path: str, what: str) -> str:
    if not isinstance(value, str):
        _fail(path, f"{what} must be a string, not {_json_type(value)}")
    return value


def _boolean(value: object, path: str, what: str) -> None:
    if not isinstance(value, bool):
        _fail(path, f"{what} must be true or false, not {_json_type(value)}")


def _number(value: object, path: str, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        _fail(path, f"{what} must be a number, not {_json_type(value)}")
    if not math.isfinite(value):
        _fail(path, f"{what} must be a finite number")
    return float(value)


def _only(obj: dict[str, Any], path: str, allowed: frozenset[str], what: str) -> None:
    """Data 2.2.s4.b1.b7 (and SHOULD* 2.2.s4.b8): no properties the spec lacks."""
    for key in obj:
        if key in allowed:
            continue
        names = ", ".join(sorted(allowed))
        same_but_case = [name for name in allowed if name.lower() == key.lower()]
        hint = (
            f"; property names are case-sensitive, use {same_but_case[0]!r}"
            if same_but_case
            else ""
        )
        _fail(
            _child(path, key),
            f"{key!r} is not a property of {what} (allowed: {names}){hint}",
        )


def _required(obj: dict[str, Any], path: str, key: str, what: str) -> Any:
    if key not in obj:
        _fail(f"{path}.{key}", f"{key} is required in {what}")
    return obj[key]


def _iri(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_absolute_iri(value):
        _fail(path, f"{what} must be an absolute IRI with a scheme, got {value!r}")


def _irl(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_absolute_irl(value):
        example = "https://example.com/"
        _fail(path, f"{what} must be an absolute IRL like {example}, got {value!r}")


def _uuid(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_uuid(value):
        _fail(
            path,
            f"{what} must be a UUID in standard form "
            f"(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx), got {value!r}",
        )


def _language_tag(value: object, path: str, what: str) -> None:
    _string(value, path, what)
    if not is_language_tag(value):
        _fail(path, f"{what} must be an RFC 5646 language tag, got {value!r}")


def _language_map(value: object, path: str, what: str) -> None:
    """Data 4.2: keys RFC 5646 tags (2.2.s4.b2), values strings; not empty."""
    mapping = _object(value, path, f"{what} (a language map)")
    if not mapping:
        _fail(path, f"{what} must be a language map with at least one entry")
    for tag, text in mapping.items():
        if not is_language_tag(tag):
            _fail(path, f"{what} has {tag!r} as key, which is not an RFC 5646 tag")
        _string(text, _child(path, tag), f"each value of {what}")


def _extensions(value: object, path: str) -> None:
    """Data 4.1.s3: keys MUST be IRIs; values are never grounds for rejection."""
    mapping = _object(value, path, "extensions")
    for key in mapping:
        if not is_absolute_iri(key):
            _fail(path, f"extension key {key!r} must be an absolute IRI with a scheme")


def _timestamp(value: object, path: str, what: str) -> None:
    """Data 4.5.s1.b1: a Timestamp MUST be formatted according to ISO 8601."""
    text = _string(value, path, what)
    try:
        parse_timestamp(text)
    except ValueError as exc:
        _fail(path, f"{what} {text!r} {exc}")


def _no_nulls(value: object, path: str) -> None:
    """Data 2.2.s4.b1.b1: no null values, except inside extensions."""
    if isinstance(value, dict):
        for key, item in value.items():
            if item is None:
                _fail(_child(path, key), f"{key} must not be null")
            if key != "extensions":
                _no_nulls(item, _child(path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if item is None:
                _fail(f"{path}[{index}]", "array items must not be null")
            _no_nulls(item, f"{path}[{index}]")
