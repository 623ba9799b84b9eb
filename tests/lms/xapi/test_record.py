"""record(): deterministic, pseudonymous statements stored with the domain change."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.db import connection, transaction
from django.test import override_settings

from lms.xapi.builder import XAPI_VERSION, build_statement, statement_json
from lms.xapi.data import ActivityRef, LearningEvent, ResultData
from lms.xapi.models import (
    Destination,
    MonthlyActivity,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
)
from lms.xapi.services import platform_authority, record, store_statements
from lms.xapi.vocabulary import ActivityTypes, Extensions, Verbs

GOLDEN = Path(__file__).parent / "golden"
SITE = "https://pd.example.edu"
PSEUDONYM = uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11")
REGISTRATION = uuid.UUID("0d7f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5")


def attended_event(**changes: object) -> LearningEvent:
    programme = ActivityRef(
        f"{SITE}/xapi/activities/programme/inclusive-teaching",
        ActivityTypes.PROGRAMME,
        "Inclusive teaching",
        "Inclusief lesgeven",
    )
    cohort = ActivityRef(f"{SITE}/xapi/activities/cohort/7", ActivityTypes.COHORT)
    values: dict[str, object] = {
        "identity": "session-attended:31:412",
        "actor_xapi_id": PSEUDONYM,
        "verb": Verbs.ATTENDED,
        "object": ActivityRef(
            f"{SITE}/xapi/activities/session/31",
            ActivityTypes.SESSION,
            "Session 3: assessment formats",
            "Bijeenkomst 3: toetsvormen",
        ),
        "timestamp": datetime(2026, 3, 12, 14, 30, tzinfo=UTC),
        "registration": REGISTRATION,
        "parents": (cohort,),
        "groupings": (programme,),
        "result": ResultData(completion=True, duration=timedelta(hours=2)),
        "extensions": {Extensions.THEME: "neurodiversity"},
    }
    values.update(changes)
    return LearningEvent(**values)  # type: ignore[arg-type]


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_statement_shape_matches_the_golden_file() -> None:
    produced = statement_json(attended_event())
    golden_path = GOLDEN / "session_attended.json"
    expected = json.loads(golden_path.read_text())
    assert produced == expected


VARIANTS: dict[str, dict[str, object]] = {
    "full": {},
    "bare": {
        "registration": None,
        "parents": (),
        "groupings": (),
        "result": None,
        "extensions": {},
    },
    "scored in Dutch": {
        "result": ResultData(success=False, score_scaled=0.25),
        "language": "nl",
        "parents": (),
    },
    "groupings only": {"parents": (), "result": ResultData(completion=False)},
    "local time": {"timestamp": datetime(2026, 3, 12, 14, 30)},
}


@pytest.mark.parametrize("site", [SITE, "https://other.example.org"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_fast_statement_json_is_exactly_what_tincan_builds(
    site: str, variant: str
) -> None:
    # statement_json() keeps the parts events share as JSON built by tincan
    # once; the whole statement must stay what tincan builds each time, for
    # every site (the site's IRI is part of every cached verb and activity).
    with override_settings(ENGAGE_XAPI_IRI_BASE=site, ENGAGE_XAPI_HOME_PAGE=site):
        event = attended_event(**VARIANTS[variant])
        assert statement_json(event) == build_statement(event).as_version(XAPI_VERSION)
        assert statement_json(event)["verb"]["id"].startswith(
            ("http://adlnet.gov/", site)
        )
        assert statement_json(event)["actor"]["account"]["homePage"] == site


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_changing_one_statement_leaves_the_next_untouched() -> None:
    first = statement_json(attended_event())
    first["object"]["definition"]["name"]["en"] = "changed"
    first["verb"]["display"].clear()
    first["actor"]["account"]["name"] = "changed"
    first["context"]["contextActivities"]["grouping"].clear()
    assert statement_json(attended_event()) == build_statement(
        attended_event()
    ).as_version(XAPI_VERSION)


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_actor_is_a_pseudonymous_account_and_nothing_personal_leaks() -> None:
    produced = statement_json(attended_event())
    assert produced["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": SITE, "name": str(PSEUDONYM)},
    }
    text = json.dumps(produced)
    assert "mbox" not in text and "@" not in text


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE)
def test_statement_id_is_stable_per_event_identity() -> None:
    first = statement_json(attended_event())["id"]
    again = statement_json(attended_event(timestamp=datetime.now(UTC)))["id"]
    other = statement_json(attended_event(identity="session-attended:31:413"))["id"]
    assert first == again
    assert first != other
    assert uuid.UUID(first).version == 5


@pytest.mark.django_db
def test_recording_the_same_event_twice_stores_one_statement() -> None:
    with transaction.atomic():
        first = record(attended_event())
    with transaction.atomic():
        second = record(attended_event(timestamp=datetime.now(UTC)))
    assert first == second
    assert Statement.objects.count() == 1
    stored = Statement.objects.get()
    assert stored.payload["authority"]["account"]["name"] == "platform"
    assert stored.registration == REGISTRATION
    assert stored.verb_iri == Verbs.ATTENDED.iri


@pytest.mark.django_db
def test_statement_is_rolled_back_with_the_domain_change() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        record(attended_event())
        raise RuntimeError("the domain change failed")
    assert Statement.objects.count() == 0


def destination(name: str, *, enabled: bool = True) -> Destination:
    return Destination.objects.create(
        name=name,
        endpoint=f"https://{name}.example.org/xapi/",
        username="key",
        password="secret",  # noqa: S106
        enabled=enabled,
    )


@pytest.mark.django_db
def test_record_writes_everything_in_a_fixed_number_of_queries(
    django_assert_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    destination("one")
    destination("two")
    destination("off", enabled=False)
    # PostgreSQL: all record() writes is one statement (lms/xapi/services/recording.py);
    # elsewhere: statement, agent rows, activity rows, monthly count, outbox rows.
    queries = 1 if connection.vendor == "postgresql" else 5
    with (
        django_capture_on_commit_callbacks() as kicks,
        django_assert_num_queries(queries),
    ):
        record(attended_event())
    assert len(kicks) == 1  # forwarding starts once the transaction commits
    stored = Statement.objects.get()
    assert sorted(
        OutboxEntry.objects.filter(statement=stored).values_list(
            "destination__name", "state", "attempts"
        )
    ) == [("one", "pending", 0), ("two", "pending", 0)]


@pytest.mark.django_db
def test_recording_a_stored_event_again_is_one_query_and_writes_nothing(
    django_assert_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    destination("one")
    record(attended_event())
    counts = (
        StatementAgent.objects.count(),
        StatementActivity.objects.count(),
        list(MonthlyActivity.objects.values_list("count", flat=True)),
        OutboxEntry.objects.count(),
    )
    with (
        django_capture_on_commit_callbacks() as kicks,
        django_assert_num_queries(1),
    ):
        record(attended_event(timestamp=datetime(2026, 5, 1, tzinfo=UTC)))
    assert kicks == []
    assert Statement.objects.count() == 1
    assert counts == (
        StatementAgent.objects.count(),
        StatementActivity.objects.count(),
        list(MonthlyActivity.objects.values_list("count", flat=True)),
        OutboxEntry.objects.count(),
    )


@pytest.mark.django_db
def test_a_recorded_statement_is_stored_like_one_posted_to_the_lrs() -> None:
    """record()'s own insert gives the same row and index rows as the LRS path."""
    event = attended_event()
    recorded_id = record(event)
    posted = statement_json(attended_event(identity="session-attended:31:999"))
    (posted_id,) = store_statements([posted], client=None)

    def stored(statement_id: uuid.UUID) -> dict[str, Any]:
        row = Statement.objects.get(statement_id=statement_id)
        payload = {k: v for k, v in row.payload.items() if k not in ("id", "stored")}
        return {
            "payload": payload,
            "columns": (row.timestamp, row.verb_iri, row.actor_key,
                        row.object_activity_iri, row.object_agent_key,
                        row.object_statement_id, row.registration, row.is_voided,
                        row.client_id),
            "agents": sorted(row.agents.values_list("agent_key", "is_direct")),
            "activities": sorted(
                row.activities.values_list("activity_iri", "is_direct")
            ),
        }  # fmt: skip

    recorded = stored(recorded_id)
    assert recorded == stored(posted_id)
    assert recorded["payload"] == {
        k: v for k, v in statement_json(event).items() if k != "id"
    } | {"authority": platform_authority()}
    assert len(recorded["agents"]) == 2  # the actor and the authority
    assert len(recorded["activities"]) == 3  # the session, cohort and programme
