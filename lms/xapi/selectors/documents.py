"""Reads of the Document resources: one document, the ids of many, a person's."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from ..data import DocumentAddress, DocumentContext
from ..models import Document
from ..rules.documents import activity_hash, address_key


def get_document(address: DocumentAddress) -> Document | None:
    """The document stored at `address`, content included, or None (one query)."""
    return Document.objects.filter(key=address_key(address)).first()


def document_ids(
    context: DocumentContext, *, since: datetime | None = None
) -> tuple[list[str], datetime | None]:
    """The ids of the documents in `context` stored or updated after `since`
    (exclusive), oldest first, and when the newest of them was updated (one
    query; the contents are not read)."""
    rows = Document.objects.filter(
        resource=context.resource,
        activity_hash=activity_hash(context.activity_iri),
        agent_key=context.agent_key,
    )
    if context.registration is not None:
        rows = rows.filter(registration=context.registration)
    if since is not None:
        rows = rows.filter(updated__gt=since)
    found = list(rows.order_by("updated", "pk").values_list("document_id", "updated"))
    return [i for i, _ in found], max((u for _, u in found), default=None)


def documents_of_agents(agent_keys: Iterable[str]) -> list[Document]:
    """Every state and agent-profile document of these agents, by address."""
    return list(
        Document.objects.filter(
            resource__in=[Document.Resource.STATE, Document.Resource.AGENT_PROFILE],
            agent_key__in=[key for key in agent_keys if key],
        ).order_by("resource", "activity_iri", "document_id", "pk")
    )
