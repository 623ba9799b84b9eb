"""verify_credential: one clear status for anything it is given, never an exception."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from certification.openbadges import verification
from certification.openbadges.data import VerificationStatus
from certification.openbadges.keys import KeyRing
from certification.openbadges.status_list import Bitstring, StatusListError
from certification.openbadges.verification import (
    MAX_CREDENTIAL_BYTES,
    email_matches,
    read_status_list_credential,
    status_lookup_for,
    verify_credential,
    verify_credential_text,
)
from tests.certification.openbadges_world import (
    DURING,
    ISSUED,
    KEY_2025,
    KEY_2026,
    STATUS_LIST_URL,
    STRANGER_KEY,
    UNTIL,
    changed,
    days,
    key,
    lookup_none,
    ring,
    signed_credential,
    signed_status_list,
)

GOLDEN = Path(__file__).parent / "golden" / "open_badge_credential.json"
VALID, EXPIRED, REVOKED, INVALID = (
    VerificationStatus.VALID,
    VerificationStatus.EXPIRED,
    VerificationStatus.REVOKED,
    VerificationStatus.INVALID,
)


def check(document: object, **kwargs: Any) -> verification.VerificationResult:
    kwargs.setdefault("status_lookup", lookup_none)
    kwargs.setdefault("key_ring", ring())
    kwargs.setdefault("now", DURING)
    return verify_credential(document, **kwargs)


@pytest.fixture(scope="module")
def credential() -> dict[str, Any]:
    return signed_credential()


def test_a_fresh_credential_is_valid_with_every_check_passed(
    credential: dict[str, Any],
) -> None:
    result = check(credential)

    assert result.status is VALID
    assert result.is_valid
    assert [c.name for c in result.checks] == [
        "json",
        "shape",
        "proof",
        "validity",
        "status",
    ]
    assert all(c.passed and c.message for c in result.checks)
    assert result.reasons == ()
    assert result.credential_id == "urn:uuid:0b9d4c3e-6f0a-4d5e-9b7c-2a1f3e8d7c60"
    assert result.issuer_id == "https://pd.example.edu/certification/issuer"
    assert result.verification_method.endswith("/keys/2026-01")
    assert (result.valid_from, result.valid_until) == (ISSUED, UNTIL)
    assert result.credential == credential


def test_the_golden_credential_verifies() -> None:
    assert check(json.loads(GOLDEN.read_text())).status is VALID


def test_after_its_validity_it_is_expired(credential: dict[str, Any]) -> None:
    result = check(credential, now=UNTIL)

    assert result.status is EXPIRED
    assert result.reasons == ("The credential has expired.",)
    assert check(credential, now=UNTIL - days(1)).status is VALID


def test_before_its_validity_it_is_invalid(credential: dict[str, Any]) -> None:
    result = check(credential, now=ISSUED - days(1))

    assert result.status is INVALID
    assert result.reasons == ("The credential is not valid yet.",)


def test_a_set_status_bit_means_revoked(credential: dict[str, Any]) -> None:
    looked_up: list[tuple[str, int]] = []

    def revoked(url: str, index: int) -> bool:
        looked_up.append((url, index))
        return True

    result = check(credential, status_lookup=revoked)

    assert result.status is REVOKED
    assert result.reasons == ("The credential was revoked.",)
    assert looked_up == [(STATUS_LIST_URL, 4242)]


def test_revoked_outranks_expired(credential: dict[str, Any]) -> None:
    result = check(credential, status_lookup=lambda url, index: True, now=UNTIL)

    assert result.status is REVOKED
    assert set(result.reasons) == {
        "The credential was revoked.",
        "The credential has expired.",
    }


def test_a_changed_credential_is_invalid_whatever_its_dates(
    credential: dict[str, Any],
) -> None:
    tampered = changed(credential, "validUntil", "2099-01-01T00:00:00Z")

    result = check(tampered, now=UNTIL + days(10))

    assert result.status is INVALID
    assert [c.name for c in result.checks if not c.passed] == ["proof"]
    assert "changed" in result.reasons[0]


def test_a_credential_of_another_issuer_is_invalid() -> None:
    stranger = key(STRANGER_KEY, "x")
    from tests.certification.openbadges_world import issuer

    theirs = signed_credential(signer=stranger, issuer=issuer(stranger.did))

    assert check(theirs).status is INVALID
    assert check(theirs, key_ring=KeyRing((stranger,))).status is VALID


def test_rotation_with_settings_keys(credential: dict[str, Any]) -> None:
    with override_settings(
        ENGAGE_CERTIFICATION_KEYS=f"2027-01:{KEY_2025},2026-01:{KEY_2026}"
    ):
        result = verify_credential(credential, status_lookup=lookup_none, now=DURING)
    assert result.status is VALID
    with override_settings(ENGAGE_CERTIFICATION_KEYS=f"2027-01:{KEY_2025}"):
        result = verify_credential(credential, status_lookup=lookup_none, now=DURING)
    assert result.status is INVALID


@pytest.mark.parametrize(
    "entry",
    [
        {"type": "BitstringStatusListEntry", "statusPurpose": "suspension"},
        {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "-1",
            "statusListCredential": STATUS_LIST_URL,
        },  # fmt: skip
        {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "07",
            "statusListCredential": STATUS_LIST_URL,
        },  # fmt: skip
        {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "1" * 40,
            "statusListCredential": STATUS_LIST_URL,
        },  # fmt: skip
        {
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": "1",
        },  # fmt: skip
    ],
)
def test_a_malformed_status_entry_is_invalid(entry: object) -> None:
    # Signed as given, so it is the status step that refuses it.
    from certification.openbadges import documents, proof
    from tests.certification.openbadges_world import credential_data

    unsigned = documents.build_credential(credential_data(status=None))
    unsigned["credentialStatus"] = entry
    signed = proof.sign(unsigned, key=key(), created=ISSUED)

    result = check(signed)

    assert result.status is INVALID
    assert [c.name for c in result.checks if not c.passed] == ["status"]
    assert "cannot be read" in result.reasons[0]


def test_a_status_list_that_is_not_ours_is_invalid(credential: dict[str, Any]) -> None:
    result = check(credential, status_lookup=lambda url, index: None)

    assert result.status is INVALID
    assert "not one of this site's" in result.reasons[0]


def test_a_failing_status_lookup_is_an_answer_not_an_exception(
    credential: dict[str, Any],
) -> None:
    def broken(url: str, index: int) -> bool:
        raise RuntimeError("database is down")

    result = check(credential, status_lookup=broken)

    assert result.status is INVALID
    assert result.reasons == ("The credential could not be verified.",)


def test_status_from_a_signed_status_list(credential: dict[str, Any]) -> None:
    lists = {
        STATUS_LIST_URL: read_status_list_credential(
            signed_status_list(revoked=frozenset({4242})), key_ring=ring()
        )
    }

    assert check(credential, status_lookup=status_lookup_for(lists)).status is REVOKED
    clear = {STATUS_LIST_URL: Bitstring.with_set({4241, 4243})}
    assert check(credential, status_lookup=status_lookup_for(clear)).status is VALID
    assert check(credential, status_lookup=status_lookup_for({})).status is INVALID


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (lambda: "not a dict", "JSON object"),
        (lambda: signed_status_list(signer=key(STRANGER_KEY, "x")), "not a key"),
        (
            lambda: changed(
                signed_status_list(),
                "credentialSubject.encodedList",
                "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA",
            ),
            "changed",
        ),  # fmt: skip
        (
            lambda: changed(
                signed_status_list(), "credentialSubject.statusPurpose", "suspension"
            ),
            "not a revocation",
        ),  # fmt: skip
        (
            lambda: changed(signed_status_list(), "type", ["VerifiableCredential"]),
            "not a revocation",
        ),  # fmt: skip
        (
            lambda: changed(signed_status_list(), "credentialSubject", "x"),
            "not a revocation",
        ),  # fmt: skip
    ],
)
def test_a_forged_or_foreign_status_list_is_refused(
    document: Any, message: str
) -> None:
    with pytest.raises(StatusListError, match=message):
        read_status_list_credential(document(), key_ring=ring())


def wrong(credential: dict[str, Any], path: str, value: object) -> dict[str, Any]:
    return changed(credential, path, value)


def without(credential: dict[str, Any], name: str) -> dict[str, Any]:
    return {k: v for k, v in credential.items() if k != name}


def nested(depth: int) -> Any:
    node: Any = "deep"
    for _ in range(depth):
        node = {"a": [node]}
    return node


HOSTILE = {
    "null": lambda c: None,
    "number": lambda c: 42,
    "string": lambda c: "urn:uuid:1",
    "list of the credential": lambda c: [c],
    "empty object": lambda c: {},
    "no context": lambda c: without(c, "@context"),
    "context string": lambda c: wrong(
        c, "@context", "https://www.w3.org/ns/credentials/v2"
    ),  # fmt: skip
    "context reversed": lambda c: wrong(c, "@context", list(reversed(c["@context"]))),
    "context object": lambda c: wrong(
        c, "@context", [{"@vocab": "https://evil.example/#"}]
    ),  # fmt: skip
    "unknown extra context": lambda c: wrong(
        c, "@context", [*c["@context"], "https://evil.example/c"]
    ),  # fmt: skip
    "inline context": lambda c: wrong(
        c, "@context", [*c["@context"], {"@vocab": "https://evil.example/#"}]
    ),  # fmt: skip
    "no type": lambda c: without(c, "type"),
    "type string": lambda c: wrong(c, "type", "OpenBadgeCredential"),
    "not a badge": lambda c: wrong(c, "type", ["VerifiableCredential"]),
    "type numbers": lambda c: wrong(c, "type", [1, 2]),
    "no id": lambda c: without(c, "id"),
    "id number": lambda c: wrong(c, "id", 7),
    "no issuer": lambda c: without(c, "issuer"),
    "issuer list": lambda c: wrong(c, "issuer", ["https://pd.example.edu"]),
    "issuer without id": lambda c: wrong(c, "issuer", {"name": "x"}),
    "no subject": lambda c: without(c, "credentialSubject"),
    "subject list": lambda c: wrong(c, "credentialSubject", [c["credentialSubject"]]),
    "no validFrom": lambda c: without(c, "validFrom"),
    "validFrom words": lambda c: wrong(c, "validFrom", "last summer"),
    "validFrom number": lambda c: wrong(c, "validFrom", 1_700_000_000),
    "validFrom impossible": lambda c: wrong(c, "validFrom", "2026-13-45T99:00:00Z"),
    "validUntil null": lambda c: wrong(c, "validUntil", ""),
    "awardedDate words": lambda c: wrong(c, "awardedDate", "last June"),
    "no proof": lambda c: without(c, "proof"),
    "proof list": lambda c: wrong(c, "proof", [c["proof"]]),
    "proof null": lambda c: wrong(c, "proof", None),
    "proof value number": lambda c: wrong(c, "proof", {**c["proof"], "proofValue": 5}),
    "too deep": lambda c: wrong(
        c, "credentialSubject.achievement.criteria", nested(60)
    ),  # fmt: skip
    "huge string": lambda c: wrong(c, "name", "x" * 1_000_000),
    "unicode lookalike": lambda c: wrong(
        c, "issuer.name", "Engage PD — Univеrsity of Examples"
    ),  # fmt: skip
    "json-ld keyword": lambda c: wrong(
        c, "credentialSubject.@id", "https://evil.example"
    ),  # fmt: skip
    "graph injection": lambda c: wrong(c, "@graph", [{"@id": "https://evil.example"}]),
    "value object": lambda c: wrong(
        c,
        "credentialSubject.achievement.name",
        {"@value": c["credentialSubject"]["achievement"]["name"]},
    ),  # fmt: skip
    "nested context": lambda c: wrong(
        c, "credentialSubject.achievement.@context", {"x": "https://schema.org/x"}
    ),  # fmt: skip
    "proof keyword": lambda c: wrong(c, "proof.@id", "https://evil.example"),
    "graph with claims": lambda c: wrong(
        c, "credentialSubject.@graph", [{"@id": "https://evil.example", "name": "x"}]
    ),  # fmt: skip
}


# Each hostile document fails for its own reason, not by accident.
HOSTILE_REASONS = {
    "context object": "@context must be",
    "context reversed": "@context must be",
    "context string": "@context must be",
    "empty object": "@context must be",
    "graph injection": "JSON-LD keywords",
    "graph with claims": "JSON-LD keywords",
    "huge string": "signature does not match",
    "id number": "has no id",
    "inline context": "@context must be",
    "issuer list": "names no issuer",
    "issuer without id": "names no issuer",
    "json-ld keyword": "JSON-LD keywords",
    "list of the credential": "JSON object",
    "nested context": "JSON-LD keywords",
    "no context": "@context must be",
    "no id": "has no id",
    "no issuer": "names no issuer",
    "no proof": "not signed",
    "no subject": "has no subject",
    "no type": "not an OpenBadgeCredential",
    "no validFrom": "validFrom is not",
    "not a badge": "not an OpenBadgeCredential",
    "null": "JSON object",
    "number": "JSON object",
    "proof keyword": "JSON-LD keywords",
    "proof list": "not signed",
    "proof null": "not signed",
    "proof value number": "base58btc",
    "string": "JSON object",
    "subject list": "has no subject",
    "too deep": "nested too deeply",
    "type numbers": "not an OpenBadgeCredential",
    "type string": "not an OpenBadgeCredential",
    "unicode lookalike": "signature does not match",
    "unknown extra context": "@context must be",
    "validFrom impossible": "validFrom is not",
    "validFrom number": "validFrom is not",
    "validFrom words": "validFrom is not",
    "validUntil null": "validUntil is not",
    "awardedDate words": "awardedDate is not",
    "value object": "JSON-LD keywords",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_documents_are_invalid_with_a_reason(
    credential: dict[str, Any], name: str
) -> None:
    result = check(HOSTILE[name](credential))

    assert result.status is INVALID, name
    assert HOSTILE_REASONS[name] in result.reasons[0], result.reasons


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "not JSON"),
        ("{", "not JSON"),
        ("<html>credential</html>", "not JSON"),
        (b"\xff\xfe\x00garbage", "not JSON"),
        ("NaN", "NaN is not a JSON number"),
        ("[" * 100_000 + "]" * 100_000, "not JSON"),
        ("1" * (MAX_CREDENTIAL_BYTES + 1), "larger than 256 kB"),
        (b"{" + b" " * MAX_CREDENTIAL_BYTES + b"}", "larger than 256 kB"),
        ('{"@context": ' + "[" * 500 + "]" * 500 + "}", "nested too deeply"),
        (None, "Nothing to verify"),
    ],
)
def test_pasted_text_that_is_not_a_credential(text: Any, reason: str) -> None:
    result = verify_credential_text(text, status_lookup=lookup_none, key_ring=ring())

    assert result.status is INVALID
    assert any(reason in r for r in result.reasons), result.reasons


def test_pasted_text_of_a_real_credential(credential: dict[str, Any]) -> None:
    for text in (json.dumps(credential), json.dumps(credential, indent=4).encode()):
        result = verify_credential_text(
            text, status_lookup=lookup_none, key_ring=ring(), now=DURING
        )
        assert result.status is VALID


@pytest.mark.parametrize(
    ("email", "matches"),
    [
        ("J.Jansen@Example.edu", True),
        ("  j.jansen@example.EDU ", True),
        ("j.jansen@example.org", False),
        ("", False),
        (None, False),
    ],
)
def test_a_verifier_can_check_the_holder_email(
    credential: dict[str, Any], email: Any, matches: bool
) -> None:
    assert email_matches(credential, email) is matches


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("credentialSubject.identifier.0.hashed", False),
        ("credentialSubject.identifier.0.salt", 5),
        ("credentialSubject.identifier.0.identityHash", None),
        ("credentialSubject.identifier", "j.jansen@example.edu"),
        ("credentialSubject", []),
    ],
)
def test_a_malformed_identifier_never_matches(
    credential: dict[str, Any], path: str, value: object
) -> None:
    assert not email_matches(changed(credential, path, value), "J.Jansen@Example.edu")


def test_a_multibyte_text_over_the_limit_is_refused() -> None:
    text = "é" * (MAX_CREDENTIAL_BYTES // 2 + 1)  # under the limit in characters

    result = verify_credential_text(text, status_lookup=lookup_none, key_ring=ring())

    assert "larger than 256 kB" in result.reasons[0]
