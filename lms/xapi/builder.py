"""Build xAPI statements with `tincan` objects from a LearningEvent (pure functions).

IRREVERSIBLE: statement ids are UUIDv5 of the event identity under the site's
namespace. Changing the namespace or the identity format makes re-recorded events
look new to every LRS.
"""

from __future__ import annotations

import uuid
from typing import Any

from tincan import (
    Activity,
    ActivityDefinition,
    ActivityList,
    Agent,
    AgentAccount,
    Context,
    ContextActivities,
    Extensions,
    LanguageMap,
    Result,
    Score,
    Statement,
    Verb,
)

from .conf import xapi_settings
from .data import ActivityRef, LearningEvent, ResultData

XAPI_VERSION = "1.0.3"


def statement_namespace() -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{xapi_settings.site_iri}/xapi/statements")


def statement_id(identity: str) -> uuid.UUID:
    """The stable id of the statement for an event identity."""
    return uuid.uuid5(statement_namespace(), identity)


def pseudonymous_actor(xapi_id: uuid.UUID) -> Agent:
    return Agent(
        account=AgentAccount(home_page=xapi_settings.actor_home_page, name=str(xapi_id))
    )


def _names(ref: ActivityRef) -> LanguageMap | None:
    names = {
        lang: text for lang, text in (("en", ref.name_en), ("nl", ref.name_nl)) if text
    }
    return LanguageMap(names) if names else None


def activity(ref: ActivityRef) -> Activity:
    definition = ActivityDefinition(type=ref.type.iri)
    names = _names(ref)
    if names is not None:
        definition.name = names
    return Activity(id=ref.iri, definition=definition)


def _result(data: ResultData) -> Result:
    result = Result()
    if data.completion is not None:
        result.completion = data.completion
    if data.success is not None:
        result.success = data.success
    if data.score_scaled is not None:
        result.score = Score(scaled=data.score_scaled)
    if data.duration is not None:
        result.duration = data.duration
    if data.extensions:
        result.extensions = Extensions({c.iri: v for c, v in data.extensions.items()})
    return result


def build_statement(event: LearningEvent) -> Statement:
    """The tincan Statement for `event` (no stored/authority: the LRS sets those)."""
    context = Context(platform=xapi_settings.platform, language=event.language)
    if event.registration is not None:
        context.registration = event.registration
    if event.parents or event.groupings:
        activities = ContextActivities()
        if event.parents:
            activities.parent = ActivityList([activity(p) for p in event.parents])
        if event.groupings:
            activities.grouping = ActivityList([activity(g) for g in event.groupings])
        context.context_activities = activities
    if event.extensions:
        context.extensions = Extensions({c.iri: v for c, v in event.extensions.items()})
    statement = Statement(
        id=statement_id(event.identity),
        actor=pseudonymous_actor(event.actor_xapi_id),
        verb=Verb(id=event.verb.iri, display=LanguageMap(event.verb.display())),
        object=activity(event.object),
        context=context,
        timestamp=event.timestamp,
    )
    if event.result is not None:
        statement.result = _result(event.result)
    return statement


def statement_json(event: LearningEvent) -> dict[str, Any]:
    """The statement for `event` as the JSON object the LRS stores."""
    # What to_json() would dump, without a round trip through JSON text.
    data: dict[str, Any] = build_statement(event).as_version(XAPI_VERSION)
    return data
