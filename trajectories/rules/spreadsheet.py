"""Cells that a spreadsheet would run as a formula (CSV injection)."""

from __future__ import annotations

from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text
