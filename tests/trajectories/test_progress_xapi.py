"""The progress and completion statements of a trajectory: shapes (golden files)
and stable ids."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import override_settings

from lms.xapi.builder import statement_json
from lms.xapi.rules.validation import validate_statement
from trajectories import xapi as events

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
ACTOR = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
REGISTRATION = uuid.UUID("0f8b7c2e-3d4a-4e5f-9a1b-2c3d4e5f6a7b")
AT = datetime(2026, 3, 12, 14, 30, tzinfo=UTC)


def _enrolment(pk: int = 41) -> SimpleNamespace:
    # Plain objects with the models' attributes: the builders are pure.
    programme = SimpleNamespace(pk=7, title="Inclusive teaching — first-year bachelor")
    cohort = SimpleNamespace(
        pk=12, title="First-year bachelor, cross-faculty", programme=programme
    )
    return SimpleNamespace(pk=pk, cohort=cohort, registration=REGISTRATION)


SHAPES = {
    "trajectory_progressed": lambda: events.trajectory_progressed(
        actor=ACTOR, enrolment=_enrolment(), percent=45, at=AT
    ),
    "trajectory_completed": lambda: events.trajectory_completed(
        actor=ACTOR, enrolment=_enrolment(), at=AT
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file(name: str) -> None:
    produced = statement_json(SHAPES[name]())
    validate_statement(produced)
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_ids_are_stable_per_enrolment_and_percentage() -> None:
    def progressed(pk: int, percent: int, at: datetime = AT) -> str:
        event = events.trajectory_progressed(
            actor=ACTOR, enrolment=_enrolment(pk), percent=percent, at=at
        )
        return str(statement_json(event)["id"])

    first = progressed(41, 45)
    assert progressed(41, 45, datetime(2027, 1, 1, tzinfo=UTC)) == first
    assert progressed(41, 46) != first
    assert progressed(42, 45) != first

    def completed(pk: int, at: datetime = AT) -> str:
        event = events.trajectory_completed(
            actor=ACTOR, enrolment=_enrolment(pk), at=at
        )
        return str(statement_json(event)["id"])

    assert completed(41) == completed(41, datetime(2027, 1, 1, tzinfo=UTC))
    assert completed(41) != completed(42)
