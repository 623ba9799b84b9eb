"""lms.input_limits on its own: the nesting scan agrees with the parser's idea of
depth for any document, never recurses, and each refusal says why."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest

from lms.input_limits import (
    InputRefused,
    InputTooLarge,
    JSONLimits,
    ensure_round_trip,
    load_json,
    nested_deeper_than,
    nesting_depth,
)

LIMITS = JSONLimits(max_bytes=1024 * 1024, max_depth=64)


def depth_of(value: Any) -> int:
    """The depth json.loads built, counted without recursion."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            depth += 1
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth) for child in children)
        deepest = max(deepest, depth)
    return deepest


def random_document(rng: random.Random, depth: int) -> Any:
    if depth == 0:
        return rng.choice(['"[{\\"', "x]}", 1, None, '\\"]]"', "]["])
    # One child carries the depth; its siblings stay shallow (the size stays small).
    children = [random_document(rng, depth - 1)] + [
        random_document(rng, rng.randint(0, min(depth - 1, 3)))
        for _ in range(rng.randint(0, 2))
    ]
    if rng.random() < 0.5:
        return children
    return {f"k{i}[{{": child for i, child in enumerate(children)}


@pytest.mark.parametrize("seed", range(40))
def test_the_scan_agrees_with_the_parser_on_any_document(seed: int) -> None:
    rng = random.Random(seed)
    value = random_document(rng, rng.randint(0, 80))
    text = json.dumps(value)
    depth = depth_of(value)
    assert nesting_depth(text) == depth
    for limit in (depth - 1, depth, depth + 1, 16, 64):
        assert nested_deeper_than(text, limit) == (depth > limit), limit


@pytest.mark.parametrize("depth", [65, 923, 10_000, 100_000, 1_000_000])
def test_deep_nesting_is_refused_without_recursion(depth: int) -> None:
    for text in ("[" * depth + "]" * depth, '{"a":' * depth + "0" + "}" * depth):
        with pytest.raises(InputRefused, match="nested too deeply"):
            load_json(text, JSONLimits(max_bytes=10 * depth + 10))


def test_brackets_that_do_not_match_are_invalid_json_not_depth() -> None:
    for text in ("[}", "[[[]]", "{]", '["]'):
        with pytest.raises(InputRefused, match="not valid"):
            load_json(text, LIMITS)


def test_size_is_checked_first() -> None:
    with pytest.raises(InputTooLarge) as caught:
        load_json(b"[" * 2000, JSONLimits(max_bytes=1000))
    assert caught.value.status == 413


def test_a_refusal_points_at_the_value() -> None:
    with pytest.raises(InputRefused) as caught:
        load_json('{"a/b": [0, {"c~": "\\u0000"}]}', LIMITS)
    assert caught.value.path == ("a/b", 1, "c~")
    assert caught.value.pointer == "/a~1b/1/c~0"


def test_the_round_trip_refuses_what_json_would_change() -> None:
    ensure_round_trip({"a": [1, 2.5, "é", None, True]})
    for value in ({"a": (1, 2)}, {1: "key becomes a string"}, {"x": float("nan")}):
        with pytest.raises(InputRefused):
            ensure_round_trip(value)
