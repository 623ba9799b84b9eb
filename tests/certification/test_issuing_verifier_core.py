"""Credentials issued by the site, checked by the DCC's verifier-core (Node.js) with
the documents the site serves — the DID document and the signed status list,
fetched through our own views and handed to the offline harness.

A valid one verifies there and on our page; revoked or tampered ones fail in both.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from certification import services
from certification.models import IssuedCredential
from certification.selectors import credentials as credential_selectors
from tests.certification.factories import World
from tests.certification.issuing_world import (
    award,
    holder_name,
    issuing_settings,  # noqa: F401 - a fixture
)
from tests.certification.openbadges_world import changed
from tests.certification.test_openbadges_verifier_core import run_verifier

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

DID = "did:web:pd.example.edu"
DID_DOCUMENT = "https://pd.example.edu/.well-known/did.json"


def _served(credential: IssuedCredential) -> dict[str, Any]:
    """What a verifier would fetch from the site, fetched from the site."""
    client = Client()
    status_url = credential.document["credentialStatus"]["statusListCredential"]
    path = status_url.removeprefix("https://pd.example.edu")
    return {
        DID_DOCUMENT: json.loads(client.get("/.well-known/did.json").content),
        status_url: json.loads(client.get(path).content),
    }


def test_issued_credentials_in_verifier_core_and_ours(world: World) -> None:
    with override_settings(ENGAGE_CERTIFICATION_ISSUER_ID=DID):
        holder_name(world)
        revoked = services.issue_credential(decision=award(world))
        holder_name(world, "Jan", "de Vries")
        valid = services.reissue_credential(
            actor=world.admin, credential=revoked, note="The holder's name changed."
        )
        revoked.refresh_from_db()
        documents = {
            "valid": valid.document,
            "revoked": revoked.document,
            "tampered": changed(
                valid.document, "credentialSubject.identifier.1.identityHash", "Jan"
            ),
        }
        served = _served(valid)
        assert served == _served(revoked)  # one list, one DID document

        names = list(documents)
        output = run_verifier(
            {"credentials": [documents[n] for n in names], "documents": served}
        )
        core = dict(zip(names, output["results"], strict=True))
        ours = {
            name: credential_selectors.verify_text(json.dumps(document))[0].status
            for name, document in documents.items()
        }

    assert core["valid"]["verified"] is True, core["valid"]
    assert core["valid"]["steps"]["revocation_status"] is True
    assert ours["valid"] == "valid"
    assert core["revoked"]["steps"]["valid_signature"] is True, core["revoked"]
    assert core["revoked"]["steps"]["revocation_status"] is False, core["revoked"]
    assert core["revoked"]["verified"] is False
    assert ours["revoked"] == "revoked"
    assert core["tampered"]["verified"] is False and core["tampered"]["errors"]
    assert ours["tampered"] == "invalid"
    for url in output["requested"]:
        assert url.split("#")[0] in served or "/ob/v3p0/schema/" in url, url
