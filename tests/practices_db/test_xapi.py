"""The practices database's learning events: shapes (golden files) and recording."""

from __future__ import annotations

import json
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.test import Client, override_settings

from lms.accounts.selectors import profile_of
from lms.xapi.builder import statement_json
from lms.xapi.models import Statement
from lms.xapi.vocabulary import Verbs
from practices_db import services
from practices_db import xapi as events
from tests.practices_db.factories import make_practice

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
ACTOR = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
AT = datetime(2026, 3, 12, 14, 30, tzinfo=UTC)
COMMON = {"actor": ACTOR, "page_id": 42, "title": "Peer feedback", "language": "en"}

SHAPES = {
    "practice_shared": lambda: events.shared(**COMMON, revision_id=7, at=AT),
    "practice_published": lambda: events.published(**COMMON, revision_id=8, at=AT),
    "practice_viewed": lambda: events.viewed(**COMMON, at=AT),
    "practice_bookmarked": lambda: events.bookmarked(**COMMON, bookmark_id=3, at=AT),
    "practice_adopted": lambda: events.adopted(**COMMON, adoption_id=5, at=AT),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file(name: str) -> None:
    produced = statement_json(SHAPES[name]())
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())


def _verbs(user: Any) -> list[str]:
    name = str(profile_of(user).xapi_id)
    return [
        s.payload["verb"]["id"]
        for s in Statement.objects.order_by("stored")
        if s.payload["actor"].get("account", {}).get("name") == name
    ]


@pytest.mark.django_db
def test_sharing_publishing_viewing_bookmarking_and_adopting_are_recorded(
    lecturer: Any, coach: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    page.get_latest_revision().publish(user=lecturer, skip_permission_checks=True)
    page.refresh_from_db()
    assert _verbs(lecturer) == [Verbs.SHARED.iri, Verbs.PUBLISHED.iri]

    client = client_for(coach)
    client.get(page.url)
    client.get(page.url)  # the same day: still one statement
    services.set_bookmark(user=coach, page=page, bookmarked=True)
    services.record_adoption(user=coach, page=page, note="Private note text")
    assert _verbs(coach) == [
        Verbs.VIEWED.iri, Verbs.BOOKMARKED.iri, Verbs.ADOPTED_PRACTICE.iri
    ]  # fmt: skip
    assert "Private note text" not in json.dumps(
        [s.payload for s in Statement.objects.all()]
    )


@pytest.mark.django_db
def test_anonymous_views_record_nothing(lecturer: Any, faculty: Any) -> None:
    page = make_practice(lecturer, faculty)
    before = Statement.objects.count()
    assert Client().get(page.url).status_code == 200
    assert Statement.objects.count() == before
