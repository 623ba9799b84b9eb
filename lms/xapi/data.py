"""Typed descriptions of learning events: what a service hands to `record()`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from .vocabulary import Concept


@dataclass(frozen=True)
class ActivityRef:
    """An activity by its IRI, with the type and a display name (no personal data)."""

    iri: str
    type: Concept
    name_en: str = ""
    name_nl: str = ""


@dataclass(frozen=True)
class ResultData:
    completion: bool | None = None
    success: bool | None = None
    score_scaled: float | None = None
    duration: timedelta | None = None
    extensions: dict[Concept, str | int | float | bool] = field(default_factory=dict)


@dataclass(frozen=True)
class LearningEvent:
    """One thing a person did, described without names, e-mail or free text.

    `identity` names the event uniquely and stably (e.g. "reflection-submitted:42:3");
    the statement id is derived from it, so recording the same event twice stores
    one statement.
    """

    identity: str
    actor_xapi_id: uuid.UUID
    verb: Concept
    object: ActivityRef
    timestamp: datetime
    registration: uuid.UUID | None = None
    parents: tuple[ActivityRef, ...] = ()
    groupings: tuple[ActivityRef, ...] = ()
    result: ResultData | None = None
    extensions: dict[Concept, str | int | float | bool] = field(default_factory=dict)
    language: str = "en"


@dataclass(frozen=True)
class ReceivedAttachment:
    """The data of one statement attachment as received, keyed by its sha2."""

    sha2: str  # lower case hex
    content_type: str
    data: bytes
