"""Issuing on award, the credential's content (golden file), status lists,
revocation, re-issue and expiry reminders, through the services and the task."""

from __future__ import annotations

import copy
import json
import os
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from celery.exceptions import MaxRetriesExceededError
from django.db.models import RestrictedError
from django.test import override_settings

from certification import services, tasks
from certification import xapi as events
from certification.exceptions import ConflictOfInterest, InvalidState, NotAllowed
from certification.models import (
    Decision,
    ImmutableRow,
    IssuedCredential,
    StatusList,
)
from certification.openbadges import proof
from certification.openbadges.data import VerificationStatus
from certification.openbadges.keys import KeyRing, parse_key_ring
from certification.openbadges.status_list import Bitstring
from certification.openbadges.verification import read_status_list_credential
from certification.selectors import credentials as credential_selectors
from certification.services.credentials import add_months
from certification.services.status_lists import permuted_index
from lms.accounts.selectors import profile_of
from lms.notifications.models import Notification
from lms.xapi.builder import statement_json
from lms.xapi.models import Statement
from tests.certification.factories import World
from tests.certification.issuing_world import (
    KEYS,
    ROTATED_KEYS,
    award,
    holder_name,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)
from tests.certification.openbadges_world import CREDENTIAL_ID, ISSUED, SITE, key

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

GOLDEN = Path(__file__).parent / "golden" / "issued_credential.json"
EARNED = "http://id.tincanapi.com/verb/earned"
REVOKED_VERB = "/xapi/vocab/verbs/revoked-credential"


@pytest.fixture
def eager_tasks() -> Iterator[None]:
    """Celery runs tasks in-process, as a worker would after the commit."""
    from lms.site.celery import app

    before = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = before


# --- issuing through the signal and the task ----------------------------------------


