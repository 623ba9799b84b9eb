"""eddsa-rdfc-2022 proofs: every signed field is covered, nothing escapes signing."""

from __future__ import annotations

import copy
import socket
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from certification.openbadges import proof
from certification.openbadges.keys import KeyRing
from certification.openbadges.multibase import decode_base58btc, encode_base58btc
from tests.certification.openbadges_world import (
    CRITERIA,
    ISSUED,
    ISSUER_URL,
    KEY_2025,
    STRANGER_KEY,
    changed,
    key,
    signed_credential,
)


def resolver(ring: KeyRing | None = None) -> proof.KeyResolver:
    ring = ring or KeyRing((key(),))

    def resolve(method: str, issuer_id: str) -> Ed25519PublicKey | None:
        found = ring.resolve(method, issuer_id)
        return found.public_key if found else None

    return resolve


def verify(document: dict[str, Any], ring: KeyRing | None = None) -> proof.ProofOutcome:
    return proof.verify(document, resolve_key=resolver(ring))


@pytest.fixture(scope="module")
def credential() -> dict[str, Any]:
    return signed_credential()


def test_a_signed_credential_verifies(credential: dict[str, Any]) -> None:
    outcome = verify(credential)

    assert outcome.valid, outcome.reason
    assert outcome.verification_method == f"{ISSUER_URL}/keys/2026-01"
    assert outcome.created == "2026-06-30T09:15:00Z"
    assert credential["proof"]["type"] == "DataIntegrityProof"
    assert credential["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert credential["proof"]["proofPurpose"] == "assertionMethod"
    assert len(decode_base58btc(credential["proof"]["proofValue"])) == 64


def test_signing_does_not_change_the_input() -> None:
    from certification.openbadges import documents
    from tests.certification.openbadges_world import credential_data

    unsigned = documents.build_credential(credential_data())
    before = copy.deepcopy(unsigned)

    proof.sign(unsigned, key=key(), created=ISSUED)

    assert unsigned == before
    with pytest.raises(ValueError, match="already has a proof"):
        proof.sign(signed_credential(), key=key(), created=ISSUED)


SIGNED_FIELDS = [
    ("name", "Certificate Inclusive Teaching (honours)"),
    ("id", "urn:uuid:0b9d4c3e-6f0a-4d5e-9b7c-2a1f3e8d7c61"),
    ("issuer.id", "https://evil.example/issuer"),
    ("issuer.name", "Another University"),
    ("issuer.url", "https://evil.example"),
    ("validFrom", "2026-06-29T09:15:00Z"),
    ("validUntil", "2099-06-30T09:15:00Z"),
    ("credentialSubject.identifier.0.identityHash", "sha256$" + "0" * 64),
    ("credentialSubject.identifier.0.salt", "another-salt"),
    ("credentialSubject.identifier.1.identityHash", "Jan Jansen-de Vries"),
    ("credentialSubject.identifier.0.hashed", False),
    ("credentialSubject.achievement.id", "https://evil.example/badge"),
    ("credentialSubject.achievement.name", "Certificate Excellent Teaching"),
    ("credentialSubject.achievement.description", "Something else."),
    ("credentialSubject.achievement.criteria.narrative", "Nothing needed."),
    ("credentialSubject.achievement.achievementType", "Diploma"),
    ("credentialSubject.achievement.alignment.0.targetCode", "IT-9"),
    ("credentialSubject.achievement.alignment.1.targetUrl", "https://evil.example"),
    (
        "credentialSubject.achievement.resultDescription.0.rubricCriterionLevel.0.points",
        "30",
    ),
    ("credentialSubject.result.1.achievedLevel", CRITERIA[1].levels[2].id),
    ("credentialSubject.result.0.value", "4"),
    ("credentialStatus.statusListIndex", "4243"),
    ("credentialStatus.statusListIndex", 4242),
    ("credentialStatus.statusListCredential", "https://evil.example/status"),
    ("description", "A description added after signing."),
    ("proof.created", "2026-07-01T09:15:00Z"),
    ("proof.verificationMethod", f"{ISSUER_URL}/keys/2025-01"),
]


@pytest.mark.parametrize(("path", "value"), SIGNED_FIELDS)
def test_changing_any_signed_field_breaks_the_proof(
    credential: dict[str, Any], path: str, value: object
) -> None:
    both_keys = KeyRing((key(), key(KEY_2025, "2025-01")))

    outcome = verify(changed(credential, path, value), both_keys)

    assert not outcome.valid
    assert outcome.reason


@pytest.mark.parametrize(
    "path",
    ["validUntil", "credentialStatus", "credentialSubject.result", "issuer.url"],
)
def test_removing_a_signed_field_breaks_the_proof(
    credential: dict[str, Any], path: str
) -> None:
    tampered = copy.deepcopy(credential)
    *parents, last = path.split(".")
    node = tampered
    for part in parents:
        node = node[part]
    del node[last]

    assert not verify(tampered).valid


def test_key_order_and_unordered_sets_do_not_matter(credential: dict[str, Any]) -> None:
    reordered = dict(reversed(list(credential.items())))
    achievement = reordered["credentialSubject"]["achievement"] = dict(
        reversed(list(credential["credentialSubject"]["achievement"].items()))
    )
    achievement["alignment"] = list(reversed(achievement["alignment"]))

    assert verify(reordered).valid


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("credentialSubject.nickname", "JJ", "not defined"),
        ("credentialSubject.achievement.type", ["Achievement", "Trophy"], "Type"),
        ("credentialSubject.id", "jan", "absolute IRI"),
        ("credentialSubject.achievement.id", "badge-1", "absolute IRI"),
        ("issuer.id", "issuer", "not a key of this credential's issuer"),
        ("@context", ["https://www.w3.org/ns/credentials/v2"], "not defined"),
    ],
)
def test_content_that_would_escape_the_signature_is_refused(
    credential: dict[str, Any], path: str, value: object, reason: str
) -> None:
    outcome = verify(changed(credential, path, value))

    assert not outcome.valid
    assert reason in outcome.reason


