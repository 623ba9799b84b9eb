"""Settings of the frontend, read at access time with their defaults."""

from __future__ import annotations

from django.conf import settings

DEFAULT_INSIGHT_MIN_CELL = 5


def insight_min_cell() -> int:
    """Counts below this (but above zero) are never shown on the insight
    dashboards, their CSV and the yearly report (`ENGAGE_INSIGHT_MIN_CELL`)."""
    value = getattr(settings, "ENGAGE_INSIGHT_MIN_CELL", DEFAULT_INSIGHT_MIN_CELL)
    return max(1, int(value))