def test_an_award_issues_the_credential_in_a_task_after_commit(
    world: World,
    eager_tasks: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        decision = award(world)
    # Nothing is signed inside the decision's transaction.
    assert not IssuedCredential.objects.exists()

    for callback in callbacks:
        callback()

    credential = IssuedCredential.objects.get(decision=decision)
    assert credential.user == world.lecturer
    assert credential.scheme == world.scheme
    assert credential_selectors.verify_stored(credential).status == "valid"
    # `decide` recorded `earned`; issuing checked and did not record it again.
    assert Statement.objects.filter(verb_iri=EARNED).count() == 1
    assert Notification.objects.filter(
        recipient=world.lecturer, kind="certificate-issued"
    ).exists()


def test_other_decisions_issue_nothing(
    world: World,
    eager_tasks: None,
    django_capture_on_commit_callbacks: Any,
) -> None:
    world.submit()
    first, second = world.allocate()
    from tests.certification.factories import assess

    assess(first, world.coach, 2)
    assess(second, world.assessor, 2)
    with django_capture_on_commit_callbacks(execute=True):
        decision = services.decide(
            actor=world.admin, portfolio=world.portfolio,
            outcome="changes_requested", feedback="Add one more example.",
        )  # fmt: skip
    assert not IssuedCredential.objects.exists()
    with pytest.raises(InvalidState):
        services.issue_credential(decision=decision)


def test_the_task_is_idempotent(world: World) -> None:
    decision = award(world)

    first = tasks.issue_credential.apply(args=[decision.pk]).get()
    second = tasks.issue_credential.apply(args=[decision.pk]).get()

    assert first == second
    assert IssuedCredential.objects.count() == 1
    assert StatusList.objects.get().next_free == 1
    assert (
        Notification.objects.filter(kind="certificate-issued").count() == 1
    )  # not told twice
    assert tasks.issue_credential.apply(args=[987654]).get() is None


def test_issuing_records_earned_when_the_decision_did_not(world: World) -> None:
    decision = award(world)
    Statement.objects.filter(verb_iri=EARNED).delete()

    services.issue_credential(decision=decision)
    services.issue_credential(decision=decision)

    earned = Statement.objects.get(verb_iri=EARNED)
    assert earned.registration == world.enrolment.registration


def test_without_a_key_nothing_is_issued_and_the_task_retries(world: World) -> None:
    decision = award(world)
    with override_settings(
        ENGAGE_CERTIFICATION_KEYS="", ENGAGE_CERTIFICATION_DEV_KEY_FILE=None
    ):
        result = tasks.issue_credential.apply(args=[decision.pk])
    # Eagerly, every retry runs at once until the last one gives up.
    assert isinstance(result.result, MaxRetriesExceededError)
    assert not IssuedCredential.objects.exists()
    assert not StatusList.objects.exists()


def test_the_sweep_enqueues_awards_without_a_credential(
    world: World, eager_tasks: None
) -> None:
    decision = award(world)
    assert credential_selectors.awards_without_credential() == [decision.pk]

    assert tasks.issue_pending_credentials.apply().get() == 1

    assert IssuedCredential.objects.filter(decision=decision).exists()
    assert credential_selectors.awards_without_credential() == []


# --- what the credential says ---------------------------------------------------------


def _normalised(credential: IssuedCredential) -> dict[str, Any]:
    """The document with database ids, the random status index and the proof value
    replaced by names (PostgreSQL sequences differ from run to run)."""
    text = json.dumps(credential.document, ensure_ascii=False)
    for pattern, name in (
        (r"/achievements/(\d+)", "/achievements/{scheme}"),
        (r"/rubrics/(\d+)", "/rubrics/{rubric}"),
        (r"/frameworks/inclusive/(\d+)/", "/frameworks/inclusive/{version}/"),
        (r"/certification/status/(\d+)", "/certification/status/{list}"),
    ):
        text = re.sub(pattern, name, text)
    for prefix in ("criteria", "levels"):
        numbers: dict[str, str] = {}
        for found in re.findall(rf"/{prefix}/(\d+)", text):
            numbers.setdefault(found, str(len(numbers) + 1))
        text = re.sub(
            rf"/{prefix}/(\d+)",
            lambda m, p=prefix, n=numbers: f"/{p}/{{{p}-{n[m.group(1)]}}}",
            text,
        )
    index = str(credential.status_index)
    text = text.replace(f'#{index}"', '#{index}"').replace(
        f'"statusListIndex": "{index}"', '"statusListIndex": "{index}"'
    )
    document = json.loads(text)
    document["proof"]["proofValue"] = "{proofValue}"
    # The decision's time (the award), taken from the clock when it was confirmed.
    decided = credential.decision.decided_at.astimezone(UTC)
    assert document["awardedDate"] == decided.strftime("%Y-%m-%dT%H:%M:%SZ")
    document["awardedDate"] = "{decided_at}"
    return document


def test_the_issued_credential_matches_the_golden_file(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Fixed clock, key and credential id (those of the engine's golden file):
    # Ed25519 is deterministic, so the proof is fixed by the content.
    monkeypatch.setattr(
        "certification.services.credentials._new_identity",
        lambda: (CREDENTIAL_ID, "3f9c1a7e5b2d4c6a"),
    )
    holder_name(world)
    credential = issued(world, now=ISSUED)

    produced = _normalised(credential)
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n")
    assert produced == json.loads(GOLDEN.read_text())

    unsigned = {k: v for k, v in credential.document.items() if k != "proof"}
    assert proof.sign(unsigned, key=key(), created=ISSUED) == credential.document
    assert credential.key_id == "2026-01"
    assert credential.credential_id == CREDENTIAL_ID
    assert credential.valid_until == datetime(2031, 6, 30, 9, 15, tzinfo=UTC)


def test_the_credential_is_in_the_holders_language(world: World) -> None:
    profile = profile_of(world.lecturer)
    profile.preferred_language = "nl"
    profile.save()

    credential = issued(world)

    achievement = credential.document["credentialSubject"]["achievement"]
    assert credential.language == "nl"
    assert credential.document["name"] == "Certificaat Inclusief Onderwijs"
    assert achievement["inLanguage"] == "nl"
    assert achievement["description"] == "Beschrijving"
    assert achievement["alignment"][0]["targetName"] == "Competentie 1"
    assert "Leerresultaten" in achievement["criteria"]["narrative"]
    levels = achievement["resultDescription"][0]["rubricCriterionLevel"]
    assert [level["name"] for level in levels] == [
        "Not yet nl", "Sufficient nl", "Good nl",
    ]  # fmt: skip


def test_the_credential_carries_the_rubric_results_and_eu_elements(
    world: World,
) -> None:
    credential = issued(world)
    subject = credential.document["credentialSubject"]
    achievement = subject["achievement"]
    criteria = {c["id"]: c for c in achievement["resultDescription"]}
    results = subject["result"]

    assert len(results) == len(criteria) == 2
    for result in results:
        levels = {
            level["id"]: level
            for level in criteria[result["resultDescription"]]["rubricCriterionLevel"]
        }
        assert levels[result["achievedLevel"]]["name"] == "Good"
        assert result["value"] == "3"
    assert achievement["creditsAvailable"] == 3.0  # 84 hours / 28
    eqf = achievement["alignment"][-1]
    assert (eqf["targetFramework"], eqf["targetCode"]) == (
        "European Qualifications Framework", "7",
    )  # fmt: skip
    narrative = achievement["criteria"]["narrative"]
    for part in ("Outcomes", "84 hours", "Two assessors", "Blended"):
        assert part in narrative
    identifiers = subject["identifier"]
    assert world.lecturer.email not in json.dumps(credential.document)
    assert identifiers[0]["identityType"] == "emailAddress"
    assert identifiers[0]["hashed"] is True


def test_where_assessors_differ_the_lower_level_is_published(world: World) -> None:
    from tests.certification.factories import scores

    world.submit()
    first, second = world.allocate()
    services.submit_assessment(
        assessor=world.coach, assessment=first, scores=scores(first, 2), comment="ok"
    )
    services.submit_assessment(
        assessor=world.assessor, assessment=second, scores=scores(second, 1),
        comment="ok",
    )  # fmt: skip
    world.portfolio.refresh_from_db()
    decision = services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
    )

    credential = services.issue_credential(decision=decision)

    values = [r["value"] for r in credential.document["credentialSubject"]["result"]]
    assert values == ["2", "2"]


def test_an_issued_credential_cannot_be_edited(world: World) -> None:
    credential = issued(world)
    credential.document["name"] = "Forged"
    with pytest.raises(ImmutableRow):
        credential.save()
    with pytest.raises(ImmutableRow):
        credential.save(update_fields=["document"])
    with pytest.raises(ImmutableRow):
        credential.save(update_fields=["revoked_at", "valid_until"])
    credential.refresh_from_db()
    assert credential.document["name"] != "Forged"


def test_verification_codes_are_long_random_and_unrelated(world: World) -> None:
    first = issued(world)
    codes = [first.verification_code]
    for _ in range(5):
        codes.append(
            services.reissue_credential(
                actor=world.admin,
                credential=IssuedCredential.objects.filter(revoked_at=None).get(),
                note="Name changed",
            ).verification_code
        )

    assert len(set(codes)) == len(codes)
    for code in codes:
        assert re.fullmatch(r"[A-Za-z0-9_-]{43}", code)
    # No shared prefix beyond chance: not a counter or a timestamp.
    assert len({code[:4] for code in codes}) == len(codes)
    ids = {
        str(c) for c in IssuedCredential.objects.values_list("credential_id", flat=True)
    }
    assert all(code not in ids for code in codes)


# --- status lists ---------------------------------------------------------------------


def test_the_index_permutation_never_repeats_and_scatters() -> None:
    size = 131_072
    indexes = [permuted_index("ab" * 32, position, size) for position in range(4096)]

    assert len(set(indexes)) == len(indexes)
    assert all(0 <= index < size for index in indexes)
    neighbours = [abs(a - b) for a, b in zip(indexes, indexes[1:], strict=False)]
    assert sum(1 for gap in neighbours if gap < 64) < 20  # not sequential
    other_key = [permuted_index("cd" * 32, position, size) for position in range(50)]
    assert other_key != indexes[:50]
    small = sorted(
        permuted_index("01" * 32, position, 1000) for position in range(1000)
    )
    assert small == list(range(1000))  # a true permutation


def test_indexes_are_unique_and_a_full_list_starts_a_new_one(world: World) -> None:
    credential = issued(world)
    status_list = credential.status_list
    assert status_list.size >= 131_072
    assert status_list.url.endswith(f"/certification/status/{status_list.pk}")
    assert credential.document["credentialStatus"]["statusListCredential"] == (
        status_list.url
    )
    StatusList.objects.filter(pk=status_list.pk).update(next_free=131_072)

    second = services.reissue_credential(
        actor=world.admin, credential=credential, note="Name changed"
    )

    assert second.status_list_id != status_list.pk
    assert StatusList.objects.count() == 2


# --- revocation -----------------------------------------------------------------------


def test_revocation_flips_the_bit_resigns_the_list_and_records_it(world: World) -> None:
    credential = issued(world)
    before = credential.status_list.document

    services.revoke_credential(
        actor=world.admin, credential=credential, reason="misconduct",
        note="Evidence was not the candidate's own work.",
    )  # fmt: skip

    credential.refresh_from_db()
    status_list = StatusList.objects.get(pk=credential.status_list_id)
    assert credential.is_revoked and credential.revoked_by == world.admin
    assert status_list.document != before
    bits = read_status_list_credential(
        status_list.document, key_ring=parse_key_ring(KEYS)
    )
    assert bits.get(credential.status_index) is True
    assert sum(bin(byte).count("1") for byte in bits.to_bytes()) == 1
    assert Bitstring(status_list.size, bytes(status_list.bits)).get(
        credential.status_index
    )
    result = credential_selectors.verify_stored(credential)
    assert result.status is VerificationStatus.REVOKED
    statement = Statement.objects.get(verb_iri__endswith=REVOKED_VERB)
    payload = json.dumps(statement.payload)
    assert "misconduct" in payload and "own work" not in payload
    assert Notification.objects.filter(
        recipient=world.lecturer, kind="certificate-revoked"
    ).exists()
    with pytest.raises(InvalidState):
        services.revoke_credential(
            actor=world.admin, credential=credential, reason="other", note="Again"
        )


@pytest.mark.parametrize(
    ("reason", "note"),
    [("", "Why"), ("made-up", "Why"), ("other", ""), ("other", "<b> </b>")],
)
def test_revocation_needs_a_reason_and_an_explanation(
    world: World, reason: str, note: str
) -> None:
    credential = issued(world)
    with pytest.raises(NotAllowed):
        services.revoke_credential(
            actor=world.admin, credential=credential, reason=reason, note=note
        )
    credential.refresh_from_db()
    assert not credential.is_revoked


def test_only_the_programme_team_revokes_and_never_their_own(world: World) -> None:
    credential = issued(world)
    for actor in (
        world.lecturer, world.other_lecturer, world.coach, world.assessor,
        world.coordinator,
    ):  # fmt: skip
        with pytest.raises(NotAllowed):
            services.revoke_credential(
                actor=actor, credential=credential, reason="other", note="No"
            )
        with pytest.raises(NotAllowed):
            services.reissue_credential(actor=actor, credential=credential, note="No")
    from lms.accounts.roles import Role
    from lms.accounts.services import assign_role

    assign_role(user=world.lecturer, role=Role.PROGRAMME_ADMIN)
    with pytest.raises(ConflictOfInterest):
        services.revoke_credential(
            actor=world.lecturer, credential=credential, reason="other", note="Mine"
        )
    credential.refresh_from_db()
    assert not credential.is_revoked
    assert not any(bytes(StatusList.objects.get().bits))


def test_a_correction_revokes_and_issues_a_new_credential(world: World) -> None:
    holder_name(world, "Jan", "Jansen")
    old = issued(world)
    holder_name(world, "Jan", "de Vries")

    new = services.reissue_credential(
        actor=world.admin, credential=old, note="The holder's name changed."
    )

    old.refresh_from_db()
    assert old.revocation_reason == "correction"
    assert new.replaces == old and new.decision == old.decision
    assert new.credential_id != old.credential_id
    names = [
        i["identityHash"]
        for i in new.document["credentialSubject"]["identifier"]
        if i["identityType"] == "name"
    ]
    assert names == ["Jan de Vries"]
    # OB 3.0 awardedDate: the award's date survives a correction; validFrom moves.
    decided = old.decision.decided_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert old.document["awardedDate"] == new.document["awardedDate"] == decided
    assert new.document["validFrom"] >= old.document["validFrom"]
    assert credential_selectors.verify_stored(old).status == "revoked"
    assert credential_selectors.verify_stored(new).status == "valid"
    # The task still finds the decision's credential and issues nothing more.
    assert services.issue_credential(decision=Decision.objects.get()) == old
    assert IssuedCredential.objects.count() == 2


def test_rotated_keys_keep_old_credentials_valid(world: World) -> None:
    old = issued(world)
    with override_settings(ENGAGE_CERTIFICATION_KEYS=ROTATED_KEYS):
        new = services.reissue_credential(
            actor=world.admin, credential=old, note="Name changed"
        )
        assert new.key_id == "2027-01"
        assert credential_selectors.verify_stored(new).status == "valid"
        old.refresh_from_db()  # its status list as re-signed
        assert credential_selectors.verify_stored(old).status == "revoked"
    # A ring without the new key no longer trusts it.
    with override_settings(ENGAGE_CERTIFICATION_KEYS=KEYS):
        assert credential_selectors.verify_stored(new).status == "invalid"
    assert isinstance(parse_key_ring(ROTATED_KEYS), KeyRing)


# --- expiry ---------------------------------------------------------------------------


def test_dates_follow_the_schemes_validity_period(world: World) -> None:
    world.scheme.validity_months = 13
    world.scheme.save()
    credential = issued(world, now=datetime(2026, 1, 31, 10, 0, 5, 123, tzinfo=UTC))

    assert credential.valid_from == datetime(2026, 1, 31, 10, 0, 5, tzinfo=UTC)
    assert credential.valid_until == datetime(2027, 2, 28, 10, 0, 5, tzinfo=UTC)
    assert credential.document["validUntil"] == "2027-02-28T10:00:05Z"
    assert add_months(datetime(2024, 1, 31, tzinfo=UTC), 1).day == 29


def test_an_expired_credential_verifies_as_expired(world: World) -> None:
    credential = issued(world, now=datetime(2020, 1, 1, tzinfo=UTC))
    world.scheme.refresh_from_db()

    result = credential_selectors.verify_stored(credential)

    assert result.status is VerificationStatus.EXPIRED
    assert credential.state() == "expired"


def _expiring(world: World, days: float) -> IssuedCredential:
    now = datetime.now(UTC)
    credential = issued(world, now=now)
    IssuedCredential.objects.filter(pk=credential.pk).update(
        valid_until=now + timedelta(days=days)
    )
    credential.refresh_from_db()
    return credential


def _reminders(world: World) -> list[str]:
    return list(
        Notification.objects.filter(
            recipient=world.lecturer, kind="certificate-expiring"
        ).values_list("title", flat=True)
    )


def test_expiry_reminders_go_out_60_and_14_days_before_once_each(world: World) -> None:
    credential = _expiring(world, 90)
    now = datetime.now(UTC)
    assert services.send_expiry_reminders(now=now) == 0

    assert services.send_expiry_reminders(now=now + timedelta(days=31)) == 1
    assert services.send_expiry_reminders(now=now + timedelta(days=32)) == 0
    assert tasks.send_expiry_reminders.apply().get() == 0
    assert _reminders(world) == [
        f"Your certificate “{credential.name}” expires in 59 days"
    ]

    assert services.send_expiry_reminders(now=now + timedelta(days=77)) == 1
    assert services.send_expiry_reminders(now=now + timedelta(days=80)) == 0
    assert len(_reminders(world)) == 2
    assert any("expires in 13 days" in title for title in _reminders(world))
    credential.refresh_from_db()
    assert credential.reminders_sent == [60, 14]


def test_inside_14_days_only_the_last_reminder_is_sent(world: World) -> None:
    _expiring(world, 10)

    assert services.send_expiry_reminders() == 1
    assert services.send_expiry_reminders() == 0

    assert len(_reminders(world)) == 1


def test_revoked_and_expired_credentials_get_no_reminder(world: World) -> None:
    credential = _expiring(world, 10)
    services.revoke_credential(
        actor=world.admin, credential=credential, reason="other", note="Withdrawn"
    )
    assert services.send_expiry_reminders() == 0
    assert services.send_expiry_reminders(now=datetime.now(UTC) + timedelta(30)) == 0
    assert _reminders(world) == []


def test_the_reminder_is_in_the_holders_language(world: World) -> None:
    profile = profile_of(world.lecturer)
    profile.preferred_language = "nl"
    profile.save()
    _expiring(world, 10)

    services.send_expiry_reminders()

    (title,) = _reminders(world)
    assert "Certificaat Inclusief Onderwijs" in title


def test_a_stored_document_deep_copy_is_what_verifies(world: World) -> None:
    credential = issued(world)
    document = copy.deepcopy(credential.document)
    document["credentialSubject"]["achievement"]["name"] = "Something else"
    text = json.dumps(document)

    result, stored = credential_selectors.verify_text(text)

    assert result.status is VerificationStatus.INVALID
    assert stored is None


@override_settings(ENGAGE_XAPI_IRI_BASE=SITE, ENGAGE_PLATFORM_NAME="Engage PD")
def test_the_revoked_statement_matches_the_golden_file() -> None:
    programme = SimpleNamespace(pk=3, title="Inclusive teaching — first-year bachelor")
    scheme = SimpleNamespace(
        pk=5,
        title_en="Certificate Inclusive Teaching",
        title_nl="Certificaat Inclusief Onderwijs",
        programme=programme,
    )
    credential = SimpleNamespace(
        credential_id=CREDENTIAL_ID,
        scheme=scheme,
        revoked_at=datetime(2027, 3, 1, 10, 0, tzinfo=UTC),
        revocation_reason="misconduct",
        revocation_note="Free text that must never leave the site",
    )
    produced = statement_json(
        events.credential_revoked(
            actor=uuid.UUID("5b0c3e4e-8d1f-4b9e-9a57-2f1e0c7d6a11"),
            credential=credential,
            registration=uuid.UUID("0d7f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5"),
        )
    )
    path = GOLDEN.parent / "credential_revoked.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, sort_keys=True) + "\n")
    assert produced == json.loads(path.read_text())
    assert "Free text" not in json.dumps(produced)


@pytest.mark.parametrize(
    ("issuer_id", "errors"),
    [
        ("", 0),
        ("https://pd.example.edu/certification/issuer", 0),
        ("did:web:pd.example.edu", 0),
        ("did:web:pd.example.edu%3A8443", 0),
        ("did:web:pd.example.edu:certification", 1),
        ("pd.example.edu", 1),
        ("javascript:alert(1)", 1),
        ("https://pd.example.edu/a b", 1),
    ],
)
def test_a_bad_issuer_id_is_a_system_check_error(issuer_id: str, errors: int) -> None:
    from certification.checks import check_issuer_id

    with override_settings(ENGAGE_CERTIFICATION_ISSUER_ID=issuer_id):
        found = check_issuer_id()
    assert len(found) == errors
    assert all(error.id == "engage_certification.E003" for error in found)


def test_a_decision_with_a_credential_cannot_be_deleted_alone(world: World) -> None:
    credential = issued(world)

    with pytest.raises(RestrictedError):
        credential.decision.delete()

    assert IssuedCredential.objects.filter(pk=credential.pk).exists()
