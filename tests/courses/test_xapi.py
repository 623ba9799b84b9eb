"""The learning events of courses: shapes (golden files) and stable ids."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.test import override_settings

from courses import xapi as events
from lms.xapi.builder import statement_json

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
ACTOR = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
AT = datetime(2026, 3, 12, 14, 30, tzinfo=UTC)
COURSE = {"course_id": 12, "course_title": "Inclusive teaching — foundations"}

SHAPES = {
    "lesson_completed": lambda: events.lesson_completed(
        actor=ACTOR, lesson_id=34, lesson_title="Inclusive language in your teaching",
        language="en", at=AT, **COURSE,
    ),
    "course_completed": lambda: events.course_completed(
        actor=ACTOR, language="en", at=AT, **COURSE
    ),
    "lesson_completed_dutch": lambda: events.lesson_completed(
        actor=ACTOR, lesson_id=35, lesson_title="Inclusief taalgebruik",
        course_id=13, course_title="Inclusief lesgeven", language="nl", at=AT,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(SHAPES))
@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file(name: str) -> None:
    produced = statement_json(SHAPES[name]())
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_statement_ids_are_stable_per_person_and_page() -> None:
    first = statement_json(SHAPES["lesson_completed"]())["id"]
    later = events.lesson_completed(
        actor=ACTOR, lesson_id=34, lesson_title="Renamed lesson", language="en",
        at=datetime(2027, 1, 1, tzinfo=UTC), **COURSE,
    )  # fmt: skip
    other_person = events.lesson_completed(
        actor=uuid.uuid4(), lesson_id=34, lesson_title="x", language="en", at=AT,
        **COURSE,
    )  # fmt: skip
    assert statement_json(later)["id"] == first
    assert statement_json(other_person)["id"] != first
