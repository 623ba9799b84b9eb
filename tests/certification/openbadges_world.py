"""Fixed keys, clock and data for the Open Badges engine tests (no database)."""

from __future__ import annotations

import copy
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from certification.openbadges import documents, proof
from certification.openbadges.data import (
    AchievementData,
    AlignmentData,
    CredentialData,
    IssuerProfileData,
    RecipientData,
    RubricCriterionData,
    RubricLevelData,
    RubricResultData,
    StatusEntryData,
    StatusListData,
)
from certification.openbadges.keys import IssuingKey, KeyRing, parse_private_key

# Test-only keys: never configure them anywhere.
KEY_2026 = "z3u2aXQKuCGfxGPzpgKr4XhXegSM1hbL7V42ze238B3iJiHP"
KEY_2025 = "z3u2f5qxPHZDLeuuEgi1nC7hT9HmAf93Jaw5vqfirBHUbVsz"
STRANGER_KEY = "z3u2ZUqLD1cMa7BFvxFyjc9ceLncK32geuoZzV6kYpZmrDmo"

SITE = "https://pd.example.edu"
ISSUER_URL = f"{SITE}/certification/issuer"
STATUS_LIST_URL = f"{SITE}/certification/status/1"
SCHEME = f"{SITE}/certification/schemes/inclusive-teaching"
RUBRIC = f"{SCHEME}/rubric/3"
CREDENTIAL_ID = uuid.UUID("0b9d4c3e-6f0a-4d5e-9b7c-2a1f3e8d7c60")
ISSUED = datetime(2026, 6, 30, 9, 15, tzinfo=UTC)
AWARDED = datetime(2026, 6, 29, 16, 0, tzinfo=UTC)
UNTIL = datetime(2029, 6, 30, 9, 15, tzinfo=UTC)
DURING = datetime(2027, 1, 15, 12, 0, tzinfo=UTC)


def key(secret: str = KEY_2026, key_id: str = "2026-01") -> IssuingKey:
    return IssuingKey.from_private_key(key_id, parse_private_key(secret))


def ring(*keys: IssuingKey) -> KeyRing:
    return KeyRing(keys or (key(),))


def issuer(issuer_id: str = ISSUER_URL) -> IssuerProfileData:
    return IssuerProfileData(
        id=issuer_id,
        name="Engage PD — University of Examples",
        url=SITE,
        description="Professional development for lecturers.",
    )


def _levels(criterion: str) -> tuple[RubricLevelData, ...]:
    names = ("Beginning", "Developing", "Proficient")
    return tuple(
        RubricLevelData(
            id=f"{criterion}/levels/{number}",
            name=name,
            description=f"{name} practice.",
            level=str(number),
            points=str(number),
        )
        for number, name in enumerate(names, start=1)
    )


COMPETENCIES = (
    AlignmentData(
        target_name="Knows the diversity of their students",
        target_url=f"{SITE}/certification/frameworks/it/competencies/it-1",
        target_framework="Inclusive teaching framework",
        target_code="IT-1",
        target_description="Uses what students bring to the course.",
    ),
    AlignmentData(
        target_name="Designs inclusive assessment",
        target_url=f"{SITE}/certification/frameworks/it/competencies/it-2",
        target_framework="Inclusive teaching framework",
        target_code="IT-2",
    ),
)
CRITERIA = tuple(
    RubricCriterionData(
        id=f"{RUBRIC}/criteria/{number}",
        name=name,
        levels=_levels(f"{RUBRIC}/criteria/{number}"),
        required_level_id=f"{RUBRIC}/criteria/{number}/levels/2",
        alignments=(COMPETENCIES[number - 1],),
    )
    for number, name in ((1, "Reflection on own teaching"), (2, "Change in own course"))
)


def credential_data(**changes: Any) -> CredentialData:
    data = CredentialData(
        credential_id=CREDENTIAL_ID,
        issuer=issuer(),
        recipient=RecipientData(
            email="J.Jansen@Example.edu",
            salt="3f9c1a7e5b2d4c6a",
            display_name="Jan Jansen",
        ),
        achievement=AchievementData(
            id=SCHEME,
            name="Certificate Inclusive Teaching",
            description="Awarded for a year of reflective practice in inclusive "
            "teaching.",
            criteria_narrative="Attend at least 80% of the sessions, complete the "
            "assignments on your own course and pass the portfolio assessment.",
            alignments=COMPETENCIES,
            rubric=CRITERIA,
            human_code="EPD-IT",
            language="en",
        ),
        valid_from=ISSUED,
        valid_until=UNTIL,
        results=(
            RubricResultData(CRITERIA[0].id, CRITERIA[0].levels[2].id, "3"),
            RubricResultData(CRITERIA[1].id, CRITERIA[1].levels[1].id, "2"),
        ),
        status=StatusEntryData(STATUS_LIST_URL, 4242),
        awarded_date=AWARDED,
    )
    return replace(data, **changes)


def signed_credential(
    signer: IssuingKey | None = None, created: datetime = ISSUED, **changes: Any
) -> dict[str, Any]:
    document = documents.build_credential(credential_data(**changes))
    return proof.sign(document, key=signer or key(), created=created)


def signed_status_list(
    signer: IssuingKey | None = None,
    revoked: frozenset[int] = frozenset(),
    list_id: str = STATUS_LIST_URL,
    issuer_id: str = ISSUER_URL,
    valid_from: datetime = ISSUED,
) -> dict[str, Any]:
    data = StatusListData(
        id=list_id, issuer=issuer(issuer_id), valid_from=valid_from, set_indexes=revoked
    )
    return proof.sign(
        documents.build_status_list_credential(data),
        key=signer or key(),
        created=valid_from,
    )


def changed(document: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A deep copy with the value at a dotted path (list indexes as numbers) set."""
    result = copy.deepcopy(document)
    *parents, last = path.split(".")
    node: Any = result
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value
    return result


def lookup_none(url: str, index: int) -> bool | None:
    """A status lookup for a list with nothing revoked."""
    return False if url == STATUS_LIST_URL else None


def days(number: int) -> timedelta:
    return timedelta(days=number)
