"""Reads for issued credentials: the holder's list, the public verification page,
the published documents and the programme team's list (fixed query counts).

Beside `selectors.py` (portfolios and assessment), which is long enough already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode
from uuid import UUID

from django.core.cache import cache
from django.db.models import Exists, OuterRef, QuerySet
from django.urls import reverse

from ..conf import STATUS_LIST_MAX_AGE, certification_settings
from ..models import (
    CredentialState,
    Decision,
    DecisionOutcome,
    IssuedCredential,
    StatusList,
)
from ..openbadges import verification
from ..openbadges.data import VerificationResult, VerificationStatus
from ..openbadges.shape import parse_datetime
from ..openbadges.status_list import Bitstring, StatusListError

LINKEDIN_ADD_URL = "https://www.linkedin.com/profile/add"


def awards_without_credential() -> list[int]:
    """Ids of award decisions that have no credential yet (one query)."""
    return list(
        Decision.objects.filter(outcome=DecisionOutcome.AWARD)
        .exclude(Exists(IssuedCredential.objects.filter(decision=OuterRef("pk"))))
        .values_list("pk", flat=True)
    )


# --- URLs of one credential -----------------------------------------------------------


def verification_url(credential: IssuedCredential) -> str:
    """The public verification page (absolute), as printed on the PDF."""
    return certification_settings.site_url + reverse(
        "engage_certification:verify", args=[credential.verification_code]
    )


def issuer_name(credential: IssuedCredential) -> str:
    issuer = (credential.document or {}).get("issuer")
    name = issuer.get("name") if isinstance(issuer, dict) else None
    return name if isinstance(name, str) else certification_settings.issuer_name


def linkedin_url(credential: IssuedCredential) -> str:
    """LinkedIn's "add to profile" link for the certificate (every value encoded)."""
    params: list[tuple[str, str | int]] = [
        ("startTask", "CERTIFICATION_NAME"),
        ("name", credential.name),
        ("organizationName", issuer_name(credential)),
        ("issueYear", credential.valid_from.year),
        ("issueMonth", credential.valid_from.month),
    ]
    if credential.valid_until is not None:
        params += [
            ("expirationYear", credential.valid_until.year),
            ("expirationMonth", credential.valid_until.month),
        ]
    params += [
        ("certUrl", verification_url(credential)),
        ("certId", str(credential.credential_id)),
    ]
    return f"{LINKEDIN_ADD_URL}?{urlencode(params, quote_via=quote)}"


# --- the holder -----------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateRow:
    credential: IssuedCredential
    state: CredentialState
    verification_url: str
    linkedin_url: str


def my_certificates(user: Any, *, now: datetime | None = None) -> list[CertificateRow]:
    """The person's credentials, newest first, with their state (one query)."""
    if not getattr(user, "is_authenticated", False):
        return []
    credentials = IssuedCredential.objects.filter(user=user).order_by(
        "-issued_at", "-pk"
    )
    return [
        CertificateRow(
            credential=credential,
            state=credential.state(now),
            verification_url=verification_url(credential),
            linkedin_url=linkedin_url(credential),
        )
        for credential in credentials
    ]


def credential_by_pk(credential_id: int) -> IssuedCredential | None:
    """One issued credential (the caller asks `download_certificate`)."""
    return IssuedCredential.objects.filter(pk=credential_id).first()


# --- public verification --------------------------------------------------------------


def credential_by_code(code: str) -> IssuedCredential | None:
    """The credential of a verification code, with its status list (one query)."""
    if not isinstance(code, str) or not 20 <= len(code) <= 64:
        return None
    return (
        IssuedCredential.objects.filter(verification_code=code)
        .select_related("status_list")
        .first()
    )


def _lookup_from(status_lists: dict[str, StatusList]) -> verification.StatusLookup:
    decoded: dict[str, Bitstring] = {}

    def lookup(url: str, index: int) -> bool | None:
        found = status_lists.get(url)
        if found is None:
            found = StatusList.objects.filter(url=url).exclude(url="").first()
            if found is None:
                return None
            status_lists[url] = found
        if url not in decoded:
            try:
                decoded[url] = Bitstring(found.size, bytes(found.bits))
            except StatusListError:
                return None
        bits = decoded[url]
        return bits.get(index) if index < bits.length else None

    return lookup


def verify_stored(
    credential: IssuedCredential, *, now: datetime | None = None
) -> VerificationResult:
    """Our own credential checked like any other: signature, dates, status bit
    (a valid signature is remembered in the cache, see `checked_proof`)."""
    status_list = credential.status_list
    return verification.verify_credential(
        credential.document,
        status_lookup=_lookup_from({status_list.url: status_list}),
        now=now,
        proof_cache=cache,
    )


def verify_text(
    text: str | bytes, *, now: datetime | None = None
) -> tuple[VerificationResult, IssuedCredential | None]:
    """A pasted or uploaded credential's verdict (never raises), and our stored
    credential with the same id when it is one of ours (for the revocation
    reason)."""
    result = verification.verify_credential_text(
        text, status_lookup=_lookup_from({}), now=now, proof_cache=cache
    )
    stored = None
    credential_id = result.credential_id
    if result.status is not VerificationStatus.INVALID and credential_id.startswith(
        "urn:uuid:"
    ):
        try:
            wanted = UUID(credential_id[len("urn:uuid:") :])
        except ValueError:
            wanted = None
        if wanted is not None:
            stored = IssuedCredential.objects.filter(credential_id=wanted).first()
    return result, stored


# --- published documents --------------------------------------------------------------


def status_list_document(list_id: int) -> dict[str, Any] | None:
    """The signed BitstringStatusListCredential of a list, as last signed."""
    found = (
        StatusList.objects.filter(pk=list_id, document__isnull=False)
        .only("document")
        .first()
    )
    return found.document if found is not None else None


def status_list_cache_seconds(document: dict[str, Any], *, now: datetime) -> int:
    """How long a cache may keep this signed list: STATUS_LIST_MAX_AGE, and never
    past its ``validUntil`` (0 when it has passed or is missing)."""
    until = parse_datetime(document.get("validUntil"))
    if until is None:
        return 0
    left = int((until - now).total_seconds())
    return max(0, min(STATUS_LIST_MAX_AGE, left))


# --- the programme team ---------------------------------------------------------------


def credentials_for_admin(*, state: str = "") -> QuerySet[IssuedCredential]:
    """Every issued credential, newest first, with holder and scheme (one query
    per page)."""
    credentials = IssuedCredential.objects.select_related(
        "user__engage_profile", "scheme"
    ).defer("document")
    if state == CredentialState.REVOKED:
        credentials = credentials.filter(revoked_at__isnull=False)
    return credentials.order_by("-issued_at", "-pk")


def credential_for_admin(credential_id: int) -> IssuedCredential | None:
    return (
        IssuedCredential.objects.filter(pk=credential_id)
        .select_related(
            "user__engage_profile",
            "scheme",
            "status_list",
            "revoked_by__engage_profile",
            "replaces",
        )
        .first()
    )