def test_an_unsigned_extra_property_cannot_be_signed_either() -> None:
    from certification.openbadges import documents
    from tests.certification.openbadges_world import credential_data

    unsigned = documents.build_credential(credential_data())
    unsigned["credentialSubject"]["nickname"] = "JJ"

    with pytest.raises(proof.CanonicalizationError, match="nickname"):
        proof.sign(unsigned, key=key(), created=ISSUED)


def test_unknown_contexts_are_refused_without_any_network(
    credential: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the credential engine opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    remote = "https://evil.example/context.jsonld"
    tampered = changed(credential, "@context", [*credential["@context"], remote])

    outcome = verify(tampered)

    assert not outcome.valid
    assert "evil.example" in outcome.reason
    assert "never fetched" in outcome.reason


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        ("proof.type", "Ed25519Signature2020", "proof type"),
        ("proof.cryptosuite", "ecdsa-rdfc-2019", "cryptosuite"),
        ("proof.proofPurpose", "authentication", "purpose"),
        ("proof.created", "yesterday", "creation date"),
        ("proof.created", 20260630, "creation date"),
        ("proof.verificationMethod", 12, "verification method"),
        ("proof.proofValue", "not-multibase", "base58btc"),
        ("proof.proofValue", "z0OIl", "base58btc"),
        ("proof.proofValue", None, "base58btc"),
        ("proof.proofValue", encode_base58btc(bytes(63)), "Ed25519 signature"),
        ("proof.proofValue", encode_base58btc(bytes(64)), "changed"),
        ("proof", [], "single proof"),
        ("proof", "z123", "single proof"),
    ],
)
def test_malformed_proofs_are_refused_with_a_reason(
    credential: dict[str, Any], path: str, value: object, reason: str
) -> None:
    outcome = verify(changed(credential, path, value))

    assert not outcome.valid
    assert reason in outcome.reason


def test_the_proof_context_must_start_the_document_context(
    credential: dict[str, Any],
) -> None:
    same = changed(credential, "proof.@context", credential["@context"])
    other_context = [credential["@context"][0], "https://example.org/x"]
    other = changed(credential, "proof.@context", other_context)

    assert verify(same).valid
    assert "@context" in verify(other).reason


def test_a_signature_by_another_key_is_not_accepted(credential: dict[str, Any]) -> None:
    stranger = key(STRANGER_KEY, "2026-01")  # same key id, different key
    forged = signed_credential(signer=stranger)

    assert (
        forged["proof"]["verificationMethod"]
        == (credential["proof"]["verificationMethod"])
    )
    outcome = verify(forged)
    assert not outcome.valid
    assert "changed" in outcome.reason


def test_rotation_keeps_old_credentials_verifiable() -> None:
    old_key, new_key = key(KEY_2025, "2025-01"), key()
    old_credential = signed_credential(signer=old_key)

    assert verify(old_credential, KeyRing((new_key, old_key))).valid
    # Once the old key is dropped from the ring, its credentials no longer verify.
    outcome = verify(old_credential, KeyRing((new_key,)))
    assert not outcome.valid
    assert "not a key of this credential's issuer" in outcome.reason


def test_a_did_key_issuer_verifies_with_its_own_key() -> None:
    signer = key()
    from tests.certification.openbadges_world import issuer

    credential = signed_credential(signer=signer, issuer=issuer(signer.did))

    assert credential["proof"]["verificationMethod"] == (
        f"{signer.did}#{signer.public_key_multibase}"
    )
    assert verify(credential).valid
    claimed = changed(credential, "issuer.id", key(STRANGER_KEY).did)
    assert not verify(claimed, KeyRing((signer, key(STRANGER_KEY, "x")))).valid
