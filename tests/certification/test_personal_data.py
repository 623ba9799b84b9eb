"""A person's own certification data in their "My data" download, and only theirs."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from certification import services
from certification.models import IssuedCredential
from tests.certification.factories import World, assess
from tests.certification.issuing_world import (
    holder_name,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

MY_DATA = "/accounts/profile/my-data.json"


def my_data(client: Client) -> dict[str, Any]:
    response = client.get(MY_DATA)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    return json.loads(response.content)


def test_a_holder_exports_portfolio_decision_results_and_credential(
    world: World, client_for: Any
) -> None:
    holder_name(world, "Zebedee", "Quixworth")
    credential = issued(world)

    data = my_data(client_for(world.lecturer))

    assert data["format"] == "engage-pd/personal-data"
    assert data["sections"]["account"]["last_name"] == "Quixworth"
    mine = data["sections"]["certification"]
    (portfolio,) = mine["portfolios"]
    assert portfolio["status"] == "awarded"
    assert {e["competency"] for e in portfolio["evidence"]} == {
        c.code for c in world.competencies()
    }
    assert portfolio["self_assessments"][0] == {
        **portfolio["self_assessments"][0],
        "level": "proficient",
        "text": "I think I do this well.",
    }
    (version,) = portfolio["submitted_versions"]
    assert version["snapshot"]["candidate"]["name"] == "Zebedee Quixworth"
    decision = version["decision"]
    assert decision["outcome"] == "award" and decision["feedback"] == "Well done."
    assert [r["assessor"] for r in decision["results"]] == [1, 2]
    assert decision["results"][0]["comment"] == "Judgement at level 2"
    assert decision["results"][0]["criteria"][0]["level"]["en"] == "Good"
    (certificate,) = mine["certificates"]
    assert certificate["state"] == "valid"
    assert certificate["credential"] == credential.document
    assert certificate["verification_url"].endswith(
        f"/certificates/{credential.verification_code}/"
    )
    assert mine["assessments"] == [] and mine["decisions_confirmed"] == []


def test_the_export_holds_nobody_elses_data(world: World, client_for: Any) -> None:
    holder_name(world, "Zebedee", "Quixworth")
    world.assessor.last_name = "Brackenbury"
    world.assessor.save(update_fields=["last_name"])
    issued(world)
    other = client_for(world.other_lecturer)

    text = json.dumps(my_data(other))
    assert "Quixworth" not in text and "Brackenbury" not in text
    assert json.loads(text)["sections"]["certification"]["portfolios"] == []
    assert json.loads(text)["sections"]["certification"]["certificates"] == []

    # The lecturer's export never names the assessors who judged them.
    assert "Brackenbury" not in json.dumps(my_data(client_for(world.lecturer)))


def test_an_assessor_exports_their_judgements_without_the_candidate(
    world: World, client_for: Any
) -> None:
    holder_name(world, "Zebedee", "Quixworth")
    world.submit()
    first, _second = world.allocate()
    assess(first, world.coach, 2)

    data = my_data(client_for(world.coach))

    (assessment,) = data["sections"]["certification"]["assessments"]
    assert assessment["role"] == "first" and assessment["outcome"] == "pass"
    assert assessment["comment"] == "Judgement at level 2"
    assert "Quixworth" not in json.dumps(data)
    admin = my_data(client_for(world.admin))["sections"]["certification"]
    assert [e["action"] for e in admin["audit_events"]] == ["allocated", "allocated"]


def test_a_programme_team_member_exports_decisions_and_revocations(
    world: World, client_for: Any
) -> None:
    credential = issued(world)
    services.revoke_credential(
        actor=world.admin, credential=credential, reason="issued_in_error",
        note="Wrong person.",
    )  # fmt: skip

    mine = my_data(client_for(world.admin))["sections"]["certification"]

    assert [d["outcome"] for d in mine["decisions_confirmed"]] == ["award"]
    assert mine["credentials_revoked"] == [
        {
            "credential_id": f"urn:uuid:{credential.credential_id}",
            "revoked_at": mine["credentials_revoked"][0]["revoked_at"],
            "reason": "issued_in_error",
        }
    ]
    # The revoked holder sees the note in their own export.
    holder = my_data(client_for(world.lecturer))["sections"]["certification"]
    assert holder["certificates"][0]["revocation_note"] == "Wrong person."


def test_results_stay_out_of_the_export_until_the_decision(
    world: World, client_for: Any
) -> None:
    world.submit()
    first, second = world.allocate()
    assess(first, world.coach, 2)
    assess(second, world.assessor, 2)

    mine = my_data(client_for(world.lecturer))["sections"]["certification"]

    (version,) = mine["portfolios"][0]["submitted_versions"]
    assert version["decision"] is None
    assert "Judgement at level" not in json.dumps(mine)


def test_the_export_needs_sign_in_and_is_linked_from_the_profile(
    world: World, client_for: Any
) -> None:
    response = Client().get(MY_DATA)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    profile = client_for(world.lecturer).get(reverse("engage_accounts:profile"))
    assert f'href="{MY_DATA}"' in profile.content.decode()


def test_more_certificates_cost_no_more_queries(world: World, client_for: Any) -> None:
    credential = issued(world)
    client = client_for(world.lecturer)
    with CaptureQueriesContext(connection) as one:
        my_data(client)
    for _ in range(3):
        credential = services.reissue_credential(
            actor=world.admin, credential=credential, note="Name changed"
        )
    assert IssuedCredential.objects.count() == 4

    with CaptureQueriesContext(connection) as four:
        data = my_data(client)

    assert len(data["sections"]["certification"]["certificates"]) == 4
    assert len(four) == len(one) < 30
