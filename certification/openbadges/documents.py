"""Open Badges 3.0 documents as JSON-LD: pure functions, data in, dict out.

LOUD: every field written into a credential here is signed. Changing a name, an
order-independent shape or a type array changes what verifiers see and is a reviewed
change (tests/certification/golden/). Issued credentials are never rebuilt: they are
stored as signed; a correction is revoke + re-issue.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any

from .context_loader import CREDENTIALS_V2, OPEN_BADGES_V3
from .data import (
    AchievementData,
    AlignmentData,
    CredentialData,
    IssuerProfileData,
    RecipientData,
    RubricCriterionData,
    RubricResultData,
    StatusEntryData,
    StatusListData,
)
from .keys import DID_WEB_PREFIX, IssuingKey, KeyRing
from .status_list import Bitstring

CREDENTIAL_CONTEXT = (CREDENTIALS_V2, OPEN_BADGES_V3)
CREDENTIAL_TYPES = ("VerifiableCredential", "OpenBadgeCredential")
STATUS_LIST_TYPES = ("VerifiableCredential", "BitstringStatusListCredential")
MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1"
DID_CONTEXT = "https://www.w3.org/ns/did/v1"

Document = dict[str, Any]


def xsd_datetime(moment: datetime) -> str:
    """``2026-03-12T14:30:00Z``: UTC, whole seconds, as credentials write dates."""
    if moment.tzinfo is None:
        raise ValueError("Credential dates must be timezone-aware.")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def identity_hash(value: str, salt: str) -> str:
    """OB 3.0 IdentityHash: ``sha256$`` + hex SHA-256 of the identity + salt."""
    digest = hashlib.sha256((value + salt).encode("utf-8")).hexdigest()
    return f"sha256${digest}"


def normalise_email(email: str) -> str:
    """The form an e-mail address is hashed in (verifiers must do the same)."""
    return email.strip().lower()


def build_credential(data: CredentialData) -> Document:
    """The unsigned OpenBadgeCredential for ``data`` (sign it with proof.sign)."""
    credential: Document = {
        "@context": list(CREDENTIAL_CONTEXT),
        "id": data.credential_id.urn,
        "type": list(CREDENTIAL_TYPES),
        "name": data.name or data.achievement.name,
    }
    if data.description:
        credential["description"] = data.description
    credential["issuer"] = _issuer(data.issuer)
    credential["validFrom"] = xsd_datetime(data.valid_from)
    if data.valid_until is not None:
        credential["validUntil"] = xsd_datetime(data.valid_until)
    if data.awarded_date is not None:
        credential["awardedDate"] = xsd_datetime(data.awarded_date)
    credential["credentialSubject"] = _subject(data)
    if data.status is not None:
        credential["credentialStatus"] = _status_entry(data.status)
    return credential


def build_issuer_profile(issuer: IssuerProfileData, key_ring: KeyRing) -> Document:
    """The issuer Profile published at ``issuer.id``, naming every key of the ring.

    Verifiers of Data Integrity proofs (the DCC's verifier-core among them) load
    the proof's verification method, then its ``controller`` (this Profile), and
    accept the key only when the controller lists it under ``assertionMethod``
    in a context that defines the term. The credential contexts do not, so the
    DID v1 context is added: it defines ``assertionMethod`` and
    ``verificationMethod`` as IRIs (the same ``sec:`` terms a DID document uses)
    and verifiers carry it locally. The keys themselves are the Multikey
    documents published at those IRIs (``build_verification_key_document``).
    """
    methods = [key.verification_method_id(issuer.id) for key in key_ring.keys]
    return {
        "@context": [*CREDENTIAL_CONTEXT, DID_CONTEXT],
        **_issuer(issuer),
        "verificationMethod": methods,
        "assertionMethod": methods,
    }


def build_verification_key_document(key: IssuingKey, issuer_id: str) -> Document:
    """The Multikey document published at the key's verification method id."""
    return {
        "@context": MULTIKEY_CONTEXT,
        "id": key.verification_method_id(issuer_id),
        "type": "Multikey",
        "controller": issuer_id,
        "publicKeyMultibase": key.public_key_multibase,
    }


def build_did_web_document(issuer_id: str, key_ring: KeyRing) -> Document:
    """The DID document of a ``did:web`` issuer, listing every key of the ring.

    Served at ``https://<host>/.well-known/did.json`` for ``did:web:<host>``
    (the site serves no ``did:web:<host>:<path>``: system check E003 refuses it).
    """
    if not issuer_id.startswith(DID_WEB_PREFIX):
        raise ValueError("Only a did:web issuer has a DID document of its own.")
    methods = [
        {
            "id": key.verification_method_id(issuer_id),
            "type": "Multikey",
            "controller": issuer_id,
            "publicKeyMultibase": key.public_key_multibase,
        }
        for key in key_ring.keys
    ]
    ids = [method["id"] for method in methods]
    return {
        "@context": [DID_CONTEXT, MULTIKEY_CONTEXT],
        "id": issuer_id,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }


def build_status_list_credential(data: StatusListData) -> Document:
    """The unsigned BitstringStatusListCredential with ``data.set_indexes`` set."""
    bits = Bitstring.with_set(data.set_indexes, length=data.length)
    document: Document = {
        "@context": [CREDENTIALS_V2],
        "id": data.id,
        "type": list(STATUS_LIST_TYPES),
        "issuer": data.issuer.id,
        "validFrom": xsd_datetime(data.valid_from),
    }
    if data.valid_until is not None:
        document["validUntil"] = xsd_datetime(data.valid_until)
    document["credentialSubject"] = {
        "id": f"{data.id}#list",
        "type": "BitstringStatusList",
        "statusPurpose": data.purpose,
        "encodedList": bits.encode(),
    }
    return document


def _issuer(issuer: IssuerProfileData) -> Document:
    profile: Document = {"id": issuer.id, "type": ["Profile"], "name": issuer.name}
    if issuer.url:
        profile["url"] = issuer.url
    if issuer.description:
        profile["description"] = issuer.description
    if issuer.email:
        profile["email"] = issuer.email
    if issuer.image_url:
        profile["image"] = {"id": issuer.image_url, "type": "Image"}
    return profile


def _subject(data: CredentialData) -> Document:
    subject: Document = {}
    if data.recipient.subject_id:
        subject["id"] = data.recipient.subject_id
    subject["type"] = ["AchievementSubject"]
    identifiers = _identifiers(data.recipient)
    if identifiers:
        subject["identifier"] = identifiers
    subject["achievement"] = _achievement(data.achievement)
    if data.results:
        subject["result"] = [_result(result) for result in data.results]
    return subject


def _identifiers(recipient: RecipientData) -> list[Document]:
    identifiers = []
    if recipient.email:
        if not recipient.salt:
            raise ValueError("A hashed e-mail identifier needs a salt.")
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": identity_hash(
                    normalise_email(recipient.email), recipient.salt
                ),
                "identityType": "emailAddress",
                "hashed": True,
                "salt": recipient.salt,
            }
        )
    if recipient.display_name:
        identifiers.append(
            {
                "type": "IdentityObject",
                "identityHash": recipient.display_name,
                "identityType": "name",
                "hashed": False,
            }
        )
    return identifiers


