"""Signed statements (xAPI-Data 2.6): checks the LRS MUST make before storing one.

A signed statement carries a JWS (RFC 7515) as an attachment with usageType
`SIGNATURE_USAGE_TYPE` and contentType application/octet-stream. The LRS rejects it
with 400 when the JWS is malformed (2.6.s5.b1): not compact serialization, an
algorithm other than RS256/RS384/RS512 (2.6.s4.b4), a payload that is not the JSON
of a statement logically equivalent to the received one (2.6.s5.b3.b1-b2), or,
when the header carries an X.509 certificate (``x5c``), a signature that the
certificate's key does not verify (2.6.s5.b3.b3).

Accepting a signature proves nothing about who signed it (the spec's note to
2.6.s5): the certificate chain is not validated here; consumers do that.
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from lms.input_limits import InputRefused, load_json

from ..conf import xapi_settings
from .comparison import statements_match

SIGNATURE_USAGE_TYPE = "http://adlnet.gov/expapi/attachments/signature"
SIGNATURE_CONTENT_TYPE = "application/octet-stream"
_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "RS256": hashes.SHA256,
    "RS384": hashes.SHA384,
    "RS512": hashes.SHA512,
}
_BASE64URL_RE = re.compile(r"[A-Za-z0-9_-]*")


class SignatureError(ValueError):
    """A malformed signature (400 Bad Request); the message says what is wrong."""


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise SignatureError(f"property {key!r} appears twice in one JSON object")
        result[key] = value
    return result


def _base64url(segment: str, what: str) -> bytes:
    if not _BASE64URL_RE.fullmatch(segment):
        raise SignatureError(f"the JWS {what} is not base64url-encoded")
    try:
        return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError):
        raise SignatureError(f"the JWS {what} is not base64url-encoded") from None


def _json_object(data: bytes, what: str) -> dict[str, Any]:
    try:
        value = load_json(
            data, xapi_settings.json_limits, object_pairs_hook=_unique_keys
        )
    except InputRefused as refused:
        raise SignatureError(
            f"the JWS {what} is not valid JSON ({refused.message})"
        ) from None
    if not isinstance(value, dict):
        raise SignatureError(f"the JWS {what} must be a JSON object")
    return value


def _header(segment: str) -> dict[str, Any]:
    header = _json_object(_base64url(segment, "header"), "header")
    algorithm = header.get("alg")
    if algorithm not in _HASHES:
        raise SignatureError(
            f"the JWS algorithm must be RS256, RS384 or RS512, not {algorithm!r}"
        )
    if "crit" in header:
        # RFC 7515 4.1.11: extensions the recipient does not understand make
        # the JWS invalid, and this LRS understands none (b64=false included).
        raise SignatureError("the JWS header lists critical extensions ('crit')")
    return header


def _verify_x5c(header: dict[str, Any], signing_input: bytes, signature: bytes) -> None:
    chain = header["x5c"]
    if not isinstance(chain, list) or not chain or not isinstance(chain[0], str):
        raise SignatureError("the JWS x5c header must be a non-empty array of strings")
    try:
        der = base64.b64decode(chain[0], validate=True)
        certificate = x509.load_der_x509_certificate(der)
    except (binascii.Error, ValueError):
        raise SignatureError(
            "the first x5c certificate is not a DER X.509 certificate"
        ) from None
    key = certificate.public_key()
    if not isinstance(key, rsa.RSAPublicKey):
        raise SignatureError("the x5c certificate does not hold an RSA key")
    try:
        key.verify(
            signature, signing_input, padding.PKCS1v15(), _HASHES[header["alg"]]()
        )
    except InvalidSignature:
        raise SignatureError(
            "the JWS signature does not verify against its x5c certificate"
        ) from None


def check_signature(jws: bytes, statement: dict[str, Any]) -> None:
    """Raise SignatureError unless `jws` is a well-formed signature of `statement`."""
    try:
        text = jws.decode("ascii").strip()
    except UnicodeDecodeError:
        raise SignatureError(
            "the signature is not a JWS in compact serialization"
        ) from None
    if text.startswith("{"):
        raise SignatureError(
            "the signature uses JWS JSON serialization; use compact serialization "
            "(Data 2.6.s4.b2)"
        )
    segments = text.split(".")
    if len(segments) != 3 or not segments[2]:
        raise SignatureError(
            "the signature is not a JWS in compact serialization "
            "(header.payload.signature)"
        )
    header = _header(segments[0])
    payload = _json_object(_base64url(segments[1], "payload"), "payload")
    signature = _base64url(segments[2], "signature")
    if not statements_match(payload, statement):
        raise SignatureError(
            "the JWS payload is not the signed statement: it differs from the "
            "statement received"
        )
    if "x5c" in header:
        signing_input = f"{segments[0]}.{segments[1]}".encode("ascii")
        _verify_x5c(header, signing_input, signature)
