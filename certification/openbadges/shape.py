"""The shape a credential must have before its proof is checked (pure): the
contexts, types and fields this site issues with, and nothing JSON-LD could read
differently."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

from .context_loader import CREDENTIALS_V2, OPEN_BADGES_V3

MAX_DEPTH = 32
CREDENTIAL_TYPES = {"OpenBadgeCredential", "AchievementCredential"}
_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})"
)
Document = dict[str, Any]


def shape_problem(document: Document) -> str:
    if _depth(document) > MAX_DEPTH:
        return _("The credential is nested too deeply.")
    # Exactly the contexts this site issues with: another context could give the
    # same signed words other meanings.
    if document.get("@context") != [CREDENTIALS_V2, OPEN_BADGES_V3]:
        return _(
            "The credential's @context must be the Verifiable Credentials 2.0 and "
            "Open Badges 3.0.3 contexts."
        )
    if _has_keywords(document, top=True):
        return _("The credential uses JSON-LD keywords an Open Badge does not.")
    types = document.get("type")
    if (
        not isinstance(types, list)
        or "VerifiableCredential" not in types
        or not CREDENTIAL_TYPES.intersection(t for t in types if isinstance(t, str))
    ):
        return _("The credential is not an OpenBadgeCredential.")
    if not isinstance(document.get("id"), str):
        return _("The credential has no id.")
    if not issuer_id(document):
        return _("The credential names no issuer.")
    if not isinstance(document.get("credentialSubject"), dict):
        return _("The credential has no subject.")
    for name in ("validFrom", "validUntil", "awardedDate"):
        value = document.get(name)
        if (name == "validFrom" or value is not None) and parse_datetime(value) is None:
            return _("The credential's %(field)s is not a date and time.") % {
                "field": name
            }
    if not isinstance(document.get("proof"), dict):
        return _("The credential is not signed (it has no single proof).")
    return ""


def details(document: Document) -> dict[str, Any]:
    return {
        "credential_id": document["id"],
        "issuer_id": issuer_id(document),
        "valid_from": parse_datetime(document.get("validFrom")),
        "valid_until": parse_datetime(document.get("validUntil")),
    }


def issuer_id(document: Document) -> str:
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        issuer = issuer.get("id")
    return issuer if isinstance(issuer, str) else ""


def parse_datetime(value: object) -> datetime | None:
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed


def _has_keywords(node: object, top: bool = False) -> bool:
    """JSON-LD keywords beyond the top-level (and proof) @context.

    Our credentials use none; refusing them means the JSON a page shows is the
    plain shape that was signed (no value objects, nested contexts or aliases that
    would verify while reading differently).
    """
    if isinstance(node, list):
        return any(_has_keywords(item) for item in node)
    if not isinstance(node, dict):
        return False
    for name, value in node.items():
        if name.startswith("@") and not (top and name == "@context"):
            return True
        if name == "proof" and top and isinstance(value, dict):
            if any(k.startswith("@") and k != "@context" for k in value):
                return True
        elif name != "@context" and _has_keywords(value):
            return True
    return False


def _depth(node: object, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(node, dict):
        return max((_depth(value, level + 1) for value in node.values()), default=level)
    if isinstance(node, list):
        return max((_depth(value, level + 1) for value in node), default=level)
    return level
