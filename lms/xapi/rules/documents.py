"""Pure rules of the Document resources (xAPI 1.0.3 Communication 2.2, 3.1):
addresses, ETags, preconditions and the JSON merge of POST."""

from __future__ import annotations

import hashlib
from typing import Any

from ..data import DocumentAddress, DocumentContext, Preconditions
from ..exceptions import BadRequest, DocumentConflict, PreconditionFailed

JSON_MEDIA_TYPE = "application/json"
# Only the profile resources refuse a PUT without a concurrency header
# (Communication 3.1.s3: "The State Resource will permit PUT, POST and DELETE
# requests without concurrency headers").
PROFILE_RESOURCES = frozenset({"activity_profile", "agent_profile"})


def _sha256(*parts: str) -> str:
    # NUL cannot occur in any part (parameters with NUL are refused), so it
    # separates the parts without ambiguity.
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def activity_hash(activity_iri: str) -> str:
    """The indexable stand-in for an activity IRI ("" for none)."""
    return _sha256(activity_iri) if activity_iri else ""


def address_key(address: DocumentAddress) -> str:
    """The unique key of a document's address."""
    return _sha256(
        address.resource,
        address.activity_iri,
        address.agent_key,
        str(address.registration or ""),
        address.document_id,
    )


def context_of(address: DocumentAddress) -> DocumentContext:
    return DocumentContext(
        resource=address.resource,
        activity_iri=address.activity_iri,
        agent_key=address.agent_key,
        registration=address.registration,
    )


def etag_of(content: bytes) -> str:
    """Lowercase hexadecimal SHA-1 of the contents (Communication 3.1.s4.b2)."""
    return hashlib.sha1(content, usedforsecurity=False).hexdigest()


def quoted(etag: str) -> str:
    """The ETag header value: enclosed in quotes (Communication 3.1.s4.b4)."""
    return f'"{etag}"'


def _etags(header: str) -> list[str]:
    """The entity tags of an If-Match / If-None-Match header, unquoted; weak
    tags (W/) compare by their value, as RFC 7232's weak comparison does."""
    tags = []
    for part in header.split(","):
        tag = part.strip()
        if tag.startswith("W/"):
            tag = tag[2:]
        if len(tag) >= 2 and tag[0] == tag[-1] == '"':
            tag = tag[1:-1]
        if tag:
            tags.append(tag)
    return tags


def check_preconditions(
    conditions: Preconditions,
    current_etag: str | None,
    *,
    resource: str,
    method: str,
) -> None:
    """Refuse a write whose concurrency headers do not hold for the document as
    stored (`current_etag`, None when there is none): 412 for a failed
    precondition (3.1.s4.b9, b11), 409 for a PUT to an existing profile
    document without either header (3.1.s4.b13)."""
    if conditions.if_match is not None:
        tags = _etags(conditions.if_match)
        if current_etag is None or not ("*" in tags or current_etag in tags):
            raise PreconditionFailed(
                "If-Match does not match the document as stored: it was changed "
                "or deleted since you fetched it. GET it again and retry with its "
                "ETag."
            )
    if conditions.if_none_match is not None and current_etag is not None:
        tags = _etags(conditions.if_none_match)
        if "*" in tags or current_etag in tags:
            raise PreconditionFailed(
                "If-None-Match: the document already exists. GET it first and "
                "send If-Match with its ETag to change it."
            )
    if (
        method == "PUT"
        and resource in PROFILE_RESOURCES
        and current_etag is not None
        and not conditions.given
    ):
        raise DocumentConflict(
            "The document already exists and the PUT has neither If-Match nor "
            "If-None-Match. Check the current state of the document (GET it), then "
            "send If-Match with its ETag to replace it (Communication 3.1.s4.b14)."
        )


def media_type(content_type: str) -> str:
    """The media type of a Content-Type value, without parameters, lowercase."""
    return content_type.split(";", 1)[0].strip().lower()


def is_json(content_type: str) -> bool:
    return media_type(content_type) == JSON_MEDIA_TYPE


def merge(existing: Any, posted: Any) -> dict[str, Any]:
    """The stored object with each top-level property of the posted object set
    on it (Communication 2.2.s7.b2); BadRequest unless both are JSON objects."""
    if not isinstance(posted, dict):
        raise BadRequest(
            "A POSTed application/json document must be a JSON object: POST merges "
            "its properties into the stored document (Communication 2.2.s8)."
        )
    if not isinstance(existing, dict):
        raise BadRequest(
            "The stored document is not a JSON object, so a POST cannot merge into "
            "it; PUT replaces it instead (Communication 2.2.s8)."
        )
    return {**existing, **posted}
