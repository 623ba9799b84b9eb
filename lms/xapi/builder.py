"""Build xAPI statements with `tincan` objects from a LearningEvent (pure functions).

IRREVERSIBLE: statement ids are UUIDv5 of the event identity under the site's
namespace. Changing the namespace or the identity format makes re-recorded events
look new to every LRS.
"""

from __future__ import annotations

import json
import uuid
from functools import lru_cache
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
from tincan.conversions.iso8601 import jsonify_datetime

from .conf import xapi_settings
from .data import ActivityRef, LearningEvent, ResultData
from .vocabulary import ActivityTypes

XAPI_VERSION = "1.0.3"


def activity_iri(kind: str, key: object) -> str:
    """IRREVERSIBLE: the IRI of an activity of this site, `{site}/xapi/activities/
    {kind}/{key}` — the only place it is assembled. `key` is a primary key or another
    id that never changes (never a slug or a title); changing the format splits every
    activity's history in every LRS."""
    return f"{xapi_settings.site_iri}/xapi/activities/{kind}/{key}"


def programme_ref(programme: Any) -> ActivityRef:
    """The activity of a programme page: every app's statements about a
    programme (a trajectory's, a certificate's) name it with this IRI."""
    return ActivityRef(
        activity_iri("programme", programme.pk),
        ActivityTypes.PROGRAMME,
        programme.title[:200],
    )


def statement_namespace() -> uuid.UUID:
    return _namespace(xapi_settings.site_iri)


def statement_id(identity: str) -> uuid.UUID:
    """The stable id of the statement for an event identity."""
    return _statement_id(xapi_settings.site_iri, identity)


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
    """The statement for `event` as the JSON object the LRS stores.

    Exactly `build_statement(event).as_version(XAPI_VERSION)` (a test holds them
    equal), made faster for `record()`, which runs inside a service's
    transaction: the parts events share — the verb, the activities and the
    actor — are built with tincan once and kept as JSON text, so that each
    statement gets its own copy; only what is new per event (id, context,
    result) is built each time. Building everything with tincan took ~0.4 ms.
    """
    context = Context(platform=xapi_settings.platform, language=event.language)
    if event.registration is not None:
        context.registration = event.registration
    if event.extensions:
        context.extensions = Extensions({c.iri: v for c, v in event.extensions.items()})
    context_json = context.as_version(XAPI_VERSION)
    if event.parents or event.groupings:
        activities: dict[str, Any] = {}
        if event.parents:
            activities["parent"] = [_activity_json(p) for p in event.parents]
        if event.groupings:
            activities["grouping"] = [_activity_json(g) for g in event.groupings]
        context_json["contextActivities"] = activities
    data: dict[str, Any] = {
        "id": str(_statement_id(xapi_settings.site_iri, event.identity)),
        "actor": _actor_json(event.actor_xapi_id),
        "verb": _cached_json("verb", event.verb),
        "object": _activity_json(event.object),
        "context": context_json,
        # tincan's own conversion, as Statement.as_version() applies it.
        "timestamp": jsonify_datetime(event.timestamp),
        "version": XAPI_VERSION,
    }
    if event.result is not None:
        data["result"] = _result(event.result).as_version(XAPI_VERSION)
    return data


def _statement_id(site_iri: str, identity: str) -> uuid.UUID:
    return uuid.uuid5(_namespace(site_iri), identity)


@lru_cache(maxsize=8)
def _namespace(site_iri: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_iri}/xapi/statements")


def _actor_json(xapi_id: uuid.UUID) -> dict[str, Any]:
    return json.loads(_actor_text(xapi_settings.actor_home_page, xapi_id))


@lru_cache(maxsize=4096)
def _actor_text(home_page: str, xapi_id: uuid.UUID) -> str:
    return json.dumps(pseudonymous_actor(xapi_id).as_version(XAPI_VERSION))


def _activity_json(ref: ActivityRef) -> dict[str, Any]:
    return _cached_json("activity", ref)


def _cached_json(kind: str, part: Any) -> dict[str, Any]:
    # IRIs of the suite's own concepts depend on the site's IRI: part of the key.
    return json.loads(_part_text(xapi_settings.site_iri, kind, part))


@lru_cache(maxsize=4096)
def _part_text(site_iri: str, kind: str, part: Any) -> str:
    built = (
        activity(part)
        if kind == "activity"
        else Verb(id=part.iri, display=LanguageMap(part.display()))
    )
    return json.dumps(built.as_version(XAPI_VERSION))
