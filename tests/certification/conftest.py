from __future__ import annotations

from typing import Any

import pytest

from tests.certification.factories import World, make_world


@pytest.fixture
def world(db: Any, faculty: Any) -> World:
    return make_world(faculty)
