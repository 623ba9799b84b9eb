"""Certification statements: shapes (golden files), stable ids, no free text."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import override_settings

from certification import xapi as events
from lms.xapi.builder import statement_json
from trajectories import xapi as trajectory_events

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
LECTURER = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
ASSESSOR = uuid.UUID("8a41c2b0-51f4-4c3e-9d0a-7c2e9b1f4d22")
REGISTRATION = uuid.UUID("0d7f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5")
AT = datetime(2026, 6, 12, 14, 30, tzinfo=UTC)

PROGRAMME = SimpleNamespace(pk=3, title="Inclusive teaching — first-year bachelor")
SCHEME = SimpleNamespace(
    pk=5,
    title_en="Certificate Inclusive Teaching",
    title_nl="Certificaat Inclusief Onderwijs",
    programme=PROGRAMME,
)
PORTFOLIO = SimpleNamespace(
    pk=21, scheme=SCHEME, enrolment=SimpleNamespace(registration=REGISTRATION)
)
VERSION = SimpleNamespace(pk=34, portfolio=PORTFOLIO, submitted_at=AT)


def _assessment(outcome: str, total: int) -> SimpleNamespace:
    return SimpleNamespace(
        pk=55, version=VERSION, outcome=outcome, total_points=total, max_points=15,
        submitted_at=AT, comment="Free text that must never leave the site",
    )  # fmt: skip


SHAPES = {
    "portfolio_submitted": lambda: events.portfolio_submitted(
        actor=LECTURER, portfolio=PORTFOLIO, version=VERSION
    ),
    "portfolio_assessed_pass": lambda: events.portfolio_assessed(
        actor=ASSESSOR, assessment=_assessment("pass", 12)
    ),
    "portfolio_assessed_not_yet": lambda: events.portfolio_assessed(
        actor=ASSESSOR, assessment=_assessment("not_yet", 4)
    ),
    "certificate_earned": lambda: events.certificate_earned(
        actor=LECTURER,
        portfolio=PORTFOLIO,
        decision=SimpleNamespace(pk=8, decided_at=AT),
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file(name: str) -> None:
    produced = statement_json(SHAPES[name]())
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())
    assert "Free text" not in json.dumps(produced)


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_ids_are_stable_and_distinct() -> None:
    ids = {name: statement_json(make())["id"] for name, make in SHAPES.items()}
    assert (
        ids["portfolio_submitted"]
        == statement_json(SHAPES["portfolio_submitted"]())["id"]
    )
    # One statement per assessment: its outcome is part of the statement, not the id.
    assert ids["portfolio_assessed_pass"] == ids["portfolio_assessed_not_yet"]
    assert len({ids["portfolio_submitted"], ids["portfolio_assessed_pass"],
                ids["certificate_earned"]}) == 3  # fmt: skip


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_the_programme_is_the_same_activity_as_in_trajectories() -> None:
    assert events.programme_ref(PROGRAMME) == trajectory_events.programme_ref(PROGRAMME)
