"""Verify an Open Badges 3.0 credential: one clear status and the checks behind it.

``verify_credential`` is what the public verification page and API call, for our own
stored credentials and for one a visitor pastes or uploads (``verify_credential_text``
parses that first). Whatever it is given — not JSON, huge, wrong types, unknown
contexts, a forged proof — it returns a VerificationResult and never raises.

A credential is trusted only when its proof was made by a key of the site's key ring
(keys.py) for the issuer the credential names: a credential signed by anyone else is
"invalid" here, however well-formed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import re
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils.translation import gettext as _

from lms.input_limits import InputRefused, JSONLimits, load_json

from . import proof
from .data import VerificationCheck, VerificationResult, VerificationStatus
from .documents import identity_hash, normalise_email
from .keys import KeyRing, key_ring_from_settings
from .shape import Document, parse_datetime
from .shape import details as _details
from .shape import shape_problem as _shape_problem
from .status_list import Bitstring, StatusListError

logger = logging.getLogger(__name__)

# A real credential is a few kilobytes; anything far bigger is refused unread.
MAX_CREDENTIAL_BYTES = 256 * 1024
_DIGITS = re.compile(r"0|[1-9][0-9]{0,9}")

# The status shown when several checks fail: forgery first, then revocation.
_PRECEDENCE = (
    VerificationStatus.INVALID,
    VerificationStatus.REVOKED,
    VerificationStatus.EXPIRED,
)
# (statusListCredential URL, statusListIndex) -> is the bit set? None: unknown list.
StatusLookup = Callable[[str, int], bool | None]
# How long a valid proof is remembered (its outcome never changes; see below).
PROOF_CACHE_SECONDS = 24 * 3600


class ProofCache(Protocol):
    """Where valid proofs are remembered between checks (e.g. Django's cache)."""

    def get(self, key: str) -> Any: ...

    def set(self, key: str, value: Any, timeout: int) -> None: ...


def verify_credential_text(
    text: str | bytes,
    *,
    status_lookup: StatusLookup,
    key_ring: KeyRing | None = None,
    now: datetime | None = None,
    proof_cache: ProofCache | None = None,
) -> VerificationResult:
    """Parse a pasted or uploaded credential, then verify it (never raises)."""
    if not isinstance(text, str | bytes):
        return _invalid("json", _("Nothing to verify was given."))
    # A character is at least one byte: a text that long is refused unencoded.
    too_long = len(text) > MAX_CREDENTIAL_BYTES or (
        isinstance(text, str)
        and len(text.encode("utf-8", "replace")) > MAX_CREDENTIAL_BYTES
    )
    if too_long:
        return _invalid(
            "json",
            _("The credential is larger than %(limit)d kB; it is not one of ours.")
            % {"limit": MAX_CREDENTIAL_BYTES // 1024},
        )
    try:
        # The site's one JSON reader: nesting, numbers and strings within limits.
        document = load_json(text, JSONLimits(max_bytes=MAX_CREDENTIAL_BYTES))
    except InputRefused as refused:
        return _invalid(
            "json",
            _("This is not JSON: paste the credential's JSON.") + " " + refused.message,
        )
    return verify_credential(
        document,
        status_lookup=status_lookup,
        key_ring=key_ring,
        now=now,
        proof_cache=proof_cache,
    )


def verify_credential(
    document: object,
    *,
    status_lookup: StatusLookup,
    key_ring: KeyRing | None = None,
    now: datetime | None = None,
    proof_cache: ProofCache | None = None,
) -> VerificationResult:
    """Check shape, proof, validity window and revocation of ``document``.

    ``status_lookup`` answers for the credential's status entry; ``key_ring``
    defaults to the site's; ``now`` to the current time. With ``proof_cache`` a
    valid proof is remembered (``checked_proof``); dates and status are checked
    every time.
    """
    try:
        return _verify(
            document,
            status_lookup=status_lookup,
            key_ring=key_ring if key_ring is not None else key_ring_from_settings(),
            now=now or datetime.now(UTC),
            proof_cache=proof_cache,
        )
    except Exception:  # noqa: BLE001 - a verifier answers "invalid", never a 500
        logger.exception("Credential verification failed unexpectedly")
        return _invalid("internal", _("The credential could not be verified."))


def _verify(
    document: object,
    *,
    status_lookup: StatusLookup,
    key_ring: KeyRing,
    now: datetime,
    proof_cache: ProofCache | None,
) -> VerificationResult:
    checks = [VerificationCheck("json", True, _("The credential is JSON."))]
    if not isinstance(document, dict):
        return _result(
            checks, _failed("shape", _("The credential must be a JSON object."))
        )
    shape_problem = _shape_problem(document)
    if shape_problem:
        return _result(checks, _failed("shape", shape_problem))
    checks.append(
        VerificationCheck("shape", True, _("It is an Open Badges 3.0 credential."))
    )
    details = _details(document)

    outcome = checked_proof(document, key_ring=key_ring, proof_cache=proof_cache)
    details["verification_method"] = outcome.verification_method
    if not outcome.valid:
        return _result(checks, _failed("proof", outcome.reason), document, details)
    checks.append(
        VerificationCheck(
            "proof",
            True,
            _("The signature is valid: nothing was changed since it was issued."),
        )
    )
    checks.append(_validity_check(details, now))
    checks.append(_status_check(document.get("credentialStatus"), status_lookup))
    return _result(checks, None, document, details)


def checked_proof(
    document: Document, *, key_ring: KeyRing, proof_cache: ProofCache | None = None
) -> proof.ProofOutcome:
    """The outcome of the document's proof against the key ring.

    Canonicalizing a credential for its proof is ~90 % of checking it (two
    JSON-LD canonicalizations). The outcome depends on nothing but the exact
    document and the ring's keys, so a *valid* one is remembered under a digest of
    both: a changed document, or a key taken out of the ring, is a different key
    and is checked afresh. A cache that fails only costs the time.
    """
    if proof_cache is None:
        return proof.verify(document, resolve_key=_resolver(key_ring))
    key = "engage-cert-proof:" + _proof_digest(document, key_ring)
    try:
        cached = proof_cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage must not fail a check
        logger.warning("The proof cache could not be read", exc_info=True)
        cached = None
    if isinstance(cached, list | tuple) and len(cached) == 2:
        return proof.ProofOutcome(True, "", str(cached[0]), str(cached[1]))
    outcome = proof.verify(document, resolve_key=_resolver(key_ring))
    if outcome.valid:
        try:
            proof_cache.set(
                key,
                (outcome.verification_method, outcome.created),
                PROOF_CACHE_SECONDS,
            )
        except Exception:  # noqa: BLE001 - as above
            logger.warning("The proof cache could not be written", exc_info=True)
    return outcome


def _proof_digest(document: Document, key_ring: KeyRing) -> str:
    keys = [[key.key_id, key.public_key_multibase] for key in key_ring.keys]
    material = json.dumps(
        [keys, document], sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def _resolver(key_ring: KeyRing) -> proof.KeyResolver:
    def resolve_key(method: str, issuer_id: str) -> Ed25519PublicKey | None:
        key = key_ring.resolve(method, issuer_id)
        return key.public_key if key else None

    return resolve_key


def _validity_check(details: dict[str, Any], now: datetime) -> VerificationCheck:
    valid_from, valid_until = details["valid_from"], details["valid_until"]
    if now < valid_from:
        return _failed("validity", _("The credential is not valid yet."))
    if valid_until is not None and now >= valid_until:
        return _failed(
            "validity", _("The credential has expired."), VerificationStatus.EXPIRED
        )
    return VerificationCheck(
        "validity", True, _("The credential is within its validity period.")
    )


def _status_check(entry: object, status_lookup: StatusLookup) -> VerificationCheck:
    if entry is None:
        return VerificationCheck(
            "status", True, _("The credential has no revocation status to check.")
        )
    unreadable = _failed(
        "status", _("The credential's revocation status cannot be read.")
    )
    if not isinstance(entry, dict) or entry.get("type") != "BitstringStatusListEntry":
        return unreadable
    index, url = entry.get("statusListIndex"), entry.get("statusListCredential")
    if entry.get("statusPurpose") != "revocation" or not isinstance(url, str):
        return unreadable
    if not isinstance(index, str) or not _DIGITS.fullmatch(index):
        return unreadable
    revoked = status_lookup(url, int(index))
    if revoked is None:
        return _failed(
            "status", _("The credential's status list is not one of this site's.")
        )
    if revoked:
        return _failed(
            "status", _("The credential was revoked."), VerificationStatus.REVOKED
        )
    return VerificationCheck("status", True, _("The credential has not been revoked."))


def _result(
    checks: list[VerificationCheck],
    failed: VerificationCheck | None,
    document: Document | None = None,
    details: dict[str, Any] | None = None,
) -> VerificationResult:
    if failed is not None:
        checks = [*checks, failed]
    outcomes = {check.outcome for check in checks if not check.passed}
    status = next(
        (outcome for outcome in _PRECEDENCE if outcome in outcomes),
        VerificationStatus.VALID,
    )
    details = details or {}
    return VerificationResult(
        status=status,
        checks=tuple(checks),
        credential=document,
        credential_id=details.get("credential_id", ""),
        issuer_id=details.get("issuer_id", ""),
        verification_method=details.get("verification_method", ""),
        valid_from=details.get("valid_from"),
        valid_until=details.get("valid_until"),
    )


def _failed(
    name: str, message: str, outcome: VerificationStatus = VerificationStatus.INVALID
) -> VerificationCheck:
    return VerificationCheck(name, False, message, outcome)


def _invalid(name: str, message: str) -> VerificationResult:
    return _result([], _failed(name, message))


def status_lookup_for(status_lists: Mapping[str, Bitstring]) -> StatusLookup:
    """A StatusLookup answering from decoded lists keyed by their credential URL."""

    def lookup(url: str, index: int) -> bool | None:
        bits = status_lists.get(url)
        if bits is None or index >= bits.length:
            return None
        return bits.get(index)

    return lookup


def read_status_list_credential(
    document: object, *, key_ring: KeyRing | None = None, now: datetime | None = None
) -> Bitstring:
    """The bits of a signed BitstringStatusListCredential of ours, valid ``now``.

    Raises StatusListError when it is not one, is not signed by our key ring, is
    outside its validFrom–validUntil (a stale copy replayed after a revocation) or
    its list cannot be decoded.
    """
    if not isinstance(document, dict):
        raise StatusListError(_("A status list credential is a JSON object."))
    ring = key_ring if key_ring is not None else key_ring_from_settings()
    subject = document.get("credentialSubject")
    if (
        "BitstringStatusListCredential" not in (document.get("type") or ())
        or not isinstance(subject, dict)
        or subject.get("type") != "BitstringStatusList"
        or subject.get("statusPurpose") != "revocation"
    ):
        raise StatusListError(_("This is not a revocation status list credential."))

    outcome = proof.verify(document, resolve_key=_resolver(ring))
    if not outcome.valid:
        raise StatusListError(outcome.reason)
    moment = now or datetime.now(UTC)
    valid_from = parse_datetime(document.get("validFrom"))
    valid_until = parse_datetime(document.get("validUntil"))
    if valid_from is None or moment < valid_from:
        raise StatusListError(_("This status list is not valid yet."))
    if valid_until is not None and moment >= valid_until:
        raise StatusListError(
            _("This status list expired; fetch the current one from its issuer.")
        )
    return Bitstring.decode(subject.get("encodedList"))  # type: ignore[arg-type]


def email_matches(credential: object, email: str) -> bool:
    """Does ``email`` match the credential's hashed e-mail identifier?

    For a verifier who knows the holder's address; the credential itself never
    contains it. Check the credential with verify_credential first.
    """
    subject = (
        credential.get("credentialSubject") if isinstance(credential, dict) else None
    )
    identifiers = subject.get("identifier") if isinstance(subject, dict) else None
    if not isinstance(identifiers, list) or not isinstance(email, str):
        return False
    for identity in identifiers:
        if (
            not isinstance(identity, dict)
            or identity.get("identityType") != "emailAddress"
        ):
            continue
        salt, expected = identity.get("salt", ""), identity.get("identityHash")
        if identity.get("hashed") is not True or not isinstance(salt, str):
            continue
        actual = identity_hash(normalise_email(email), salt)
        if isinstance(expected, str) and hmac.compare_digest(actual, expected):
            return True
    return False
