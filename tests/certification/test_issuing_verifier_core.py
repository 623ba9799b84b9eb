"""Credentials issued by the site, checked by the DCC's verifier-core (Node.js) with
the documents the site serves — the issuer Profile and its keys, the DID document
and the signed status list, fetched through our own views and handed to the
offline harness (which refuses every URL it was not handed).

Every issuer configuration the READMEs document is covered: the default https
issuer id, `did:web:<host>` and a `did:key` issuer; and a key rotation, after which
credentials signed by the old key still verify while the lists are re-signed by
the new one, and removing a key withdraws its credentials.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client, override_settings
from django.utils import timezone

from certification import services
from certification.models import StatusList
from certification.openbadges.keys import parse_key_ring
from certification.openbadges.status_list import StatusListError
from certification.openbadges.verification import read_status_list_credential
from certification.selectors import credentials as credential_selectors
from tests.certification.factories import World
from tests.certification.issuing_world import (
    KEYS,
    ROTATED_KEYS,
    award,
    holder_name,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)
from tests.certification.openbadges_world import ISSUER_URL, SITE, changed
from tests.certification.test_openbadges_verifier_core import run_verifier

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

DID = "did:web:pd.example.edu"
DID_DOCUMENT = f"{SITE}/.well-known/did.json"
DID_KEY = parse_key_ring(KEYS).active.did
# ENGAGE_CERTIFICATION_ISSUER_ID as the READMEs document it ("" = the default).
ISSUERS = {"https (default)": "", "did:web": DID, "did:key": DID_KEY}


def _get(url: str) -> dict[str, Any]:
    """A document as the site serves it at `url` (one of its own addresses)."""
    assert url.startswith(SITE + "/"), url
    response = Client().get(url.removeprefix(SITE))
    assert response.status_code == 200, (url, response.status_code)
    assert response["Access-Control-Allow-Origin"] == "*"
    document: dict[str, Any] = json.loads(response.content)
    return document


def _issuer_id(document: dict[str, Any]) -> str:
    issuer = document["issuer"]
    return str(issuer["id"] if isinstance(issuer, dict) else issuer)


def served(*credentials: dict[str, Any]) -> dict[str, Any]:
    """What a verifier fetches for these credentials, fetched from the site."""
    documents: dict[str, Any] = {}
    for credential in credentials:
        status_url = credential["credentialStatus"]["statusListCredential"]
        documents[status_url] = _get(status_url)
        issuer_id = _issuer_id(credential)
        if issuer_id.startswith("did:web:"):
            documents[DID_DOCUMENT] = _get(DID_DOCUMENT)
        elif issuer_id.startswith("https://"):
            profile = documents[issuer_id] = _get(issuer_id)
            for method in profile["assertionMethod"]:
                documents[method] = _get(method)
    return documents


def verdicts(
    credentials: dict[str, dict[str, Any]],
    documents: dict[str, Any],
    missing: frozenset[str] = frozenset(),
) -> tuple[dict[str, Any], dict[str, str]]:
    """verifier-core's and our own verdict on each credential (`missing`: site
    URLs that answer 404, which the verifier may ask for)."""
    names = list(credentials)
    output = run_verifier(
        {"credentials": [credentials[n] for n in names], "documents": documents}
    )
    for url in output["requested"]:
        bare = url.split("#")[0]
        assert bare in documents or bare in missing or "/ob/v3p0/schema/" in url, url
    core = dict(zip(names, output["results"], strict=True))
    ours = {
        name: credential_selectors.verify_text(json.dumps(document))[0].status
        for name, document in credentials.items()
    }
    return core, ours


@pytest.mark.parametrize("issuer_id", list(ISSUERS.values()), ids=list(ISSUERS))
def test_issued_credentials_in_verifier_core_and_ours(
    world: World, issuer_id: str
) -> None:
    with override_settings(ENGAGE_CERTIFICATION_ISSUER_ID=issuer_id):
        holder_name(world)
        revoked = services.issue_credential(decision=award(world))
        holder_name(world, "Jan", "de Vries")
        valid = services.reissue_credential(
            actor=world.admin, credential=revoked, note="The holder's name changed."
        )
        revoked.refresh_from_db()
        assert _issuer_id(valid.document) == (issuer_id or ISSUER_URL)
        credentials = {
            "valid": valid.document,
            "revoked": revoked.document,
            "tampered": changed(
                valid.document, "credentialSubject.identifier.1.identityHash", "Jan"
            ),
        }
        documents = served(valid.document)
        assert documents == served(revoked.document)  # one list, one issuer
        core, ours = verdicts(credentials, documents)

    assert core["valid"]["verified"] is True, core["valid"]
    assert core["valid"]["steps"]["revocation_status"] is True
    assert ours["valid"] == "valid"
    assert core["revoked"]["steps"]["valid_signature"] is True, core["revoked"]
    assert core["revoked"]["steps"]["revocation_status"] is False, core["revoked"]
    assert core["revoked"]["verified"] is False
    assert ours["revoked"] == "revoked"
    assert core["tampered"]["verified"] is False and core["tampered"]["errors"]
    assert ours["tampered"] == "invalid"


@pytest.mark.parametrize("issuer_id", ["", DID], ids=["https (default)", "did:web"])
def test_a_credential_signed_before_a_key_rotation_still_verifies(
    world: World, issuer_id: str
) -> None:
    with override_settings(ENGAGE_CERTIFICATION_ISSUER_ID=issuer_id):
        credential = issued(world).document
        assert credential["proof"]["verificationMethod"].endswith("2026-01")

        with override_settings(ENGAGE_CERTIFICATION_KEYS=ROTATED_KEYS):
            # Beat re-signs every list the rotated-out key signed.
            assert services.refresh_status_lists() == 1
            documents = served(credential)
            core, ours = verdicts({"old key": credential}, documents)
        status_url = credential["credentialStatus"]["statusListCredential"]
        assert documents[status_url]["proof"]["verificationMethod"].endswith("2027-01")
        assert core["old key"]["verified"] is True, core["old key"]
        assert core["old key"]["steps"]["revocation_status"] is True
        assert ours["old key"] == "valid"

        # Removing a key from the ring withdraws what it signed, everywhere.
        only_new = [ROTATED_KEYS[0]]
        with override_settings(ENGAGE_CERTIFICATION_KEYS=only_new):
            services.refresh_status_lists()
            documents = served(credential)
            old_key = f"{ISSUER_URL}/keys/2026-01"
            if not issuer_id:  # the old key is gone from the Profile and the site
                profile = documents[ISSUER_URL]
                assert all(m.endswith("2027-01") for m in profile["assertionMethod"])
                assert Client().get(old_key.removeprefix(SITE)).status_code == 404
            core, ours = verdicts(
                {"withdrawn": credential}, documents, missing=frozenset({old_key})
            )
        assert core["withdrawn"]["verified"] is False
        assert core["withdrawn"]["errors"], core["withdrawn"]
        assert ours["withdrawn"] == "invalid"


# --- the status list: revocation reaches verifiers, stale copies expire -------------


def test_a_revocation_shows_in_the_next_fetched_list(world: World) -> None:
    credential = issued(world)
    before = served(credential.document)

    services.revoke_credential(
        actor=world.admin, credential=credential, reason="other", note="Withdrawn"
    )
    credential.refresh_from_db()
    after = served(credential.document)
    core, ours = verdicts({"before": credential.document}, before)
    core_after, _ = verdicts({"after": credential.document}, after)

    assert core["before"]["verified"] is True, core["before"]
    assert core_after["after"]["steps"]["revocation_status"] is False
    assert core_after["after"]["verified"] is False
    assert credential_selectors.verify_stored(credential).status == "revoked"


def test_a_stale_status_list_past_its_valid_until_is_refused(world: World) -> None:
    """A copy of the list fetched before a revocation cannot be replayed once its
    validUntil has passed: verifier-core and our own reader refuse it, and the
    site stops letting caches keep it."""
    two_days_ago = timezone.now() - timedelta(days=2)
    credential = issued(world, now=two_days_ago)  # its list was signed then
    status_url = credential.document["credentialStatus"]["statusListCredential"]
    stale = served(credential.document)
    assert stale[status_url]["validUntil"] < timezone.now().strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )
    response = Client().get(status_url.removeprefix(SITE))
    assert response["Cache-Control"] == "no-store"

    core, _ = verdicts({"stale list": credential.document}, stale)
    assert core["stale list"]["verified"] is False
    assert core["stale list"]["steps"]["revocation_status"] == {
        "error": "status_list_expired"
    }, core["stale list"]
    ring = parse_key_ring(KEYS)
    with pytest.raises(StatusListError, match="expired"):
        read_status_list_credential(stale[status_url], key_ring=ring)

    # Beat re-signs it; the fresh copy verifies again, ours reads it.
    assert services.refresh_status_lists() == 1
    fresh = served(credential.document)
    core, _ = verdicts({"fresh list": credential.document}, fresh)
    assert core["fresh list"]["verified"] is True, core["fresh list"]
    assert read_status_list_credential(fresh[status_url], key_ring=ring).length
    assert StatusList.objects.get().signed_at > two_days_ago
