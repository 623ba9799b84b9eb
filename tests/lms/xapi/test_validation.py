"""xAPI 1.0.3 statement validation against the MUST rules of the specification.

Valid statements come from the spec's own examples (xAPI-Data.md, appendices A-D)
and from templates of ADL's LRS conformance test suite; invalid ones break exactly
one rule each and assert both where (`path`) and why (`message`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from lms.xapi.rules.validation import (
    StatementValidationError,
    is_absolute_iri,
    is_absolute_irl,
    is_iso8601_duration,
    is_language_tag,
    is_uuid,
    parse_timestamp,
    validate_agent,
    validate_statement,
    validate_statements,
)

Statement = dict[str, Any]

AGENT = {"objectType": "Agent", "name": "Learner", "mbox": "mailto:learner@example.com"}
VERB = {
    "id": "http://adlnet.gov/expapi/verbs/attempted",
    "display": {"en-US": "attempted"},
}
ACTIVITY = {"objectType": "Activity", "id": "http://example.com/activities/course"}
STATEMENT_ID = "fd41c918-b88b-4b20-a0a5-a4c32391aaa0"
SHA256 = "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a"
ATTACHMENT = {
    "usageType": "http://example.com/attachment-usage/test",
    "display": {"en-US": "A test attachment"},
    "description": {"en-US": "A test attachment (description)"},
    "contentType": "text/plain; charset=ascii",
    "length": 27,
    "sha2": SHA256,
    "fileUrl": "http://over.there.com/file.txt",
}
OAUTH_AUTHORITY = {
    "objectType": "Group",
    "member": [
        {
            "account": {
                "homePage": "http://example.com/xAPI/OAuth/Token",
                "name": "oauth_consumer_x75db",
            }
        },
        {"mbox": "mailto:bob@example.com"},
    ],
}
SUBSTATEMENT = {
    "objectType": "SubStatement",
    "actor": {"objectType": "Agent", "mbox": "mailto:test@example.com"},
    "verb": {"id": "http://example.com/visited", "display": {"en-US": "will visit"}},
    "object": {"objectType": "Activity", "id": "http://example.com/website"},
}
DELETE = object()
MINUTES_EXTENSION = (
    "http://example.com/profiles/meetings/resultextensions/minuteslocation"
)
ROOM_EXTENSION = (
    "http://example.com/profiles/meetings/activitydefinitionextensions/room"
)
SIGNATURE_SHA2 = "672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634"


def statement(**overrides: Any) -> Statement:
    """A minimal valid statement with top-level properties replaced or added."""
    data: Statement = {
        "actor": copy.deepcopy(AGENT),
        "verb": copy.deepcopy(VERB),
        "object": copy.deepcopy(ACTIVITY),
    }
    data.update(copy.deepcopy(overrides))
    return data


def changed(data: Statement, dotted: str, value: Any) -> Statement:
    """A copy of `data` with the value at `dotted` (a.b.0.c) set, or deleted."""
    result = copy.deepcopy(data)
    *parents, last = dotted.split(".")
    target: Any = result
    for part in parents:
        target = target[int(part)] if isinstance(target, list) else target[part]
    if value is DELETE:
        del target[last]
    elif isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value
    return result


def interaction(interaction_type: str, **extra: Any) -> Statement:
    definition = {
        "description": {"en-US": "A question"},
        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
        "interactionType": interaction_type,
        **extra,
    }
    return statement(object={**ACTIVITY, "definition": definition})


def components(*ids: str) -> list[dict[str, Any]]:
    return [{"id": i, "description": {"en-US": i.title()}} for i in ids]


# --- Valid statements ---------------------------------------------------------

SPEC_EXAMPLES: dict[str, Statement] = {
    # Data 2.4.s2: the simplest statement using every MUST/SHOULD property.
    "simplest": {
        "id": "12345678-1234-5678-1234-567812345678",
        "actor": {"mbox": "mailto:xapi@adlnet.gov"},
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/created",
            "display": {"en-US": "created"},
        },
        "object": {"id": "http://example.adlnet.gov/xapi/example/activity"},
    },
    # Appendix A: simple statement.
    "appendix-a-simple": {
        "id": STATEMENT_ID,
        "timestamp": "2015-11-18T12:17:00+00:00",
        "actor": {
            "objectType": "Agent",
            "name": "Project Tin Can API",
            "mbox": "mailto:user@example.com",
        },
        "verb": {
            "id": "http://example.com/xapi/verbs#sent-a-statement",
            "display": {"en-US": "sent"},
        },
        "object": {
            "id": "http://example.com/xapi/activity/simplestatement",
            "definition": {
                "name": {"en-US": "simple statement"},
                "description": {"en-US": "A simple Experience API statement."},
            },
        },
    },
    # Appendix A: completion with a result and a duration in seconds.
    "appendix-a-result": {
        "id": "7ccd3322-e1a5-411a-a67d-6a735c76f119",
        "timestamp": "2015-12-18T12:17:00+00:00",
        "actor": {
            "objectType": "Agent",
            "name": "Example Learner",
            "mbox": "mailto:example.learner@adlnet.gov",
        },
        "verb": VERB,
        "object": {
            "id": "http://example.adlnet.gov/xapi/example/simpleCBT",
            "definition": {
                "name": {"en-US": "simple CBT course"},
                "description": {"en-US": "A fictitious example CBT course."},
            },
        },
        "result": {
            "score": {"scaled": 0.95},
            "success": True,
            "completion": True,
            "duration": "PT1234S",
        },
    },
    # Appendix A: the long example with a Group actor, context and authority.
    "appendix-a-long": {
        "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
        "actor": {
            "name": "Team PB",
            "mbox": "mailto:teampb@example.com",
            "member": [
                {
                    "name": "Andrew Downes",
                    "account": {
                        "homePage": "http://www.example.com",
                        "name": "13936749",
                    },
                    "objectType": "Agent",
                },
                {
                    "name": "Toby Nichols",
                    "openid": "http://toby.openid.example.org/",
                    "objectType": "Agent",
                },
                {
                    "name": "Ena Hills",
                    "mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9",
                    "objectType": "Agent",
                },
            ],
            "objectType": "Group",
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/attended",
            "display": {"en-GB": "attended", "en-US": "attended"},
        },
        "result": {
            "extensions": {
                MINUTES_EXTENSION: "X:\\meetings\\minutes\\examplemeeting.one"
            },
            "success": True,
            "completion": True,
            "response": "We agreed on some example actions.",
            "duration": "PT1H0M0S",
        },
        "context": {
            "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
            "contextActivities": {
                "parent": [
                    {
                        "id": "http://www.example.com/meetings/series/267",
                        "objectType": "Activity",
                    }
                ],
                "category": [
                    {
                        "id": "http://www.example.com/meetings/categories/teammeeting",
                        "objectType": "Activity",
                        "definition": {
                            "name": {"en": "team meeting"},
                            "description": {"en": "A category of meeting."},
                            "type": "http://example.com/expapi/activities/meetingcategory",
                        },
                    }
                ],
                "other": [
                    {"id": "http://www.example.com/meetings/occurances/34257"},
                    {"id": "http://www.example.com/meetings/occurances/3425567"},
                ],
            },
            "instructor": {
                "name": "Andrew Downes",
                "account": {"homePage": "http://www.example.com", "name": "13936749"},
                "objectType": "Agent",
            },
            "team": {
                "name": "Team PB",
                "mbox": "mailto:teampb@example.com",
                "objectType": "Group",
            },
            "platform": "Example virtual meeting software",
            "language": "tlh",
            "statement": {
                "objectType": "StatementRef",
                "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
            },
        },
        "timestamp": "2013-05-18T05:32:34.804+00:00",
        "stored": "2013-05-18T05:32:34.804+00:00",
        "authority": {
            "account": {"homePage": "http://cloud.scorm.com/", "name": "anonymous"},
            "objectType": "Agent",
        },
        "version": "1.0.0",
        "object": {
            "id": "http://www.example.com/meetings/occurances/34534",
            "definition": {
                "extensions": {
                    ROOM_EXTENSION: {
                        "name": "Kilby",
                        "id": "http://example.com/rooms/342",
                    }
                },
                "name": {"en-GB": "example meeting", "en-US": "example meeting"},
                "description": {"en-GB": "An example meeting.", "en-US": "A meeting."},
                "type": "http://adlnet.gov/expapi/activities/meeting",
                "moreInfo": "http://virtualmeeting.example.com/345256",
            },
            "objectType": "Activity",
        },
    },
    # Data 2.3.2.s3: voiding.
    "voiding": {
        "actor": {
            "objectType": "Agent",
            "name": "Example Admin",
            "mbox": "mailto:admin@example.adlnet.gov",
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/voided",
            "display": {"en-US": "voided"},
        },
        "object": {
            "objectType": "StatementRef",
            "id": "e05aa883-acaf-40ad-bf54-02c8ce485fb0",
        },
    },
    # Data 2.4.4.3.s5: a comment on another statement.
    "statement-ref": {
        "actor": {"objectType": "Agent", "mbox": "mailto:test@example.com"},
        "verb": {
            "id": "http://example.com/commented",
            "display": {"en-US": "commented"},
        },
        "object": {
            "objectType": "StatementRef",
            "id": "8f87ccde-bb56-4c2e-ab83-44982ef22df0",
        },
        "result": {"response": "Wow, nice work!"},
    },
    # Data 2.4.4.3.s9: "I planned to visit 'Some Awesome Website'".
    "substatement": {
        "actor": {"objectType": "Agent", "mbox": "mailto:test@example.com"},
        "verb": {"id": "http://example.com/planned", "display": {"en-US": "planned"}},
        "object": {
            **SUBSTATEMENT,
            "object": {
                "objectType": "Activity",
                "id": "http://example.com/website",
                "definition": {"name": {"en-US": "Some Awesome Website"}},
            },
        },
    },
    # Appendix B: a SubStatement whose object is a Statement Reference.
    "substatement-statement-ref": statement(
        object={
            "objectType": "SubStatement",
            "actor": {"objectType": "Agent", "mbox": "mailto:agent@example.com"},
            "verb": {
                "id": "http://example.com/confirmed",
                "display": {"en": "confirmed"},
            },
            "object": {
                "objectType": "StatementRef",
                "id": "9e13cefd-53d3-4eac-b5ed-2cf6693903bb",
            },
        }
    ),
    # Appendix B: an Agent and an identified Group as object.
    "agent-object": statement(
        object={
            "name": "Andrew Downes",
            "mbox": "mailto:andrew@example.co.uk",
            "objectType": "Agent",
        }
    ),
    "group-object": statement(
        object={
            "name": "Example Group",
            "account": {
                "homePage": "http://example.com/homePage",
                "name": "GroupAccount",
            },
            "objectType": "Group",
            "member": [
                {"name": "Andrew Downes", "mbox": "mailto:andrew@example.com"},
                {"name": "Aaron Silvers", "openid": "http://aaron.openid.example.org"},
            ],
        }
    ),
    # Appendix D: a signed statement with its signature attachment.
    "signed": {
        "version": "1.0.0",
        "id": "33cff416-e331-4c9d-969e-5373a1756120",
        "actor": {
            "mbox": "mailto:example@example.com",
            "name": "Example Learner",
            "objectType": "Agent",
        },
        "verb": {
            "id": "http://adlnet.gov/expapi/verbs/experienced",
            "display": {"en-US": "experienced"},
        },
        "object": {
            "id": "https://www.youtube.com/watch?v=xh4kIiH3Sm8",
            "objectType": "Activity",
            "definition": {"name": {"en-US": "Tax Tips & Information"}},
        },
        "timestamp": "2013-04-01T12:00:00Z",
        "attachments": [
            {
                "usageType": "http://adlnet.gov/expapi/attachments/signature",
                "display": {"en-US": "Signature"},
                "description": {"en-US": "A test signature"},
                "contentType": "application/octet-stream",
                "length": 4235,
                "sha2": SIGNATURE_SHA2,
            }
        ],
    },
    # Appendix C: one definition per interactionType.
    "true-false": interaction("true-false", correctResponsesPattern=["true"]),
    "choice": interaction(
        "choice",
        correctResponsesPattern=["golf[,]tetris"],
        choices=components("golf", "facebook", "tetris", "scrabble"),
    ),
    "fill-in": interaction("fill-in", correctResponsesPattern=["Bob's your uncle"]),
    "long-fill-in": interaction(
        "long-fill-in",
        correctResponsesPattern=["{case_matters=false}{lang=en}To store data."],
    ),
    "likert": interaction(
        "likert",
        correctResponsesPattern=["likert_3"],
        scale=components("likert_0", "likert_1", "likert_2", "likert_3"),
    ),
    "matching": interaction(
        "matching",
        correctResponsesPattern=["ben[.]3[,]chris[.]2"],
        source=components("ben", "chris"),
        target=components("1", "2", "3"),
    ),
    "performance": interaction(
        "performance",
        correctResponsesPattern=["pong[.]1:[,]dg[.]:10[,]lunch[.]"],
        steps=components("pong", "dg", "lunch"),
    ),
    "sequencing": interaction(
        "sequencing",
        correctResponsesPattern=["tim[,]mike[,]ells[,]ben"],
        choices=components("tim", "ben", "ells", "mike"),
    ),
    "numeric": interaction("numeric", correctResponsesPattern=["4[:]"]),
    "other": interaction("other", correctResponsesPattern=["(35.937432,-86.868896)"]),
    "likert-without-scale": interaction("likert", correctResponsesPattern=["likert_3"]),
    "empty-correct-responses": interaction("choice", correctResponsesPattern=[]),
}

CONFORMANCE_VALID: dict[str, Statement] = {
    "account-actor": statement(
        actor={"account": {"homePage": "http://www.example.com", "name": "1625378"}}
    ),
    "mbox-sha1sum-actor": statement(
        actor={"mbox_sha1sum": "CD9B00A5611F94EAA7B1661EDAB976068E364975"}
    ),
    "openid-actor": statement(actor={"openid": "http://openid.example.org/12345"}),
    "anonymous-group-actor": statement(
        actor={"objectType": "Group", "member": [copy.deepcopy(AGENT)]}
    ),
    "identified-group-without-members": statement(
        actor={"objectType": "Group", "mbox": "mailto:team@example.com"}
    ),
    "oauth-authority": statement(authority=OAUTH_AUTHORITY),
    "group-instructor": statement(
        context={"instructor": {"objectType": "Group", "member": [AGENT]}}
    ),
    "anonymous-team": statement(
        context={"team": {"objectType": "Group", "member": [AGENT]}}
    ),
    "single-context-activity": statement(
        context={"contextActivities": {"parent": {"id": "http://example.com/parent"}}}
    ),
    "empty-context-activity-array": statement(
        context={"contextActivities": {"grouping": []}}
    ),
    "revision-with-activity": statement(context={"revision": "2", "platform": "web"}),
    "null-extension-values": statement(
        result={"extensions": {"http://example.com/null": None}},
        context={"extensions": {"http://example.com/null": None}},
    ),
    "version-1.0": statement(version="1.0"),
    "version-1.0.9": statement(version="1.0.9"),
    "scaled-boundaries": statement(
        result={"score": {"scaled": -1.0, "raw": 0, "min": 0, "max": 100}}
    ),
    "raw-at-max": statement(result={"score": {"raw": 100, "min": 0, "max": 100}}),
    "raw-unrestricted": statement(result={"score": {"raw": -12345.678}}),
    "future-timestamp": statement(timestamp="2099-01-01T00:00:00.000Z"),
    "timestamp-without-offset": statement(timestamp="2013-05-18T05:32:34.804"),
    "timestamp-basic-format": statement(timestamp="20130518T053234.804+0100"),
    "uppercase-uuid": statement(id="AA97B177-9383-4934-8543-0F91A7A02836"),
    "attachment-with-file-url": statement(attachments=[ATTACHMENT]),
    "substatement-with-context": statement(
        object={
            **SUBSTATEMENT,
            "context": {"revision": "1", "platform": "web", "language": "de"},
            "result": {"duration": "PT1H0M0.1S"},
            "timestamp": "2099-01-01T00:00:00Z",
        }
    ),
    "substatement-agent-object": statement(object={**SUBSTATEMENT, "object": AGENT}),
    "unicode-language-maps": statement(
        verb={
            "id": "http://adlnet.gov/expapi/verbs/attended",
            "display": {
                "ja-JP": "出席した",
                "ko-KR": "참석",
                "hy-AM": "ներկա է գտնվել",
            },
        }
    ),
    "iri-with-unicode": statement(object={"id": "http://example.com/فعل/خواندن"}),
    "urn-activity-id": statement(
        object={"id": "urn:uuid:6b3ee0f0-7c6c-4b53-8b5c-2e1d6c3a9b0e"}
    ),
    "tag-uri-extension-key": statement(
        context={"extensions": {"tag:adlnet.gov,2013:expapi:0.9:extensions:x": 1}}
    ),
}


@pytest.mark.parametrize(
    "data",
    [*SPEC_EXAMPLES.values(), *CONFORMANCE_VALID.values()],
    ids=[*SPEC_EXAMPLES, *CONFORMANCE_VALID],
)
def test_valid_statements_pass(data: Statement) -> None:
    original = copy.deepcopy(data)
    validate_statement(data)
    assert data == original  # validation never rewrites the statement


@pytest.mark.parametrize(
    "tag",
    ["de", "i-enochian", "ine", "zh-Hant", "sr-Latn", "zh-cmn-Hans-CN", "sr-Latn-RS",
     "sl-rozaj-biske", "de-CH-1901", "hy-Latn-IT-arevela", "de-DE",
     "az-Arab-x-AZE-derbend", "x-whatever", "es-419", "en-GB-oed", "EN-us"],
)  # fmt: skip
def test_conformance_language_tags_pass_as_verb_display(tag: str) -> None:
    validate_statement(statement(verb={**VERB, "display": {tag: "visited"}}))


# --- Invalid statements ---------------------------------------------------------

BASE = statement()
WITH_CONTEXT = statement(
    context={"registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7"}
)
WITH_RESULT = statement(result={"score": {"scaled": 0.5}, "success": True})
CHOICE = SPEC_EXAMPLES["choice"]
AGENT_OBJECT = SPEC_EXAMPLES["agent-object"]
SUB = statement(object=SUBSTATEMENT)

# (id, statement, expected error path, fragment of the expected message)
INVALID: list[tuple[str, Statement, str, str]] = [
    # Data 2.2: required properties, unknown properties, case, nulls.
    (
        "no-actor",
        changed(BASE, "actor", DELETE),
        "statement.actor",
        "actor is required",
    ),
    ("no-verb", changed(BASE, "verb", DELETE), "statement.verb", "verb is required"),
    (
        "no-object",
        changed(BASE, "object", DELETE),
        "statement.object",
        "object is required",
    ),
    (
        "unknown-property",
        statement(foo=1),
        "statement.foo",
        "not a property of a Statement",
    ),
    ("key-case", statement(Actor=AGENT), "statement.Actor", "use 'actor'"),
    ("id-key-case", statement(iD=STATEMENT_ID), "statement.iD", "case-sensitive"),
    (
        "null-actor-name",
        changed(BASE, "actor.name", None),
        "statement.actor.name",
        "must not be null",
    ),
    (
        "null-display-value",
        changed(BASE, "verb.display", {"en-US": None}),
        'statement.verb.display["en-US"]',
        "must not be null",
    ),
    (
        "null-registration",
        statement(context={"registration": None}),
        "statement.context.registration",
        "must not be null",
    ),
    (
        "null-more-info",
        changed(BASE, "object.definition", {"moreInfo": None}),
        "statement.object.definition.moreInfo",
        "must not be null",
    ),
    (
        "null-in-array",
        statement(attachments=[None]),
        "statement.attachments[0]",
        "must not be null",
    ),
    # Data 2.4.1: id.
    (
        "id-too-many-digits",
        statement(id="AA97B177-9383-4934-8543-0F91A7A028368"),
        "statement.id",
        "must be a UUID",
    ),
    (
        "id-non-hex",
        statement(id="MA97B177-9383-4934-8543-0F91A7A02836"),
        "statement.id",
        "must be a UUID",
    ),
    (
        "id-unhyphenated",
        statement(id="fd41c918b88b4b20a0a5a4c32391aaa0"),
        "statement.id",
        "standard form",
    ),
    (
        "id-number",
        statement(id=12345),
        "statement.id",
        "must be a string, not a number",
    ),
    ("id-object", statement(id={"key": "x"}), "statement.id", "not an object"),
    # Data 2.4.2: actor.
    (
        "actor-string",
        statement(actor="mailto:a@b.c"),
        "statement.actor",
        "must be a JSON object, not a string",
    ),
    (
        "actor-object-type-number",
        changed(BASE, "actor.objectType", 123),
        "statement.actor.objectType",
        "must be a string",
    ),
    (
        "actor-object-type-wrong",
        changed(BASE, "actor.objectType", "Person"),
        "statement.actor.objectType",
        "must be 'Agent' or 'Group'",
    ),
    (
        "actor-name-number",
        changed(BASE, "actor.name", 123),
        "statement.actor.name",
        "name must be a string",
    ),
    (
        "mbox-without-mailto",
        changed(BASE, "actor.mbox", "learner@example.com"),
        "statement.actor.mbox",
        "mbox must be a mailto: IRI",
    ),
    (
        "mbox-http",
        changed(BASE, "actor.mbox", "http://should.fail.com"),
        "statement.actor.mbox",
        "mailto:",
    ),
    (
        "mbox-no-email",
        changed(BASE, "actor.mbox", "mailto:should.fail.com"),
        "statement.actor.mbox",
        "email address",
    ),
    (
        "two-ifis",
        changed(BASE, "actor.openid", "http://openid.example.org/1"),
        "statement.actor",
        "exactly one inverse functional identifier",
    ),
    ("no-ifi", statement(actor={"name": "Nobody"}), "statement.actor", "found none"),
    (
        "sha1-too-short",
        statement(actor={"mbox_sha1sum": "ebd31e95"}),
        "statement.actor.mbox_sha1sum",
        "40 hexadecimal digits",
    ),
    (
        "sha1-not-string",
        statement(actor={"mbox_sha1sum": {"key": "value"}}),
        "statement.actor.mbox_sha1sum",
        "must be a string",
    ),
    (
        "openid-relative",
        statement(actor={"openid": "openid.example.org/1"}),
        "statement.actor.openid",
        "absolute URI",
    ),
    (
        "openid-bad-scheme",
        statement(actor={"openid": "ab=c://should.fail.com"}),
        "statement.actor.openid",
        "absolute URI",
    ),
    (
        "account-no-home-page",
        statement(actor={"account": {"name": "1625378"}}),
        "statement.actor.account.homePage",
        "homePage is required",
    ),
    (
        "account-no-name",
        statement(actor={"account": {"homePage": "http://x.com"}}),
        "statement.actor.account.name",
        "name is required",
    ),
    (
        "account-name-object",
        statement(actor={"account": {"homePage": "http://x.com", "name": {"k": "v"}}}),
        "statement.actor.account.name",
        "account name must be a string",
    ),
    (
        "account-bad-home-page",
        statement(
            actor={"account": {"homePage": "ab=c://should.fail.com", "name": "1"}}
        ),
        "statement.actor.account.homePage",
        "absolute IRL",
    ),
    (
        "account-extra-property",
        statement(
            actor={"account": {"homePage": "http://x.com", "name": "1", "id": 2}}
        ),
        "statement.actor.account.id",
        "not a property of an account",
    ),
    (
        "member-on-agent",
        changed(BASE, "actor.member", [AGENT]),
        "statement.actor.member",
        "only allowed on a Group",
    ),
    (
        "anonymous-group-without-member",
        statement(actor={"objectType": "Group"}),
        "statement.actor.member",
        "requires member",
    ),
    (
        "anonymous-group-empty-member",
        statement(actor={"objectType": "Group", "member": []}),
        "statement.actor.member",
        "at least one Agent",
    ),
    (
        "member-not-array",
        statement(actor={"objectType": "Group", "member": AGENT}),
        "statement.actor.member",
        "must be an array",
    ),
    (
        "group-in-group",
        statement(
            actor={
                "objectType": "Group",
                "member": [{"objectType": "Group", "member": [AGENT]}],
            }
        ),
        "statement.actor.member[0].objectType",
        "must be Agents, not Groups",
    ),
    (
        "member-without-ifi",
        statement(actor={"objectType": "Group", "member": [{"name": "x"}]}),
        "statement.actor.member[0]",
        "exactly one inverse functional identifier",
    ),
    (
        "group-two-ifis",
        statement(
            actor={
                "objectType": "Group",
                "mbox": "mailto:a@b.c",
                "openid": "http://x.org/1",
            }
        ),
        "statement.actor",
        "exactly one inverse functional identifier",
    ),
    # Data 2.4.3: verb.
    (
        "verb-no-id",
        changed(BASE, "verb.id", DELETE),
        "statement.verb.id",
        "id is required",
    ),
    (
        "verb-relative-id",
        changed(BASE, "verb.id", "verbs/attempted"),
        "statement.verb.id",
        "absolute IRI",
    ),
    (
        "verb-empty-id",
        changed(BASE, "verb.id", ""),
        "statement.verb.id",
        "absolute IRI",
    ),
    (
        "verb-display-string",
        changed(BASE, "verb.display", "attempted"),
        "statement.verb.display",
        "must be a JSON object",
    ),
    (
        "verb-display-empty",
        changed(BASE, "verb.display", {}),
        "statement.verb.display",
        "at least one entry",
    ),
    (
        "verb-display-two-regions",
        changed(BASE, "verb.display", {"de-419-DE": "x"}),
        "statement.verb.display",
        "'de-419-DE' as key",
    ),
    (
        "verb-display-singleton-first",
        changed(BASE, "verb.display", {"a-DE": "x"}),
        "statement.verb.display",
        "RFC 5646",
    ),
    (
        "verb-display-repeated-extension",
        changed(BASE, "verb.display", {"ar-a-aaa-b-bbb-a-ccc": "x"}),
        "statement.verb.display",
        "RFC 5646",
    ),
    (
        "verb-display-value-number",
        changed(BASE, "verb.display", {"en-US": 1}),
        'statement.verb.display["en-US"]',
        "must be a string",
    ),
    # Data 2.4.4: object.
    (
        "object-type-lowercase",
        changed(BASE, "object.objectType", "activity"),
        "statement.object.objectType",
        "case-sensitive",
    ),
    (
        "activity-no-id",
        changed(BASE, "object.id", DELETE),
        "statement.object.id",
        "id is required in an Activity",
    ),
    (
        "activity-relative-id",
        changed(BASE, "object.id", "course/1"),
        "statement.object.id",
        "absolute IRI",
    ),
    (
        "activity-bad-scheme",
        changed(BASE, "object.id", "ab=c://should.fail.com"),
        "statement.object.id",
        "absolute IRI",
    ),
    (
        "activity-id-with-space",
        changed(BASE, "object.id", "http://example.com/a b"),
        "statement.object.id",
        "absolute IRI",
    ),
    (
        "definition-string",
        changed(BASE, "object.definition", "should error"),
        "statement.object.definition",
        "must be a JSON object",
    ),
    (
        "definition-name-string",
        changed(BASE, "object.definition", {"name": "Course"}),
        "statement.object.definition.name",
        "must be a JSON object",
    ),
    (
        "definition-description-bad-tag",
        changed(BASE, "object.definition", {"description": {"a12345": "x"}}),
        "statement.object.definition.description",
        "not an RFC 5646 tag",
    ),
    (
        "definition-type-relative",
        changed(BASE, "object.definition", {"type": "course"}),
        "statement.object.definition.type",
        "absolute IRI",
    ),
    (
        "definition-more-info-relative",
        changed(BASE, "object.definition", {"moreInfo": "should error"}),
        "statement.object.definition.moreInfo",
        "absolute IRL",
    ),
    (
        "definition-more-info-no-host",
        changed(BASE, "object.definition", {"moreInfo": "http://"}),
        "statement.object.definition.moreInfo",
        "absolute IRL",
    ),
    (
        "definition-unknown-property",
        changed(BASE, "object.definition", {"title": "x"}),
        "statement.object.definition.title",
        "not a property of an Activity definition",
    ),
    (
        "extensions-non-iri-key",
        changed(BASE, "object.definition", {"extensions": {"id": "valid"}}),
        "statement.object.definition.extensions",
        "extension key 'id'",
    ),
    (
        "extensions-string",
        changed(BASE, "object.definition", {"extensions": "x"}),
        "statement.object.definition.extensions",
        "must be a JSON object",
    ),
    (
        "interaction-type-case",
        changed(CHOICE, "object.definition.interactionType", "choiCe"),
        "statement.object.definition.interactionType",
        "case-sensitive",
    ),
    (
        "interaction-type-unknown",
        interaction("essay"),
        "statement.object.definition.interactionType",
        "must be one of",
    ),
    (
        "interaction-type-number",
        changed(CHOICE, "object.definition.interactionType", 1),
        "statement.object.definition.interactionType",
        "must be a string",
    ),
    (
        "pattern-without-interaction-type",
        changed(SPEC_EXAMPLES["fill-in"], "object.definition.interactionType", DELETE),
        "statement.object.definition.correctResponsesPattern",
        "requires an interactionType",
    ),
    (
        "choices-without-interaction-type",
        changed(CHOICE, "object.definition", {"choices": components("a")}),
        "statement.object.definition.choices",
        "requires an interactionType",
    ),
    (
        "pattern-not-array",
        interaction("true-false", correctResponsesPattern="true"),
        "statement.object.definition.correctResponsesPattern",
        "must be an array",
    ),
    (
        "pattern-number",
        interaction("numeric", correctResponsesPattern=[4]),
        "statement.object.definition.correctResponsesPattern[0]",
        "must be a string",
    ),
    (
        "scale-with-choice",
        interaction("choice", scale=components("a")),
        "statement.object.definition.scale",
        "not allowed with interactionType 'choice'",
    ),
    (
        "choices-with-true-false",
        interaction("true-false", choices=components("a")),
        "statement.object.definition.choices",
        "no component lists",
    ),
    (
        "component-without-id",
        interaction("likert", scale=[{"description": {"en": "x"}}]),
        "statement.object.definition.scale[0].id",
        "id is required",
    ),
    (
        "component-id-number",
        interaction("performance", steps=[{"id": 1}]),
        "statement.object.definition.steps[0].id",
        "must be a string",
    ),
    (
        "component-ids-repeat",
        interaction("matching", source=components("a", "a")),
        "statement.object.definition.source[1].id",
        "repeats",
    ),
    (
        "component-description-bad-tag",
        interaction("choice", choices=[{"id": "a", "description": {"de-419-DE": "x"}}]),
        "statement.object.definition.choices[0].description",
        "not an RFC 5646 tag",
    ),
    (
        "agent-object-without-object-type",
        changed(AGENT_OBJECT, "object.objectType", DELETE),
        "statement.object.objectType",
        "must have objectType",
    ),
    (
        "statement-ref-bad-id",
        statement(object={"objectType": "StatementRef", "id": "should fail"}),
        "statement.object.id",
        "must be a UUID",
    ),
    (
        "statement-ref-no-id",
        statement(object={"objectType": "StatementRef"}),
        "statement.object.id",
        "id is required",
    ),
    (
        "statement-ref-extra",
        statement(
            object={"objectType": "StatementRef", "id": STATEMENT_ID, "definition": {}}
        ),
        "statement.object.definition",
        "not a property of a Statement Reference",
    ),
    # Data 2.4.4.3: SubStatements.
    (
        "substatement-with-id",
        changed(SUB, "object.id", STATEMENT_ID),
        "statement.object.id",
        "must not have 'id'",
    ),
    (
        "substatement-with-stored",
        changed(SUB, "object.stored", "2013-05-18T05:32:34.804Z"),
        "statement.object.stored",
        "must not have 'stored'",
    ),
    (
        "substatement-with-version",
        changed(SUB, "object.version", "1.0.0"),
        "statement.object.version",
        "must not have 'version'",
    ),
    (
        "substatement-with-authority",
        changed(SUB, "object.authority", AGENT),
        "statement.object.authority",
        "must not have 'authority'",
    ),
    (
        "nested-substatement",
        changed(SUB, "object.object", SUBSTATEMENT),
        "statement.object.object",
        "must not contain another SubStatement",
    ),
    (
        "substatement-no-verb",
        changed(SUB, "object.verb", DELETE),
        "statement.object.verb",
        "verb is required in a SubStatement",
    ),
    (
        "substatement-bad-actor",
        changed(SUB, "object.actor", {"name": "x"}),
        "statement.object.actor",
        "found none",
    ),
    (
        "substatement-bad-timestamp",
        changed(SUB, "object.timestamp", "01/011/2015"),
        "statement.object.timestamp",
        "ISO 8601",
    ),
    (
        "substatement-lowercase-type",
        changed(SUB, "object.objectType", "substatement"),
        "statement.object.objectType",
        "must be one of",
    ),
    # Data 2.3.2: voiding.
    (
        "voiding-activity",
        changed(SPEC_EXAMPLES["voiding"], "object", ACTIVITY),
        "statement.object",
        "must have a StatementRef object, not 'Activity'",
    ),
    (
        "voiding-substatement",
        statement(
            verb={"id": "http://adlnet.gov/expapi/verbs/voided"}, object=SUBSTATEMENT
        ),
        "statement.object",
        "voiding statement",
    ),
    # Data 2.4.5: result.
    (
        "scaled-above-one",
        statement(result={"score": {"scaled": 1.01}}),
        "statement.result.score.scaled",
        "between -1 and 1",
    ),
    (
        "scaled-below-minus-one",
        statement(result={"score": {"scaled": -1.00001}}),
        "statement.result.score.scaled",
        "between -1 and 1",
    ),
    (
        "raw-above-max",
        statement(result={"score": {"raw": 0.6767676, "max": 0.6567676}}),
        "statement.result.score.raw",
        "greater than score max",
    ),
    (
        "raw-below-min",
        statement(result={"score": {"raw": 0.67, "min": 1.4}}),
        "statement.result.score.raw",
        "less than score min",
    ),
    (
        "min-above-max",
        statement(result={"score": {"min": 10, "max": 5, "raw": 7}}),
        "statement.result.score.min",
        "less than score max",
    ),
    (
        "min-equals-max",
        statement(result={"score": {"min": 5, "max": 5}}),
        "statement.result.score.min",
        "less than score max",
    ),
    (
        "max-string-number",
        changed(WITH_RESULT, "result.score", {"max": "100"}),
        "statement.result.score.max",
        "must be a number, not a string",
    ),
    (
        "score-boolean",
        statement(result={"score": {"raw": True}}),
        "statement.result.score.raw",
        "must be a number, not a boolean",
    ),
    (
        "score-not-object",
        changed(WITH_RESULT, "result.score", 12345),
        "statement.result.score",
        "must be a JSON object",
    ),
    (
        "success-string",
        changed(WITH_RESULT, "result.success", "true"),
        "statement.result.success",
        "true or false",
    ),
    (
        "completion-string",
        statement(result={"completion": "false"}),
        "statement.result.completion",
        "true or false",
    ),
    (
        "response-number",
        statement(result={"response": 42}),
        "statement.result.response",
        "must be a string",
    ),
    (
        "duration-invalid",
        statement(result={"duration": "PA1H0M0S"}),
        "statement.result.duration",
        "ISO 8601 duration",
    ),
    (
        "duration-weeks-and-days",
        statement(result={"duration": "P4W1D"}),
        "statement.result.duration",
        "ISO 8601 duration",
    ),
    (
        "duration-number",
        statement(result={"duration": 12345}),
        "statement.result.duration",
        "must be a string",
    ),
    (
        "result-extensions-relative-key",
        statement(result={"extensions": {"minutes": 1}}),
        "statement.result.extensions",
        "absolute IRI",
    ),
    (
        "result-unknown-property",
        statement(result={"grade": "A"}),
        "statement.result.grade",
        "not a property of a Result",
    ),
    # Data 2.4.6: context.
    (
        "registration-string",
        changed(WITH_CONTEXT, "context.registration", "should fail"),
        "statement.context.registration",
        "must be a UUID",
    ),
    (
        "instructor-string",
        statement(context={"instructor": "should fail"}),
        "statement.context.instructor",
        "must be a JSON object",
    ),
    (
        "instructor-no-ifi",
        statement(context={"instructor": {"key": "x"}}),
        "statement.context.instructor.key",
        "not a property of an Agent",
    ),
    (
        "team-agent",
        statement(context={"team": AGENT}),
        "statement.context.team",
        "must be a Group",
    ),
    (
        "context-activities-string",
        statement(context={"contextActivities": "x"}),
        "statement.context.contextActivities",
        "must be a JSON object",
    ),
    (
        "context-activities-empty",
        statement(context={"contextActivities": {}}),
        "statement.context.contextActivities",
        "must not be empty",
    ),
    (
        "context-activities-unknown-key",
        statement(context={"contextActivities": {"sibling": [ACTIVITY]}}),
        "statement.context.contextActivities.sibling",
        "not a property of contextActivities",
    ),
    (
        "context-activity-relative-id",
        statement(context={"contextActivities": {"parent": [{"id": "test1"}]}}),
        "statement.context.contextActivities.parent[0].id",
        "absolute IRI",
    ),
    (
        "context-activity-agent",
        statement(context={"contextActivities": {"other": [AGENT]}}),
        "statement.context.contextActivities.other[0].objectType",
        "must be 'Activity'",
    ),
    (
        "context-activity-string",
        statement(context={"contextActivities": {"category": "http://example.com/c"}}),
        "statement.context.contextActivities.category",
        "must be an array",
    ),
    (
        "revision-with-agent-object",
        changed(AGENT_OBJECT, "context", {"revision": "1"}),
        "statement.context.revision",
        "only be used when the object is an Activity",
    ),
    (
        "platform-with-group-object",
        changed(SPEC_EXAMPLES["group-object"], "context", {"platform": "web"}),
        "statement.context.platform",
        "(here it is 'Group')",
    ),
    (
        "revision-with-statement-ref",
        changed(SPEC_EXAMPLES["statement-ref"], "context", {"revision": "1"}),
        "statement.context.revision",
        "'StatementRef'",
    ),
    (
        "platform-with-substatement",
        changed(SUB, "context", {"platform": "web"}),
        "statement.context.platform",
        "'SubStatement'",
    ),
    (
        "substatement-revision-with-agent",
        changed(
            changed(SUB, "object.object", AGENT), "object.context", {"revision": "1"}
        ),
        "statement.object.context.revision",
        "only be used when the object is an Activity",
    ),
    (
        "revision-number",
        changed(WITH_CONTEXT, "context.revision", 12345),
        "statement.context.revision",
        "must be a string",
    ),
    (
        "platform-object",
        changed(WITH_CONTEXT, "context.platform", {"k": "v"}),
        "statement.context.platform",
        "must be a string",
    ),
    (
        "language-invalid",
        changed(WITH_CONTEXT, "context.language", "a12345"),
        "statement.context.language",
        "RFC 5646",
    ),
    (
        "language-object",
        changed(WITH_CONTEXT, "context.language", {"a12345": "x"}),
        "statement.context.language",
        "must be a string",
    ),
    (
        "context-statement-lowercase",
        changed(
            WITH_CONTEXT,
            "context.statement",
            {"objectType": "statementref", "id": STATEMENT_ID},
        ),
        "statement.context.statement.objectType",
        "must be 'StatementRef'",
    ),
    (
        "context-statement-bad-id",
        changed(
            WITH_CONTEXT,
            "context.statement",
            {"objectType": "StatementRef", "id": "should fail"},
        ),
        "statement.context.statement.id",
        "must be a UUID",
    ),
    (
        "context-statement-no-object-type",
        changed(WITH_CONTEXT, "context.statement", {"id": STATEMENT_ID}),
        "statement.context.statement.objectType",
        "objectType is required",
    ),
    (
        "context-extensions-non-iri",
        changed(WITH_CONTEXT, "context.extensions", {"altitude": 1000}),
        "statement.context.extensions",
        "extension key 'altitude'",
    ),
    (
        "context-key-case",
        changed(WITH_CONTEXT, "context.Registration", STATEMENT_ID),
        "statement.context.Registration",
        "use 'registration'",
    ),
    # Data 2.4.7, 2.4.8, 4.5: timestamps.
    (
        "timestamp-string",
        statement(timestamp="should fail"),
        "statement.timestamp",
        "ISO 8601",
    ),
    (
        "timestamp-us-date",
        statement(timestamp="01/011/2015"),
        "statement.timestamp",
        "ISO 8601",
    ),
    (
        "timestamp-minus-00",
        statement(timestamp="2008-09-15T15:53:00.601-00"),
        "statement.timestamp",
        "negative zero UTC offset",
    ),
    (
        "timestamp-minus-0000",
        statement(timestamp="2008-09-15T15:53:00.601-0000"),
        "statement.timestamp",
        "negative zero UTC offset",
    ),
    (
        "timestamp-minus-00-00",
        statement(timestamp="2008-09-15T15:53:00.601-00:00"),
        "statement.timestamp",
        "negative zero UTC offset",
    ),
    (
        "timestamp-date-only",
        statement(timestamp="2013-05-18"),
        "statement.timestamp",
        "ISO 8601",
    ),
    (
        "timestamp-impossible-date",
        statement(timestamp="2013-02-30T10:00:00Z"),
        "statement.timestamp",
        "not a real date",
    ),
    (
        "timestamp-number",
        statement(timestamp=1368855154),
        "statement.timestamp",
        "must be a string",
    ),
    ("stored-invalid", statement(stored="yesterday"), "statement.stored", "ISO 8601"),
    # Data 2.4.9: authority.
    (
        "authority-string",
        statement(authority="admin"),
        "statement.authority",
        "must be a JSON object",
    ),
    (
        "authority-no-ifi",
        statement(authority={"name": "x"}),
        "statement.authority",
        "found none",
    ),
    (
        "authority-identified-group",
        statement(authority={**OAUTH_AUTHORITY, "mbox": "mailto:bob@example.com"}),
        "statement.authority",
        "must be anonymous",
    ),
    (
        "authority-one-member",
        statement(authority={"objectType": "Group", "member": [AGENT]}),
        "statement.authority.member",
        "exactly two Agents",
    ),
    (
        "authority-three-members",
        statement(
            authority={
                "objectType": "Group",
                "member": [*OAUTH_AUTHORITY["member"], AGENT],
            }
        ),
        "statement.authority.member",
        "found 3",
    ),
    # Data 2.4.10: version.
    ("version-2", statement(version="2.0.0"), "statement.version", "start with '1.0.'"),
    (
        "version-1.1",
        statement(version="1.1.0"),
        "statement.version",
        "start with '1.0.'",
    ),
    ("version-0.9.9", statement(version="0.9.9"), "statement.version", "'0.9.9'"),
    (
        "version-text",
        statement(version="should fail"),
        "statement.version",
        "xAPI 1.0.x",
    ),
    ("version-number", statement(version=1.0), "statement.version", "must be a string"),
    # Data 2.4.11: attachments.
    (
        "attachments-object",
        statement(attachments=ATTACHMENT),
        "statement.attachments",
        "must be an array",
    ),
    (
        "attachment-number",
        statement(attachments=[12345]),
        "statement.attachments[0]",
        "must be a JSON object",
    ),
    (
        "attachment-no-usage-type",
        statement(attachments=[changed(ATTACHMENT, "usageType", DELETE)]),
        "statement.attachments[0].usageType",
        "usageType is required",
    ),
    (
        "attachment-usage-type-relative",
        statement(attachments=[changed(ATTACHMENT, "usageType", "should fail")]),
        "statement.attachments[0].usageType",
        "absolute IRI",
    ),
    (
        "attachment-no-display",
        statement(attachments=[changed(ATTACHMENT, "display", DELETE)]),
        "statement.attachments[0].display",
        "display is required",
    ),
    (
        "attachment-display-empty",
        statement(attachments=[changed(ATTACHMENT, "display", {})]),
        "statement.attachments[0].display",
        "at least one entry",
    ),
    (
        "attachment-description-number",
        statement(attachments=[changed(ATTACHMENT, "description", 12345)]),
        "statement.attachments[0].description",
        "must be a JSON object",
    ),
    (
        "attachment-content-type-invalid",
        statement(attachments=[changed(ATTACHMENT, "contentType", "should fail")]),
        "statement.attachments[0].contentType",
        "Internet media type",
    ),
    (
        "attachment-length-string",
        statement(attachments=[changed(ATTACHMENT, "length", "27")]),
        "statement.attachments[0].length",
        "whole number",
    ),
    (
        "attachment-length-fraction",
        statement(attachments=[changed(ATTACHMENT, "length", 27.5)]),
        "statement.attachments[0].length",
        "whole number",
    ),
    (
        "attachment-length-negative",
        statement(attachments=[changed(ATTACHMENT, "length", -1)]),
        "statement.attachments[0].length",
        "whole number",
    ),
    (
        "attachment-no-sha2",
        statement(attachments=[changed(ATTACHMENT, "sha2", DELETE)]),
        "statement.attachments[0].sha2",
        "sha2 is required",
    ),
    (
        "attachment-sha2-number",
        statement(attachments=[changed(ATTACHMENT, "sha2", 12345)]),
        "statement.attachments[0].sha2",
        "must be a string",
    ),
    (
        "attachment-sha2-not-hex",
        statement(attachments=[changed(ATTACHMENT, "sha2", "not-a-hash")]),
        "statement.attachments[0].sha2",
        "hex SHA-2",
    ),
    (
        "attachment-file-url-relative",
        statement(attachments=[changed(ATTACHMENT, "fileUrl", "should fail")]),
        "statement.attachments[0].fileUrl",
        "absolute IRL",
    ),
    (
        "iri-key-in-statement",
        statement(**{"http://example.com/ext": 1}),
        'statement["http://example.com/ext"]',
        "not a property of a Statement",
    ),
    (
        "attachment-key-case",
        statement(attachments=[{**ATTACHMENT, "FileUrl": "http://x.org/f"}]),
        "statement.attachments[0].FileUrl",
        "use 'fileUrl'",
    ),
]


@pytest.mark.parametrize(
    ("data", "path", "fragment"),
    [case[1:] for case in INVALID],
    ids=[case[0] for case in INVALID],
)
def test_invalid_statements_are_rejected(
    data: Statement, path: str, fragment: str
) -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(data)
    assert caught.value.path == path
    assert fragment in caught.value.message
    assert str(caught.value) == f"{path}: {caught.value.message}"


def test_invalid_case_ids_are_unique() -> None:
    ids = [case[0] for case in INVALID]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 60


@pytest.mark.parametrize("data", [None, "statement", 42, True, ["not", "an", "object"]])
def test_a_statement_must_be_an_object(data: object) -> None:
    with pytest.raises(StatementValidationError, match="must be a JSON object"):
        validate_statement(data)


def test_error_is_a_value_error_with_path_and_message() -> None:
    error = StatementValidationError(
        "statement.actor.mbox", "mbox must be a mailto: IRI"
    )
    assert isinstance(error, ValueError)
    assert error.path == "statement.actor.mbox"
    assert error.message == "mbox must be a mailto: IRI"
    assert str(error) == "statement.actor.mbox: mbox must be a mailto: IRI"


def test_custom_path_prefixes_every_error() -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(changed(BASE, "actor.mbox", "x@y.z"), path="payload")
    assert caught.value.path == "payload.actor.mbox"


# --- Batches -----------------------------------------------------------------------


def test_single_statement_becomes_a_list_of_one() -> None:
    data = statement(id=STATEMENT_ID)
    assert validate_statements(data) == [data]


def test_batch_is_returned_in_order() -> None:
    batch = [statement(id=STATEMENT_ID), SPEC_EXAMPLES["voiding"], SUB]
    result = validate_statements(copy.deepcopy(batch))
    assert result == batch


def test_empty_batch_is_valid() -> None:
    assert validate_statements([]) == []


def test_batch_error_path_names_the_statement() -> None:
    batch = [statement(), statement(), changed(BASE, "actor.mbox", "x@y.z")]
    with pytest.raises(StatementValidationError) as caught:
        validate_statements(batch)
    assert caught.value.path == "statements[2].actor.mbox"
    assert "mailto:" in caught.value.message


@pytest.mark.parametrize("item", [None, "statement", 1, [statement()]])
def test_batch_items_must_be_objects(item: object) -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_statements([statement(), item])
    assert caught.value.path == "statements[1]"
    assert "must be a JSON object" in caught.value.message


@pytest.mark.parametrize("data", [None, "[]", 42, True])
def test_body_must_be_object_or_array(data: object) -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_statements(data)
    assert caught.value.path == "statements"


def test_duplicate_ids_in_a_batch_are_rejected() -> None:
    batch = [
        statement(id=STATEMENT_ID),
        statement(),
        statement(id=STATEMENT_ID.upper()),
    ]
    with pytest.raises(StatementValidationError) as caught:
        validate_statements(batch)
    assert caught.value.path == "statements[2].id"
    assert "statements[0]" in caught.value.message


# --- Agent parameter ------------------------------------------------------------------


@pytest.mark.parametrize(
    "agent",
    [AGENT, {"mbox_sha1sum": "ebd31e95054c018b10727ccffd2ef2ec3a016ee9"},
     {"objectType": "Group", "openid": "http://openid.example.org/1"}],
)  # fmt: skip
def test_agent_parameter_accepts_agents_and_identified_groups(agent: Any) -> None:
    validate_agent(agent)


@pytest.mark.parametrize(
    ("agent", "path", "fragment"),
    [
        ({"objectType": "Group", "member": [AGENT]}, "agent", "identified Group"),
        ({"name": "x"}, "agent", "found none"),
        ({"mbox": None}, "agent.mbox", "must not be null"),
        ("mailto:a@b.c", "agent", "must be a JSON object"),
    ],
)
def test_agent_parameter_rejects(agent: object, path: str, fragment: str) -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_agent(agent)
    assert caught.value.path == path
    assert fragment in caught.value.message


def test_agent_parameter_may_allow_anonymous_groups() -> None:
    validate_agent(
        {"objectType": "Group", "member": [AGENT]}, allow_anonymous_group=True
    )


# --- Format helpers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("fd41c918-b88b-4b20-a0a5-a4c32391aaa0", True),
        ("FD41C918-B88B-4B20-A0A5-A4C32391AAA0", True),
        ("00000000-0000-0000-0000-000000000000", True),
        ("fd41c918b88b4b20a0a5a4c32391aaa0", False),
        ("{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}", False),
        ("urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0", False),
        ("fd41c918-b88b-4b20-a0a5-a4c32391aaa", False),
        ("", False),
        (12345, False),
    ],
)
def test_is_uuid(value: object, expected: bool) -> None:
    assert is_uuid(value) is expected


@pytest.mark.parametrize(
    "value",
    ["http://example.com", "https://example.com/a/b?c=d&e=f#g", "mailto:a@b.c",
     "urn:isbn:0451450523", "tag:adlnet.gov,2013:expapi:0.9:activities:x",
     "http://example.com/فعل/خواندن", "http://[::1]:8080/x", "http://u:p@host:80/",
     "http://example.com/%20encoded", "ftp://ftp.example.org/file.txt"],
)  # fmt: skip
def test_absolute_iris(value: str) -> None:
    assert is_absolute_iri(value)


@pytest.mark.parametrize(
    "value",
    ["", "should fail", "/relative/path", "example.com", "ab=c://should.fail.com",
     "1http://x", "http:", "http://exa mple.com", "http://x/<a>", "http://x/%zz",
     "http://x/\"q\"", "#fragment", None, 42],
)  # fmt: skip
def test_not_absolute_iris(value: object) -> None:
    assert not is_absolute_iri(value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("http://example.com/x", True),
        ("https://u@example.com:8443/", True),
        ("urn:isbn:0451450523", True),
        ("http://", False),
        ("http:/example.com", False),
        ("example.com", False),
    ],
)
def test_is_absolute_irl(value: str, expected: bool) -> None:
    assert is_absolute_irl(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", True),
        ("en-US", True),
        ("es-419", True),
        ("zh-cmn-Hans-CN", True),
        ("sl-rozaj-biske", True),
        ("de-CH-1901", True),
        ("en-a-bbb-x-ccc", True),
        ("x-whatever", True),
        ("i-enochian", True),
        ("tlh", True),
        ("de-419-DE", False),
        ("a-DE", False),
        ("ar-a-aaa-b-bbb-a-ccc", False),
        ("sl-rozaj-rozaj", False),
        ("a12345", False),
        ("en_US", False),
        ("en-", False),
        ("toolongprimary", False),
        ("", False),
        (None, False),
    ],
)
def test_is_language_tag(value: object, expected: bool) -> None:
    assert is_language_tag(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("PT1H0M0.1S", True),
        ("PT4H35M59.14S", True),
        ("PT16559.14S", True),
        ("P3Y1M29DT4H35M59.14S", True),
        ("P3Y", True),
        ("P4W", True),
        ("PT0S", True),
        ("P0,5Y", True),
        ("PA1H0M0S", False),
        ("P", False),
        ("PT", False),
        ("P1DT", False),
        ("P4W1D", False),
        ("P1.5Y2M", False),
        ("P16559.14S", False),
        ("-PT1S", False),
        ("PT1S1M", False),
        ("pt1s", False),
        ("12:00:00", False),
        (12345, False),
    ],
)
def test_is_iso8601_duration(value: object, expected: bool) -> None:
    assert is_iso8601_duration(value) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2013-05-18T05:32:34.804Z", datetime(2013, 5, 18, 5, 32, 34, 804000, UTC)),
        ("2015-11-18T12:17:00+00:00", datetime(2015, 11, 18, 12, 17, tzinfo=UTC)),
        (
            "2013-05-18T05:32:34.123456789-05:30",
            datetime(2013, 5, 18, 5, 32, 34, 123456,
                     timezone(-timedelta(hours=5, minutes=30))),
        ),
        ("20130518T053234Z", datetime(2013, 5, 18, 5, 32, 34, tzinfo=UTC)),
        ("2013-05-18T05:32:34", datetime(2013, 5, 18, 5, 32, 34, tzinfo=UTC)),
        ("2013-05-18T05:32+01", datetime(2013, 5, 18, 4, 32, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_parse_timestamp(value: str, expected: datetime) -> None:
    parsed = parse_timestamp(value)
    assert parsed == expected
    assert parsed.tzinfo is not None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("01/011/2015", "not an ISO 8601"),
        ("2013-05-18", "not an ISO 8601"),
        ("2013-05-18 05:32:34Z", "not an ISO 8601"),
        ("20130518T05:32:34Z", "mixes"),
        ("2008-09-15T15:53:00.601-00:00", "negative zero"),
        ("2013-05-18T05:32:34+24:00", "out-of-range"),
        ("2013-13-01T00:00:00Z", "not a real date"),
        ("2013-05-18T24:00:00Z", "not a real date"),
    ],
)
def test_parse_timestamp_rejects(value: str, fragment: str) -> None:
    with pytest.raises(ValueError, match=fragment):
        parse_timestamp(value)


# --- Every SubStatement position is checked like a Statement ---------------------

SUBSTATEMENT_BREAKERS: list[tuple[str, Callable[[Statement], Statement], str]] = [
    ("verb", lambda s: changed(s, "verb.display", {"de-419-DE": "x"}), "verb.display"),
    (
        "result",
        lambda s: changed(s, "result", {"score": {"scaled": 2}}),
        "result.score.scaled",
    ),
    (
        "context",
        lambda s: changed(s, "context", {"registration": "x"}),
        "context.registration",
    ),
    (
        "attachments",
        lambda s: changed(s, "attachments", [{}]),
        "attachments[0].usageType",
    ),
    ("unknown", lambda s: changed(s, "foo", 1), "foo"),
]


@pytest.mark.parametrize(
    ("breaker", "suffix"),
    [case[1:] for case in SUBSTATEMENT_BREAKERS],
    ids=[case[0] for case in SUBSTATEMENT_BREAKERS],
)
def test_substatement_is_validated_as_a_statement(
    breaker: Callable[[Statement], Statement], suffix: str
) -> None:
    with pytest.raises(StatementValidationError) as caught:
        validate_statement(statement(object=breaker(copy.deepcopy(SUBSTATEMENT))))
    assert caught.value.path == f"statement.object.{suffix}"
