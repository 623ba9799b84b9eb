"""The limits every door of the suite puts on what it reads: the LRS
(`lms.xapi`) and the API (`lms.api.SafeJSONParser`). (Forms need none of their
own: Django's CharField refuses NUL, and form decoding replaces bytes that are
not UTF-8, so no lone surrogate reaches a form.)

What a request carries is refused, with a reason and before anything is stored,
when the suite could not store it or give it back: a body over its size (413),
JSON nested deeper than `JSONLimits.max_depth` (checked by a scan without
recursion, before `json.loads` could run out of stack), a NUL character or a lone
surrogate in any string or key (PostgreSQL and UTF-8 cannot hold them), a number
literal longer than `max_number_chars` or outside `int_range`, and NaN or
Infinity (not JSON). `InputRefused.status` says how to answer (400 or 413); each
door turns it into its own error format.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Protocol

from django.utils.translation import gettext as _

INT64 = (-(2**63), 2**63 - 1)


@dataclass(frozen=True)
class JSONLimits:
    """How much JSON a door reads. `int_range` (inclusive) None: any integer
    with at most `max_number_chars` characters."""

    max_bytes: int
    max_depth: int = 64
    max_number_chars: int = 40
    int_range: tuple[int, int] | None = None
    # Fractions and exponents at or beyond this magnitude are refused: PostgreSQL's
    # JSON gives such a number back as a different one (its decimal digits, not
    # the float's exact value). None: any finite number.
    float_magnitude: float | None = None


class InputRefused(ValueError):
    """Input the suite will not read; `status` is 400, or 413 for its size."""

    status = 400

    def __init__(self, message: str, *, path: tuple[str | int, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    @property
    def pointer(self) -> str:
        """Where in the JSON (RFC 6901), "" for the whole document."""
        return "".join(
            "/" + str(part).replace("~", "~0").replace("/", "~1") for part in self.path
        )


class InputTooLarge(InputRefused):
    status = 413


class _Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


# NUL and the surrogate code points: no UTF-8 text, no PostgreSQL text holds them.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# A JSON string literal (escapes included), without backtracking per character.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DEPTH_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_BOM = b"\xef\xbb\xbf"


def text_problem(text: str) -> str | None:
    """Why `text` cannot be stored (a NUL or a lone surrogate), or None."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return _("Text may not contain the NUL character (\\u0000).")
    return _(
        "Text may not contain a lone surrogate (\\u%(code)04x): it is not a character."
    ) % {"code": ord(found.group())}


def read_limited(stream: _Readable, max_bytes: int) -> bytes:
    """At most `max_bytes` from `stream`; InputTooLarge when there is more."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    return data


def too_large(max_bytes: int) -> InputTooLarge:
    if max_bytes >= 1024 * 1024:
        size = _("%(mb)d MB") % {"mb": max_bytes // (1024 * 1024)}
    else:
        size = _("%(bytes)d bytes") % {"bytes": max_bytes}
    return InputTooLarge(
        _("The request body is larger than %(size)s.") % {"size": size}
    )


def _brackets(text: str) -> str:
    """The brackets of JSON `text` outside its strings."""
    return _NOT_BRACKET.sub("", _STRING.sub("", text))


def nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in JSON `text`, without recursion."""
    brackets = _brackets(text)
    if not brackets:
        return 0
    return max(0, *accumulate(map(_DEPTH_STEP.__getitem__, brackets)))


def nested_deeper_than(text: str, max_depth: int) -> bool:
    """Whether JSON `text` nests deeper than `max_depth`, in a few passes in C:
    a run of more opening brackets is too deep; each pass removes the empty
    containers (one or two levels). Only what these cannot settle (brackets that
    do not match, or over half the limit deep) is counted bracket by bracket."""
    brackets = _brackets(text)
    if re.search(rf"[\[{{]{{{max_depth + 1}}}", brackets):
        return True
    passes = 0
    while brackets and 2 * passes < max_depth:
        shorter = brackets.replace("[]", "").replace("{}", "")
        if len(shorter) == len(brackets):
            break
        brackets, passes = shorter, passes + 1
    if not brackets and 2 * passes <= max_depth:
        return False
    return nesting_depth(text) > max_depth


