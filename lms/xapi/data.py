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


@dataclass(frozen=True)
class DocumentAddress:
    """Where a document of a Document resource lives (Communication 2.2–2.7).

    `resource` is a `Document.Resource` value; fields a resource is not keyed by
    stay empty (an activity profile has no agent, an agent profile no activity,
    only state has a registration). `agent_key` is `models.agent_key(agent)`.
    """

    resource: str
    document_id: str
    activity_iri: str = ""
    agent: dict[str, object] | None = None
    agent_key: str = ""
    registration: uuid.UUID | None = None


@dataclass(frozen=True)
class DocumentContext:
    """The documents a multiple-document GET lists or a state DELETE removes: one
    resource's documents of an activity and/or agent; `registration` None is
    every registration (Communication 2.3.s4, 2.3.s5)."""

    resource: str
    activity_iri: str = ""
    agent_key: str = ""
    registration: uuid.UUID | None = None
    # The agent as the client sent it (kept with a document it writes).
    agent: dict[str, object] | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Preconditions:
    """The concurrency headers of a write (Communication 3.1): the raw values of
    If-Match and If-None-Match, None when absent."""

    if_match: str | None = None
    if_none_match: str | None = None

    @property
    def given(self) -> bool:
        return self.if_match is not None or self.if_none_match is not None
