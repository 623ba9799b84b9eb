"""An awarded portfolio and its issued credential, for the issuing tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from django.test import override_settings

from certification import services
from certification.models import Decision, IssuedCredential
from tests.certification.factories import World, assess
from tests.certification.openbadges_world import KEY_2025, KEY_2026, SITE

PASS = 2  # level position "Good" (meets the standard)
KEYS = [{"id": "2026-01", "private_key": KEY_2026}]
ROTATED_KEYS = [
    {
        "id": "2027-01",
        "private_key": "z3u2ZUqLD1cMa7BFvxFyjc9ceLncK32geuoZzV6kYpZmrDmo",
    },
    {"id": "2026-01", "private_key": KEY_2026},
    {"id": "2025-01", "private_key": KEY_2025},
]


@pytest.fixture
def issuing_settings() -> Iterator[None]:
    """The site at a fixed address, signing with the engine tests' 2026 key."""
    with override_settings(
        ENGAGE_SITE_URL=SITE,
        ENGAGE_CERTIFICATION_KEYS=KEYS,
        ENGAGE_CERTIFICATION_ISSUER_NAME="Engage PD — University of Examples",
        ENGAGE_CERTIFICATION_ISSUER_ID="",
    ):
        yield


def award(world: World, level: int = PASS) -> Decision:
    """Submit, assess (both at `level`) and award the world's portfolio."""
    world.submit()
    first, second = world.allocate()
    assess(first, world.coach, level)
    assess(second, world.assessor, level)
    world.portfolio.refresh_from_db()
    return services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="award",
        feedback="Well done.",
    )  # fmt: skip


def issued(world: World, now: datetime | None = None) -> IssuedCredential:
    """The world's portfolio awarded and its credential issued."""
    return services.issue_credential(decision=award(world), now=now)


def holder_name(world: World, first: str = "Jan", last: str = "Jansen") -> Any:
    world.lecturer.first_name, world.lecturer.last_name = first, last
    world.lecturer.save(update_fields=["first_name", "last_name"])
    return world.lecturer