def load_json(
    data: bytes | str,
    limits: JSONLimits,
    *,
    object_pairs_hook: Callable[[list[tuple[str, Any]]], Any] | None = None,
) -> Any:
    """JSON `data` (UTF-8 when bytes) read within `limits`; InputRefused otherwise.

    Size first, then nesting (before `json.loads` recurses), then numbers (as the
    parser meets them, before `int()` sees 100,000 digits), then every string.
    """
    if len(data) > limits.max_bytes:
        raise too_large(limits.max_bytes)
    if isinstance(data, bytes):
        try:
            text = data.removeprefix(_BOM).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputRefused(
                _("The JSON is not valid UTF-8 (byte %(at)d).") % {"at": exc.start}
            ) from None
    else:
        text = data
    if nested_deeper_than(text, limits.max_depth):
        raise InputRefused(
            _("The JSON is nested too deeply (at most %(depth)d levels).")
            % {"depth": limits.max_depth}
        )
    try:
        value = json.loads(
            text,
            object_pairs_hook=object_pairs_hook,
            parse_int=lambda literal: _integer(literal, limits),
            parse_float=lambda literal: _float(literal, limits),
            parse_constant=_constant,
        )
    except json.JSONDecodeError as exc:
        raise InputRefused(
            _("The JSON is not valid: %(error)s.") % {"error": exc}
        ) from None
    if "\\u" in text:  # NUL and surrogates only arrive as \u escapes
        _check_strings(value)
    return value


def _integer(literal: str, limits: JSONLimits) -> int:
    if len(literal.lstrip("-")) > limits.max_number_chars:
        raise InputRefused(
            _("A number in the JSON has more than %(count)d digits.")
            % {"count": limits.max_number_chars}
        )
    value = int(literal)
    if limits.int_range and not limits.int_range[0] <= value <= limits.int_range[1]:
        raise InputRefused(
            _("The integer %(value)s in the JSON is outside %(low)d…%(high)d.")
            % {
                "value": literal,
                "low": limits.int_range[0],
                "high": limits.int_range[1],
            }
        )
    return value


def _float(literal: str, limits: JSONLimits) -> float:
    if len(literal) > limits.max_number_chars:
        raise InputRefused(
            _("A number in the JSON has more than %(count)d characters.")
            % {"count": limits.max_number_chars}
        )
    value = float(literal)
    too_large = limits.float_magnitude is not None and (
        abs(value) >= limits.float_magnitude
    )
    if not math.isfinite(value) or too_large:
        raise InputRefused(
            _("The number %(value)s in the JSON is too large.") % {"value": literal}
        )
    return value


def _constant(name: str) -> Any:
    raise InputRefused(
        _("%(name)s is not a JSON number; use a finite number or null.")
        % {"name": name}
    )


def _check_strings(value: Any) -> None:
    """Every string and key of `value`, walked without recursion; a refusal
    names the path of the value (or of the object whose key it is)."""
    pending: list[tuple[Any, tuple[str | int, ...]]] = [(value, ())]
    while pending:
        item, path = pending.pop()
        if isinstance(item, str):
            problem = text_problem(item)
            if problem:
                raise InputRefused(problem, path=path)
        elif isinstance(item, dict):
            for key, child in item.items():
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:
                    raise InputRefused(problem, path=path)
                pending.append((child, (*path, key)))
        elif isinstance(item, list):
            pending.extend((child, (*path, i)) for i, child in enumerate(item))


def ensure_round_trip(value: Any) -> None:
    """Refuse `value` unless strict JSON in UTF-8 holds it and gives it back equal,
    and PostgreSQL can store its strings: what is stored and forwarded must be
    what was accepted."""
    try:
        encoded = json.dumps(value, ensure_ascii=False, allow_nan=False).encode()
    except (TypeError, ValueError, RecursionError) as exc:  # incl. UnicodeEncodeError
        raise InputRefused(
            _("The JSON cannot be stored as it is: %(error)s.") % {"error": exc}
        ) from None
    if json.loads(encoded) != value:
        raise InputRefused(_("The JSON would not read back as it was sent."))
    _check_strings(value)
