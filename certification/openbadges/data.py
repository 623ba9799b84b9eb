"""What the credential engine takes in and hands back: frozen dataclasses.

The certification services fill these from their models; the engine turns them into
Open Badges 3.0 JSON-LD (documents.py), signs (proof.py) and verifies
(verification.py) without touching the database.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


@dataclass(frozen=True)
class IssuerProfileData:
    """The issuing organisation: ``id`` is its profile URL on the site, or a
    ``did:key`` (tests, the CI verifier)."""

    id: str
    name: str
    url: str = ""
    description: str = ""
    email: str = ""
    image_url: str = ""


@dataclass(frozen=True)
class AlignmentData:
    """One competency of the framework the achievement is aligned to."""

    target_name: str
    target_url: str
    target_framework: str = ""
    target_code: str = ""
    target_description: str = ""


@dataclass(frozen=True)
class RubricLevelData:
    """A level of a rubric criterion (``RubricCriterionLevel``); ids are URIs."""

    id: str
    name: str
    description: str = ""
    level: str = ""
    points: str = ""


@dataclass(frozen=True)
class RubricCriterionData:
    """A rubric criterion, published in the achievement as a ResultDescription."""

    id: str
    name: str
    levels: tuple[RubricLevelData, ...]
    required_level_id: str = ""
    alignments: tuple[AlignmentData, ...] = ()


@dataclass(frozen=True)
class RubricResultData:
    """The level the assessors' decision reached on one criterion."""

    criterion_id: str
    achieved_level_id: str
    value: str = ""


@dataclass(frozen=True)
class AchievementData:
    id: str
    name: str
    description: str
    criteria_narrative: str
    alignments: tuple[AlignmentData, ...] = ()
    rubric: tuple[RubricCriterionData, ...] = ()
    achievement_type: str = "Certificate"
    human_code: str = ""
    language: str = ""
    image_url: str = ""
    # ECTS credits (``creditsAvailable``, e.g. the EU micro-credential's workload).
    credits_available: float | None = None


@dataclass(frozen=True)
class RecipientData:
    """Who earned it: a hashed, salted e-mail address (never the address itself)
    and/or a subject id (a DID or URL). ``display_name`` is published in plain text
    only when given: it is what a verifier compares with the person before them."""

    email: str = ""
    salt: str = ""
    subject_id: str = ""
    display_name: str = ""


@dataclass(frozen=True)
class StatusEntryData:
    """Where the credential's revocation bit lives."""

    status_list_credential: str
    index: int
    purpose: str = "revocation"


@dataclass(frozen=True)
class CredentialData:
    credential_id: uuid.UUID
    issuer: IssuerProfileData
    recipient: RecipientData
    achievement: AchievementData
    valid_from: datetime
    valid_until: datetime | None = None
    name: str = ""  # defaults to the achievement's name
    description: str = ""
    results: tuple[RubricResultData, ...] = ()
    status: StatusEntryData | None = None
    # When the award was decided: stays the same when a correction re-issues the
    # credential with a new validFrom (OB 3.0 awardedDate).
    awarded_date: datetime | None = None


@dataclass(frozen=True)
class StatusListData:
    """A BitstringStatusListCredential: the list's URL and the set (revoked) bits."""

    id: str
    issuer: IssuerProfileData
    valid_from: datetime
    set_indexes: frozenset[int] = frozenset()
    length: int = 131_072
    valid_until: datetime | None = None
    purpose: str = "revocation"


class VerificationStatus(StrEnum):
    VALID = "valid"
    EXPIRED = "expired"
    REVOKED = "revoked"
    INVALID = "invalid"


@dataclass(frozen=True)
class VerificationCheck:
    """One step of verification; ``message`` is for people (translated).

    ``outcome`` is what a failure of this step makes of the credential: expired and
    revoked credentials are authentic but no longer valid; anything else is invalid.
    """

    name: str
    passed: bool
    message: str
    outcome: VerificationStatus = VerificationStatus.INVALID


@dataclass(frozen=True)
class VerificationResult:
    status: VerificationStatus
    checks: tuple[VerificationCheck, ...]
    credential: dict[str, Any] | None = field(default=None, compare=False)
    credential_id: str = ""
    issuer_id: str = ""
    verification_method: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None

    @property
    def is_valid(self) -> bool:
        return self.status is VerificationStatus.VALID

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why it is not valid, one sentence per failed check."""
        return tuple(check.message for check in self.checks if not check.passed)