def _achievement(achievement: AchievementData) -> Document:
    document: Document = {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": achievement.achievement_type,
        "name": achievement.name,
        "description": achievement.description,
        "criteria": {"narrative": achievement.criteria_narrative},
    }
    if achievement.credits_available is not None:
        document["creditsAvailable"] = float(achievement.credits_available)
    if achievement.human_code:
        document["humanCode"] = achievement.human_code
    if achievement.language:
        document["inLanguage"] = achievement.language
    if achievement.image_url:
        document["image"] = {"id": achievement.image_url, "type": "Image"}
    if achievement.alignments:
        document["alignment"] = [_alignment(item) for item in achievement.alignments]
    if achievement.rubric:
        document["resultDescription"] = [
            _result_description(criterion) for criterion in achievement.rubric
        ]
    return document


def _alignment(alignment: AlignmentData) -> Document:
    document: Document = {
        "type": ["Alignment"],
        "targetName": alignment.target_name,
        "targetUrl": alignment.target_url,
    }
    if alignment.target_description:
        document["targetDescription"] = alignment.target_description
    if alignment.target_framework:
        document["targetFramework"] = alignment.target_framework
    if alignment.target_code:
        document["targetCode"] = alignment.target_code
    return document


def _result_description(criterion: RubricCriterionData) -> Document:
    document: Document = {
        "id": criterion.id,
        "type": ["ResultDescription"],
        "name": criterion.name,
        "resultType": "RubricCriterionLevel",
    }
    if criterion.alignments:
        document["alignment"] = [_alignment(item) for item in criterion.alignments]
    if criterion.required_level_id:
        document["requiredLevel"] = criterion.required_level_id
    levels = []
    for level in criterion.levels:
        entry: Document = {
            "id": level.id,
            "type": ["RubricCriterionLevel"],
            "name": level.name,
        }
        if level.description:
            entry["description"] = level.description
        if level.level:
            entry["level"] = level.level
        if level.points:
            entry["points"] = level.points
        levels.append(entry)
    document["rubricCriterionLevel"] = levels
    return document


def _result(result: RubricResultData) -> Document:
    document: Document = {
        "type": ["Result"],
        "resultDescription": result.criterion_id,
        "achievedLevel": result.achieved_level_id,
    }
    if result.value:
        document["value"] = result.value
    return document


def _status_entry(status: StatusEntryData) -> Document:
    if status.index < 0:
        raise ValueError("A status list index is not negative.")
    return {
        "id": f"{status.status_list_credential}#{status.index}",
        "type": "BitstringStatusListEntry",
        "statusPurpose": status.purpose,
        "statusListIndex": str(status.index),
        "statusListCredential": status.status_list_credential,
    }
