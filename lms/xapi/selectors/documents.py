"""Reads of the Document resources: one document, the ids of many, a person's."""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db.models import QuerySet

from lms.input_limits import text_problem

from ..data import DocumentAddress, DocumentContext
from ..models import Document, agent_key
from ..rules.documents import activity_hash, address_key, is_json, media_type


def get_document(address: DocumentAddress) -> Document | None:
    """The document stored at `address`, content included, or None (one query)."""
    return Document.objects.filter(key=address_key(address)).first()


def documents_in(context: DocumentContext) -> QuerySet[Document]:
    """The documents of `context`: its resource, activity and agent, and its
    registration when one is given (all registrations otherwise)."""
    rows = Document.objects.filter(
        resource=context.resource,
        activity_hash=activity_hash(context.activity_iri),
        agent_key=context.agent_key,
    )
    if context.registration is not None:
        rows = rows.filter(registration=context.registration)
    return rows


def document_ids(
    context: DocumentContext, *, since: datetime | None = None
) -> tuple[list[str], datetime | None]:
    """The ids of the documents in `context` stored or updated after `since`
    (exclusive), oldest first, and when the newest of them was updated (one
    query; the contents are not read)."""
    rows = documents_in(context)
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


def person_agent_keys(user: Any) -> list[str]:
    """The agent keys a person is known by to the LRS: their pseudonymous
    account, and their e-mail address as an `mbox` or `mbox_sha1sum` (content
    that does not know the pseudonym may identify a learner by e-mail)."""
    from lms.accounts.selectors import profile_of

    from ..builder import pseudonymous_actor

    account = pseudonymous_actor(profile_of(user).xapi_id).account
    agents: list[dict[str, object]] = [
        {"account": {"homePage": account.home_page, "name": account.name}}
    ]
    emails = {user.email, user.email.lower()} - {""}
    for email in sorted(emails):
        mbox = f"mailto:{email}"
        agents.append({"mbox": mbox})
        sha1 = hashlib.sha1(mbox.encode(), usedforsecurity=False).hexdigest()
        agents.append({"mbox_sha1sum": sha1})
    return [agent_key(agent) for agent in agents]


def person_documents(*, user: Any) -> list[dict[str, Any]]:
    """A person's state and agent-profile documents for their data export:
    text as text, anything else base64."""
    exported = []
    for row in documents_of_agents(person_agent_keys(user)):
        content = bytes(row.content)
        text = _as_text(content, row.content_type)
        exported.append(
            {
                "resource": row.resource,
                "activity_id": row.activity_iri or None,
                "registration": str(row.registration) if row.registration else None,
                "id": row.document_id,
                "content_type": row.content_type,
                "updated": row.updated,
                "etag": row.etag,
                "content": text,
                "content_base64": None
                if text is not None
                else base64.b64encode(content).decode("ascii"),
            }
        )
    return exported


def _as_text(content: bytes, content_type: str) -> str | None:
    """JSON and text documents as text (when they are valid UTF-8), else None."""
    kind = media_type(content_type)
    if not (kind.startswith("text/") or is_json(kind)):
        return None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if text_problem(text) else text
