"""Attachments of statements sent to the LRS (Communication 1.5, Data 2.4.11, 2.6).

A PUT or POST body is application/json, where every attachment must have a
fileUrl (1.5.1.s1.b2, 1.5.2.s2.b1), or multipart/mixed: the statements first as
application/json, then one part of raw octets per attachment, each with an
X-Experience-API-Hash header naming the sha2 of its data and Content-Transfer-
Encoding binary (1.5.2.s2.b2). Parts are matched to attachments by hash only
(1.5.2.s1.b4); an attachment without fileUrl and without a part, a part no
attachment declares, or a part whose data does not hash to its header value
rejects the whole request. Signature attachments are checked by `signatures`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..data import ReceivedAttachment
from ..exceptions import BadRequest, XapiTooLarge
from . import multipart
from .signatures import (
    SIGNATURE_CONTENT_TYPE,
    SIGNATURE_USAGE_TYPE,
    SignatureError,
    check_signature,
)

_SHA2_RE = re.compile("[0-9a-f]{56}|[0-9a-f]{64}|[0-9a-f]{96}|[0-9a-f]{128}")
_DIGESTS = {56: "sha224", 64: "sha256", 96: "sha384", 128: "sha512"}


def split_body(body: bytes, content_type: str) -> tuple[bytes, list[multipart.Part]]:
    """The statements' JSON and the attachment parts of a PUT/POST body."""
    kind = multipart.media_type(content_type)
    if kind == "application/json":
        return body, []
    if kind != "multipart/mixed":
        raise BadRequest(
            "The request body must be application/json, or multipart/mixed for "
            "statements with attachment data."
        )
    try:
        parts = multipart.parse(body, content_type)
    except multipart.MultipartError as exc:
        raise BadRequest(str(exc)) from None
    first, *rest = parts
    if first.media_type != "application/json":
        raise BadRequest(
            "The first part of a multipart/mixed request must hold the statements "
            "with Content-Type application/json."
        )
    return first.body, rest


def _attachments_of(
    statement: dict[str, Any], path: str, *, top: bool = True
) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """(error path, attachment, whether it is the statement's own) for each."""
    for index, attachment in enumerate(statement.get("attachments", [])):
        yield f"{path}.attachments[{index}]", attachment, top
    obj = statement["object"]
    if obj.get("objectType") == "SubStatement":
        yield from _attachments_of(obj, f"{path}.object", top=False)


def _received(part: multipart.Part, index: int, max_bytes: int) -> ReceivedAttachment:
    where = f"Attachment part {index + 2}"
    declared = (part.header("x-experience-api-hash") or "").lower()
    if not declared:
        raise BadRequest(f"{where} has no X-Experience-API-Hash header.")
    if not _SHA2_RE.fullmatch(declared):
        raise BadRequest(
            f"{where}: X-Experience-API-Hash must be a hex SHA-2 hash, "
            f"got {declared!r}."
        )
    encoding = part.header("content-transfer-encoding")
    # Absent means binary (1.5.2.s3.b6); anything else is not raw octets.
    if encoding is not None and encoding.lower() != "binary":
        raise BadRequest(
            f"{where} must have Content-Transfer-Encoding binary, not {encoding!r}."
        )
    if len(part.body) > max_bytes:
        raise XapiTooLarge(f"{where} exceeds the limit of {max_bytes} bytes.")
    actual = hashlib.new(_DIGESTS[len(declared)], part.body).hexdigest()
    if actual != declared:
        raise BadRequest(
            f"{where}: its data does not hash to its X-Experience-API-Hash {declared}."
        )
    return ReceivedAttachment(declared, part.header("content-type") or "", part.body)


def _check_part_headers(
    attachment: dict[str, Any], part: multipart.Part, where: str
) -> None:
    """1.5.2.s2.b2.b7: a part's headers must agree with the attachment's properties."""
    part_type = part.header("content-type")
    if part_type and multipart.media_type(part_type) != multipart.media_type(
        attachment["contentType"]
    ):
        raise BadRequest(
            f"{where}: contentType {attachment['contentType']!r} differs from the "
            f"Content-Type {part_type!r} of its part."
        )
    part_length = part.header("content-length")
    if part_length is not None and part_length.strip() != str(attachment["length"]):
        raise BadRequest(
            f"{where}: length {attachment['length']} differs from the "
            f"Content-Length {part_length!r} of its part."
        )


def _check_signature(
    statement: dict[str, Any],
    attachment: dict[str, Any],
    data: ReceivedAttachment | None,
    where: str,
) -> None:
    if multipart.media_type(attachment["contentType"]) != SIGNATURE_CONTENT_TYPE:
        raise BadRequest(
            f"{where}: a signature attachment must have contentType "
            f"{SIGNATURE_CONTENT_TYPE} (Data 2.6.s4.b1)."
        )
    if data is None:
        raise BadRequest(
            f"{where}: the signature (JWS) must be sent as a part of a "
            "multipart/mixed request so that the LRS can check it."
        )
    try:
        check_signature(data.data, statement)
    except SignatureError as exc:
        raise BadRequest(f"{where}: malformed signature: {exc}.") from None


def match_attachments(
    statements: Sequence[dict[str, Any]],
    parts: Sequence[multipart.Part],
    *,
    single: bool,
    max_bytes: int,
) -> dict[str, ReceivedAttachment]:
    """Check every attachment against the received parts; return the data by sha2.

    `statements` are already valid; `single` says the body was one statement
    (for error paths like ``statement.attachments[0]``).
    """
    received: dict[str, ReceivedAttachment] = {}
    by_hash: dict[str, multipart.Part] = {}
    for index, part in enumerate(parts):
        data = _received(part, index, max_bytes)
        received.setdefault(data.sha2, data)
        by_hash.setdefault(data.sha2, part)
    # The attachment's own contentType is kept (a part's header is optional).
    declared_types: dict[str, str] = {}
    for number, statement in enumerate(statements):
        path = "statement" if single else f"statements[{number}]"
        for where, attachment, own in _attachments_of(statement, path):
            sha2 = attachment["sha2"].lower()
            declared_types.setdefault(sha2, attachment["contentType"])
            matching = by_hash.get(sha2)
            if matching is None and "fileUrl" not in attachment:
                raise BadRequest(
                    f"{where}: no fileUrl and no multipart part with "
                    f"X-Experience-API-Hash {sha2} (Communication 1.5.2.s3.b5)."
                )
            if matching is not None:
                _check_part_headers(attachment, matching, where)
            # A signature signs the statement it is attached to (Data 2.6).
            if own and attachment["usageType"] == SIGNATURE_USAGE_TYPE:
                _check_signature(statement, attachment, received.get(sha2), where)
    extra = sorted(set(received) - set(declared_types))
    if extra:
        raise BadRequest(
            f"The request has parts that no attachment declares (hash {extra[0]})."
        )
    return {
        sha2: ReceivedAttachment(sha2, declared_types[sha2], data.data)
        for sha2, data in received.items()
    }
