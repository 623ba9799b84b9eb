"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (Ed25519).

Exactly the W3C "Data Integrity EdDSA Cryptosuites v1.0" algorithms:

* proof configuration = the proof options (type, cryptosuite, created,
  verificationMethod, proofPurpose) with the document's ``@context``;
* both the proof configuration and the document without its proof are
  canonicalized with RDFC-1.0 (pyld's URDNA2015) to N-Quads;
* hashData = SHA-256(canonical proof configuration) || SHA-256(canonical document);
* proofValue = multibase base58btc (``z…``) of the Ed25519 signature of hashData.

Canonicalization refuses what would silently escape the signature: a context other
than the local copies (context_loader.py), a property no context defines, and a
relative IRI as an ``id`` or ``type`` (each would be dropped from the N-Quads, so
changing it would not break the proof).
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from django.utils.translation import gettext as _
from pyld.jsonld import JsonLdError, JsonLdProcessor

from .context_loader import UnknownContextError, load_document
from .documents import xsd_datetime
from .keys import IssuingKey, verify_signature
from .multibase import MultibaseError, decode_base58btc, encode_base58btc

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"
PROOF_PURPOSE = "assertionMethod"
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:\S*")
_XSD_DATETIME = re.compile(
    r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?"
)

Document = dict[str, Any]
# (verificationMethod, issuer id) -> the public key, or None when it is not ours.
KeyResolver = Callable[[str, str], Ed25519PublicKey | None]


class CanonicalizationError(ValueError):
    """The document cannot be canonicalized safely; the message says why."""


@dataclass(frozen=True)
class ProofOutcome:
    valid: bool
    reason: str = ""
    verification_method: str = ""
    created: str = ""


def canonicalize(document: Document) -> str:
    """RDFC-1.0 (URDNA2015) N-Quads of ``document``, refusing unsigned content."""
    dropped: list[str] = []
    processor = JsonLdProcessor(
        on_property_dropped=lambda iri: dropped.append(str(iri))
    )
    # base None: a relative IRI stays relative (and is refused below) instead of
    # being resolved against pyld's placeholder base, which other processors
    # would not do.
    options: dict[str, Any] = {"documentLoader": load_document, "base": None}
    try:
        expanded = processor.expand(document, options)
    except JsonLdError as exc:
        raise CanonicalizationError(_jsonld_reason(exc)) from exc
    if dropped:
        raise CanonicalizationError(
            _(
                "Property %(name)s is not defined by the credential's contexts, so it "
                "would not be signed."
            )
            % {"name": repr(dropped[0])[:120]}
        )
    _refuse_relative_iris(expanded)
    try:
        nquads = processor.normalize(
            expanded,
            {
                **options,
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
            },
        )
    except JsonLdError as exc:
        raise CanonicalizationError(_jsonld_reason(exc)) from exc
    return str(nquads)


def hash_data(document: Document, proof_config: Document) -> bytes:
    """SHA-256(canonical proof configuration) || SHA-256(canonical document)."""
    config_hash = hashlib.sha256(canonicalize(proof_config).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonicalize(document).encode("utf-8")).digest()
    return config_hash + document_hash


def sign(document: Document, *, key: IssuingKey, created: datetime) -> Document:
    """A copy of ``document`` with an eddsa-rdfc-2022 proof by ``key``.

    The verification method is the key's id for the document's issuer.
    """
    if "proof" in document:
        raise ValueError("The document already has a proof.")
    unsecured = copy.deepcopy(document)
    proof: Document = {
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": xsd_datetime(created),
        "verificationMethod": key.verification_method_id(_issuer_id(unsecured)),
        "proofPurpose": PROOF_PURPOSE,
    }
    config = {**proof, "@context": unsecured["@context"]}
    proof["proofValue"] = encode_base58btc(key.sign(hash_data(unsecured, config)))
    return {**unsecured, "proof": proof}


def verify(document: Document, *, resolve_key: KeyResolver) -> ProofOutcome:
    """Check the document's single eddsa-rdfc-2022 proof; never raises."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        return ProofOutcome(False, _("The credential has no single proof object."))
    options = {name: value for name, value in proof.items() if name != "proofValue"}
    method = options.get("verificationMethod")
    if not isinstance(method, str):
        return ProofOutcome(False, _("The proof names no verification method."))
    problem = _proof_options_problem(options)
    if problem:
        return ProofOutcome(False, problem, method)
    try:
        signature = decode_base58btc(proof.get("proofValue"))  # type: ignore[arg-type]
    except MultibaseError:
        return ProofOutcome(
            False, _("The proof value is not multibase base58btc."), method
        )
    if len(signature) != 64:
        return ProofOutcome(
            False, _("The proof value is not an Ed25519 signature."), method
        )
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    if "@context" in options:
        if not _starts_with(unsecured.get("@context"), options["@context"]):
            return ProofOutcome(
                False, _("The proof's @context does not match the document's."), method
            )
        unsecured["@context"] = options["@context"]
    public_key = resolve_key(method, _issuer_id(unsecured))
    if public_key is None:
        return ProofOutcome(
            False,
            _("The verification method is not a key of this credential's issuer."),
            method,
        )
    config = {**options, "@context": unsecured.get("@context")}
    try:
        data = hash_data(unsecured, config)
    except CanonicalizationError as exc:
        return ProofOutcome(False, str(exc), method)
    if not verify_signature(public_key, signature, data):
        return ProofOutcome(
            False,
            _("The signature does not match: the credential was changed."),
            method,
        )
    return ProofOutcome(True, "", method, str(options["created"]))


def _proof_options_problem(options: Document) -> str:
    if options.get("type") != PROOF_TYPE:
        return _("The proof type is not %(type)s.") % {"type": PROOF_TYPE}
    if options.get("cryptosuite") != CRYPTOSUITE:
        return _("The proof's cryptosuite is not %(suite)s.") % {"suite": CRYPTOSUITE}
    if options.get("proofPurpose") != PROOF_PURPOSE:
        return _("The proof's purpose is not %(purpose)s.") % {"purpose": PROOF_PURPOSE}
    created = options.get("created")
    if not isinstance(created, str) or not _XSD_DATETIME.fullmatch(created):
        return _("The proof has no valid creation date.")
    return ""


def _starts_with(context: object, prefix: object) -> bool:
    values = context if isinstance(context, list) else [context]
    wanted = prefix if isinstance(prefix, list) else [prefix]
    return values[: len(wanted)] == wanted


def _issuer_id(document: Document) -> str:
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def _refuse_relative_iris(node: object) -> None:
    if isinstance(node, list):
        for item in node:
            _refuse_relative_iris(item)
        return
    if not isinstance(node, dict):
        return
    for name, value in node.items():
        if name == "@id" and not _is_iri_or_blank(value):
            raise CanonicalizationError(
                _("%(value)s is not an absolute IRI, so it would not be signed.")
                % {"value": repr(str(value)[:80])}
            )
        if name == "@type":
            for item in value if isinstance(value, list) else [value]:
                if not _is_iri_or_blank(item):
                    raise CanonicalizationError(
                        _(
                            "Type %(type)s is not defined by the credential's "
                            "contexts, so it would not be signed."
                        )
                        % {"type": repr(str(item)[:80])}
                    )
        elif name != "@value":
            _refuse_relative_iris(value)


def _is_iri_or_blank(value: object) -> bool:
    if not isinstance(value, str):
        return False
    return value.startswith("_:") or bool(_ABSOLUTE_IRI.fullmatch(value))


def _jsonld_reason(error: JsonLdError) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, UnknownContextError):
            return str(cause.args[0])
        cause = cause.__cause__ or cause.__context__
    return _("The credential is not valid JSON-LD.")
