"""Building and reading xAPI request bodies in tests, written independently of
lms.xapi.rules.multipart so the tests do not check the code against itself."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Sequence
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

BOUNDARY = "-------314159265358979323846"
CRLF = b"\r\n"
SIGNATURE = "http://adlnet.gov/expapi/attachments/signature"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def attachment(
    data: bytes,
    *,
    content_type: str = "text/plain",
    usage: str = "http://example.com/attachment-usage/test",
    **extra: Any,
) -> dict[str, Any]:
    return {
        "usageType": usage,
        "display": {"en-US": "A test attachment"},
        "contentType": content_type,
        "length": len(data),
        "sha2": sha256(data),
        **extra,
    }


def data_part(
    data: bytes, *, content_type: str = "text/plain", hash_: str | None = None
) -> tuple[dict[str, str], bytes]:
    return (
        {
            "Content-Type": content_type,
            "Content-Transfer-Encoding": "binary",
            "X-Experience-API-Hash": sha256(data) if hash_ is None else hash_,
        },
        data,
    )


def multipart_body(
    statements: Any,
    parts: Sequence[tuple[dict[str, str], bytes]] = (),
    *,
    boundary: str = BOUNDARY,
    first_type: str | None = "application/json",
) -> bytes:
    """Statements first, then the parts, with CRLF line breaks (RFC 2046)."""
    dash = b"--" + boundary.encode()
    chunks = [dash, CRLF]
    if first_type:
        chunks += [f"Content-Type: {first_type}".encode(), CRLF]
    chunks += [CRLF, json.dumps(statements).encode(), CRLF]
    for headers, data in parts:
        chunks += [dash, CRLF]
        chunks += [
            f"{name}: {value}".encode() + CRLF for name, value in headers.items()
        ]
        chunks += [CRLF, data, CRLF]
    chunks += [dash, b"--", CRLF]
    return b"".join(chunks)


def content_type(boundary: str = BOUNDARY) -> str:
    return f"multipart/mixed; boundary={boundary}"


def read_multipart(response: Any) -> list[tuple[dict[str, str], bytes]]:
    """(headers, data) of each part of a multipart/mixed response."""
    header = response["Content-Type"]
    assert header.startswith("multipart/mixed;")
    boundary = header.split("boundary=", 1)[1].strip('"')
    body = response.content
    pieces = body.split(b"--" + boundary.encode())
    assert pieces[-1].strip() == b"--", "the body must end with the close delimiter"
    parts = []
    for piece in pieces[1:-1]:
        assert piece.startswith(CRLF) and piece.endswith(CRLF)
        head, _, data = piece[2:-2].partition(CRLF + CRLF)
        headers = dict(
            line.decode().split(": ", 1) for line in head.split(CRLF) if line
        )
        parts.append((headers, data))
    return parts


# --- JWS (RFC 7515) for signed statements ----------------------------------------


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def new_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def self_signed(key: rsa.RSAPrivateKey) -> bytes:
    """A DER X.509 certificate for `key` (what an x5c header carries)."""
    import datetime

    from cryptography import x509
    from cryptography.x509.oid import NameOID

    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "xAPI test signer")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.DER)


_RSA_HASHES = {"RS256": hashes.SHA256, "RS384": hashes.SHA384, "RS512": hashes.SHA512}


def jws(
    payload: Any,
    key: rsa.RSAPrivateKey,
    *,
    alg: str = "RS256",
    certificate: bytes | None = None,
    **header_extra: Any,
) -> bytes:
    """A compact-serialized JWS of `payload` (a statement dict or raw bytes)."""
    header: dict[str, Any] = {"alg": alg, **header_extra}
    if certificate is not None:
        header["x5c"] = [base64.b64encode(certificate).decode()]
    raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    signing_input = f"{b64url(json.dumps(header).encode())}.{b64url(raw)}".encode()
    if alg in _RSA_HASHES:
        signature = key.sign(signing_input, padding.PKCS1v15(), _RSA_HASHES[alg]())
    elif alg == "HS256":
        secret = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    else:
        signature = b""
    return signing_input + b"." + b64url(signature).encode()


def signed(
    statement: dict[str, Any], signature: bytes, *, content_type: str = ""
) -> tuple[dict[str, Any], bytes]:
    """The statement with its signature attachment, and the multipart body."""
    with_signature = {
        **statement,
        "attachments": [
            attachment(
                signature,
                usage=SIGNATURE,
                content_type=content_type or "application/octet-stream",
            )
        ],
    }
    body = multipart_body(
        with_signature,
        [data_part(signature, content_type=content_type or "application/octet-stream")],
    )
    return with_signature, body
