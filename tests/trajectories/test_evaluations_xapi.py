"""The "responded to a session evaluation" statement: its shape (golden file), a
stable id per participant and session, and never anything of the answers."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import override_settings

from lms.xapi.builder import statement_json
from lms.xapi.data import LearningEvent
from lms.xapi.rules.validation import validate_statement
from lms.xapi.vocabulary import ActivityTypes, Verbs, all_concepts
from trajectories import xapi as events

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
ACTOR = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
REGISTRATION = uuid.UUID("0f8b7c2e-3d4a-4e5f-9a1b-2c3d4e5f6a7b")
AT = datetime(2026, 3, 12, 18, 5, tzinfo=UTC)


def _event(
    session_pk: int = 31, enrolment_pk: int = 41, at: datetime = AT
) -> LearningEvent:
    programme = SimpleNamespace(pk=7, title="Inclusive teaching — first-year bachelor")
    cohort = SimpleNamespace(
        pk=12, title="First-year bachelor, cross-faculty", programme=programme
    )
    session = SimpleNamespace(
        pk=session_pk, title="Inclusive language in teaching", cohort=cohort
    )
    enrolment = SimpleNamespace(pk=enrolment_pk, registration=REGISTRATION)
    return events.evaluation_responded(
        actor=ACTOR, enrolment=enrolment, session=session, at=at
    )


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file() -> None:
    produced = statement_json(_event())
    validate_statement(produced)
    path = GOLDEN / "session_evaluation_responded.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())
    assert "result" not in produced  # never the answers, not even a score


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_one_statement_per_participant_and_session() -> None:
    def statement_id(**kwargs: Any) -> str:
        return str(statement_json(_event(**kwargs))["id"])

    first = statement_id()
    assert statement_id(at=datetime(2026, 3, 20, tzinfo=UTC)) == first
    assert statement_id(session_pk=32) != first
    assert statement_id(enrolment_pk=42) != first


@pytest.mark.parametrize("concept", [Verbs.RESPONDED, ActivityTypes.SESSION_EVALUATION])
def test_the_vocabulary_has_the_verb_and_the_activity_type(concept: object) -> None:
    assert concept in all_concepts()
    assert Verbs.RESPONDED.iri == "http://adlnet.gov/expapi/verbs/responded"
