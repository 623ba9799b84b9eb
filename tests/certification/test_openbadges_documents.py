"""The Open Badges 3.0 documents: the credential's shape (golden file) and claims."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from certification.openbadges import documents
from certification.openbadges.data import (
    CredentialData,
    RecipientData,
    StatusEntryData,
    StatusListData,
)
from certification.openbadges.multibase import decode_base64url
from certification.openbadges.status_list import Bitstring
from tests.certification.openbadges_world import (
    COMPETENCIES,
    CRITERIA,
    ISSUED,
    ISSUER_URL,
    KEY_2025,
    STATUS_LIST_URL,
    credential_data,
    issuer,
    key,
    ring,
    signed_credential,
    signed_status_list,
)

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, produced: dict) -> None:  # type: ignore[type-arg]
    path = GOLDEN / f"{name}.json"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(json.dumps(produced, indent=2, ensure_ascii=False) + "\n")
    assert produced == json.loads(path.read_text())


def test_signed_credential_matches_the_golden_file() -> None:
    # Fixed key, clock and id: Ed25519 is deterministic, so the proof is fixed too.
    check_golden("open_badge_credential", signed_credential())


def test_signed_status_list_matches_the_golden_file() -> None:
    check_golden("status_list_credential", signed_status_list(revoked=frozenset({7})))


def test_the_credential_is_an_open_badge_with_a_urn_uuid() -> None:
    credential = documents.build_credential(credential_data())

    assert credential["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert uuid.UUID(credential["id"].removeprefix("urn:uuid:")).version == 4
    assert credential["name"] == "Certificate Inclusive Teaching"
    assert credential["issuer"] == {
        "id": ISSUER_URL,
        "type": ["Profile"],
        "name": "Engage PD — University of Examples",
        "url": "https://pd.example.edu",
        "description": "Professional development for lecturers.",
    }
    assert credential["validFrom"] == "2026-06-30T09:15:00Z"
    assert credential["validUntil"] == "2029-06-30T09:15:00Z"
    assert "proof" not in credential


def test_the_recipient_is_a_salted_email_hash_never_the_address() -> None:
    credential = documents.build_credential(credential_data())

    email_identity, name_identity = credential["credentialSubject"]["identifier"]
    expected = hashlib.sha256(b"j.jansen@example.edu3f9c1a7e5b2d4c6a").hexdigest()
    assert email_identity == {
        "type": "IdentityObject",
        "identityHash": f"sha256${expected}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": "3f9c1a7e5b2d4c6a",
    }
    assert name_identity["identityType"] == "name"
    assert name_identity["hashed"] is False
    assert "jansen@" not in json.dumps(credential).lower()


def test_another_salt_gives_another_hash() -> None:
    one = documents.identity_hash("a@example.edu", "salt-1")

    assert one != documents.identity_hash("a@example.edu", "salt-2")
    assert one.startswith("sha256$") and len(one) == len("sha256$") + 64


def test_a_hashed_email_needs_a_salt() -> None:
    with pytest.raises(ValueError, match="salt"):
        documents.build_credential(
            credential_data(recipient=RecipientData(email="a@example.edu"))
        )


def test_a_subject_id_can_replace_the_identifiers() -> None:
    data = credential_data(recipient=RecipientData(subject_id="did:example:jan"))

    subject = documents.build_credential(data)["credentialSubject"]

    assert subject["id"] == "did:example:jan"
    assert "identifier" not in subject


def test_the_achievement_carries_criteria_alignment_and_the_rubric() -> None:
    achievement = documents.build_credential(credential_data())["credentialSubject"][
        "achievement"
    ]

    assert achievement["type"] == ["Achievement"]
    assert achievement["achievementType"] == "Certificate"
    assert achievement["criteria"]["narrative"].startswith("Attend at least 80%")
    assert [a["targetCode"] for a in achievement["alignment"]] == ["IT-1", "IT-2"]
    assert achievement["alignment"][0] == {
        "type": ["Alignment"],
        "targetName": COMPETENCIES[0].target_name,
        "targetUrl": COMPETENCIES[0].target_url,
        "targetDescription": COMPETENCIES[0].target_description,
        "targetFramework": "Inclusive teaching framework",
        "targetCode": "IT-1",
    }
    criterion = achievement["resultDescription"][0]
    assert criterion["id"] == CRITERIA[0].id
    assert criterion["type"] == ["ResultDescription"]
    assert criterion["resultType"] == "RubricCriterionLevel"
    assert criterion["requiredLevel"] == CRITERIA[0].levels[1].id
    assert [level["points"] for level in criterion["rubricCriterionLevel"]] == [
        "1",
        "2",
        "3",
    ]


def test_results_point_at_the_rubric_and_the_level_reached() -> None:
    subject = documents.build_credential(credential_data())["credentialSubject"]

    assert subject["result"] == [
        {
            "type": ["Result"],
            "resultDescription": CRITERIA[0].id,
            "achievedLevel": CRITERIA[0].levels[2].id,
            "value": "3",
        },
        {
            "type": ["Result"],
            "resultDescription": CRITERIA[1].id,
            "achievedLevel": CRITERIA[1].levels[1].id,
            "value": "2",
        },
    ]


def test_the_status_entry_points_at_the_bit() -> None:
    credential = documents.build_credential(credential_data())

    assert credential["credentialStatus"] == {
        "id": f"{STATUS_LIST_URL}#4242",
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "4242",
        "statusListCredential": STATUS_LIST_URL,
    }


def test_without_status_or_end_the_fields_are_absent() -> None:
    credential = documents.build_credential(
        credential_data(status=None, valid_until=None)
    )

    assert "credentialStatus" not in credential
    assert "validUntil" not in credential


def test_a_negative_status_index_is_refused() -> None:
    with pytest.raises(ValueError, match="index"):
        documents.build_credential(
            credential_data(status=StatusEntryData(STATUS_LIST_URL, -1))
        )


def test_dates_are_utc_whole_seconds_and_must_be_aware() -> None:
    amsterdam = timezone(timedelta(hours=2))

    assert (
        documents.xsd_datetime(datetime(2026, 7, 1, 10, 0, 5, 999, tzinfo=amsterdam))
        == "2026-07-01T08:00:05Z"
    )
    with pytest.raises(ValueError, match="timezone"):
        documents.xsd_datetime(datetime(2026, 7, 1))  # noqa: DTZ001


def test_the_issuer_profile_and_key_documents() -> None:
    old = key(KEY_2025, "2025-01")
    profile = documents.build_issuer_profile(issuer(), ring(key(), old))
    key_document = documents.build_verification_key_document(key(), ISSUER_URL)

    assert profile["id"] == ISSUER_URL
    assert profile["type"] == ["Profile"]
    assert profile["@context"][1].endswith("context-3.0.3.json")
    # assertionMethod is a term of the DID v1 context: without it a Data Integrity
    # verifier cannot see that the issuer controls the key (DCC verifier-core).
    assert profile["@context"][2] == "https://www.w3.org/ns/did/v1"
    methods = [f"{ISSUER_URL}/keys/2026-01", f"{ISSUER_URL}/keys/2025-01"]
    assert profile["assertionMethod"] == methods
    assert profile["verificationMethod"] == methods
    assert key_document == {
        "@context": "https://w3id.org/security/multikey/v1",
        "id": f"{ISSUER_URL}/keys/2026-01",
        "type": "Multikey",
        "controller": ISSUER_URL,
        "publicKeyMultibase": key().public_key_multibase,
    }


def test_the_status_list_credential_has_the_revoked_bits() -> None:
    document = documents.build_status_list_credential(
        StatusListData(
            id=STATUS_LIST_URL,
            issuer=issuer(),
            valid_from=ISSUED,
            set_indexes=frozenset({0, 4242}),
        )
    )

    assert document["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert document["issuer"] == ISSUER_URL
    subject = document["credentialSubject"]
    assert subject["id"] == f"{STATUS_LIST_URL}#list"
    assert subject["type"] == "BitstringStatusList"
    assert subject["statusPurpose"] == "revocation"
    raw = gzip.decompress(decode_base64url(subject["encodedList"]))
    assert len(raw) * 8 == 131_072
    bits = Bitstring.decode(subject["encodedList"])
    assert [i for i in (0, 1, 4241, 4242, 4243) if bits.get(i)] == [0, 4242]


def test_the_credential_name_defaults_to_the_achievement() -> None:
    data: CredentialData = credential_data(name="Inclusive Teaching 2026")

    assert documents.build_credential(data)["name"] == "Inclusive Teaching 2026"
    assert documents.build_credential(credential_data())["name"] == (
        "Certificate Inclusive Teaching"
    )
