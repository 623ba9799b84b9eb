"""Writes of the Document resources (xAPI 1.0.3 Communication 2.2–2.7, 3.1):
PUT, POST (JSON merge) and DELETE of one document, DELETE of a state context,
and erasing a person's documents.

Every write reads the stored row locked (`select_for_update`) and judges the
request's If-Match / If-None-Match against it in the same transaction, then
writes only if the row still has the ETag it was judged against. On PostgreSQL
the lock makes a second writer wait and judge the first one's result; where rows
are not locked (SQLite) the conditional UPDATE catches the change. Either way
two writers holding the same ETag cannot both win: the second gets 412.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from lms.input_limits import InputRefused, load_json

from ..conf import xapi_settings
from ..data import DocumentAddress, DocumentContext, Preconditions
from ..exceptions import BadRequest, PreconditionFailed, XapiTooLarge
from ..models import Document
from ..rules.documents import (
    activity_hash,
    address_key,
    check_preconditions,
    etag_of,
    is_json,
    merge,
)
from ..selectors.documents import documents_in, person_agent_keys

# How often a write is judged again after another writer changed or created the
# document between our read and our write (only where rows are not locked, or
# when both create it at once).
_ATTEMPTS = 10

Build = Callable[[Document | None], tuple[bytes, str]]


def put_document(
    *,
    address: DocumentAddress,
    content: bytes,
    content_type: str,
    conditions: Preconditions,
) -> None:
    """Store `content` at `address`, replacing what is there, if `conditions`
    hold (PreconditionFailed, DocumentConflict otherwise)."""
    _write(address, conditions, "PUT", lambda _row: (content, content_type))


def post_document(
    *,
    address: DocumentAddress,
    content: bytes,
    content_type: str,
    conditions: Preconditions,
) -> None:
    """Merge the JSON object `content` into the JSON object stored at `address`
    (Communication 2.2.s7), or store it when there is none; BadRequest when
    either is not application/json or not a JSON object."""
    if not is_json(content_type):
        raise BadRequest(
            "POST merges JSON documents: send Content-Type application/json, or "
            "use PUT to store any other document (Communication 2.2.s8.b1)."
        )
    posted = _json_object(content, "The posted document")

    def build(row: Document | None) -> tuple[bytes, str]:
        if row is None:
            return content, content_type
        if not is_json(row.content_type):
            raise BadRequest(
                f"The stored document has Content-Type {row.content_type!r}, not "
                "application/json, so a POST cannot merge into it; PUT replaces "
                "it (Communication 2.2.s8.b1)."
            )
        merged = merge(_stored_json(bytes(row.content)), posted)
        data = json.dumps(merged, ensure_ascii=False, separators=(",", ":"))
        encoded = data.encode("utf-8")
        if len(encoded) > xapi_settings.max_document_bytes:
            raise XapiTooLarge(
                "The merged document would be larger than "
                f"{xapi_settings.max_document_bytes} bytes."
            )
        return encoded, row.content_type

    _write(address, conditions, "POST", build)


def delete_document(*, address: DocumentAddress, conditions: Preconditions) -> None:
    """Delete the document at `address` (nothing to do when there is none) if
    `conditions` hold."""
    key = address_key(address)
    with transaction.atomic():
        row = Document.objects.select_for_update().filter(key=key).first()
        check_preconditions(
            conditions,
            row.etag if row else None,
            resource=address.resource,
            method="DELETE",
        )
        if row is not None:
            deleted, _ = Document.objects.filter(pk=row.pk, etag=row.etag).delete()
            if not deleted and conditions.if_match is not None:
                raise _changed_meanwhile()


def delete_documents(*, context: DocumentContext) -> int:
    """Delete every document of `context` (all state of an activity and agent,
    of one registration when it is given); how many there were."""
    deleted, _ = documents_in(context).delete()
    return deleted


def erase_documents_of_agents(agent_keys: Iterable[str]) -> int:
    """Delete every state and agent-profile document of these agents."""
    deleted, _ = Document.objects.filter(
        resource__in=[Document.Resource.STATE, Document.Resource.AGENT_PROFILE],
        agent_key__in=[key for key in agent_keys if key],
    ).delete()
    return deleted


def erase_person_documents(*, user: Any) -> None:
    """Erase a person's state and agent-profile documents (their eraser in the
    personal-data registry; docs/decisions/0010)."""
    erase_documents_of_agents(person_agent_keys(user))


def _write(
    address: DocumentAddress, conditions: Preconditions, method: str, build: Build
) -> None:
    key = address_key(address)
    for _attempt in range(_ATTEMPTS):
        with transaction.atomic():
            row = Document.objects.select_for_update().filter(key=key).first()
            check_preconditions(
                conditions,
                row.etag if row else None,
                resource=address.resource,
                method=method,
            )
            content, content_type = build(row)
            fields = {
                "content": content,
                "content_type": content_type,
                "etag": etag_of(content),
                "updated": timezone.now(),
            }
            if row is not None:
                if Document.objects.filter(pk=row.pk, etag=row.etag).update(**fields):
                    return
                continue  # changed after our read (no row locks): judge again
            try:
                with transaction.atomic():
                    Document.objects.create(
                        key=key, **_address_fields(address), **fields
                    )
                return
            except IntegrityError:
                continue  # created by another request meanwhile: judge again
    raise _changed_meanwhile()


def _changed_meanwhile() -> PreconditionFailed:
    return PreconditionFailed(
        "The document was changed by another request while this one was handled; "
        "GET it again and retry."
    )


def _address_fields(address: DocumentAddress) -> dict[str, Any]:
    return {
        "resource": address.resource,
        "activity_iri": address.activity_iri,
        "activity_hash": activity_hash(address.activity_iri),
        "agent_key": address.agent_key,
        "agent": address.agent,
        "registration": address.registration,
        "document_id": address.document_id,
    }


def _json_object(content: bytes, what: str) -> Any:
    try:
        value = load_json(content, xapi_settings.json_limits)
    except InputRefused as refused:
        where = f" (at {refused.pointer})" if refused.pointer else ""
        error = XapiTooLarge if refused.status == 413 else BadRequest
        raise error(f"{what}: {refused.message}{where}") from None
    if not isinstance(value, dict):
        raise BadRequest(
            f"{what} must be a JSON object: POST merges its properties into the "
            "stored document (Communication 2.2.s8.b1)."
        )
    return value


def _stored_json(content: bytes) -> Any:
    try:
        return load_json(content, xapi_settings.json_limits)
    except InputRefused:
        raise BadRequest(
            "The stored document cannot be parsed as a JSON object, so a POST "
            "cannot merge into it; PUT replaces it (Communication 2.2.s8.b1)."
        ) from None
