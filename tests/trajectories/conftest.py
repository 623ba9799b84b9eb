"""Fixtures shared by the trajectories tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.trajectories.api_world import World, build_world


@pytest.fixture
def world(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any, faculty: Any
) -> World:
    """The people, cohort and journal entry of tests/trajectories/api_world.py."""
    return build_world(
        lecturer=lecturer,
        coach=coach,
        coordinator=coordinator,
        programme_admin=programme_admin,
        faculty=faculty,
    )
