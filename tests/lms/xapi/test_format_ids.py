"""GET /xapi/statements?format=ids (xAPI 1.0.3 Communication 2.1.3).

"If ids, only include minimum information necessary in Agent, Activity, Verb and
Group Objects to identify them. For Anonymous Groups this means including the
minimum information needed to identify each member." """

from __future__ import annotations

from typing import Any

import pytest

from tests.lms.xapi.factories import new_id, statement
from tests.lms.xapi.lrs_http import Lrs

pytestmark = pytest.mark.django_db

QUIZ = "https://content.example.org/quiz"
ANON_GROUP = {
    "objectType": "Group",
    "name": "Study group",
    "member": [
        {"objectType": "Agent", "name": "Ada", "mbox": "mailto:ada@example.org"},
        {"name": "Bob", "account": {"homePage": "https://x.example", "name": "b"}},
    ],
}
TEAM = {
    "objectType": "Group",
    "name": "Team",
    "mbox": "mailto:team@example.org",
    "member": [{"name": "Cy", "mbox": "mailto:cy@example.org"}],
}
DEFINITION = {
    "name": {"en-US": "Quiz"},
    "type": "http://adlnet.gov/expapi/activities/assessment",
}


def _fetch(data: dict[str, Any], lrs: Lrs | None = None) -> dict[str, Any]:
    lrs = lrs or Lrs.new()
    statement_id = new_id()
    data["id"] = statement_id
    assert lrs.post_statements(data).status_code == 200, lrs.post_statements(data)
    single = lrs.get("/xapi/statements", statementId=statement_id, format="ids").json()
    listed = lrs.get("/xapi/statements", format="ids").json()["statements"]
    assert listed[0] == single
    return single


def _substatement(**inner: Any) -> dict[str, Any]:
    return statement(
        object={
            "objectType": "SubStatement",
            "actor": ANON_GROUP,
            "verb": {
                "id": "http://adlnet.gov/expapi/verbs/attempted",
                "display": {"en-US": "attempted"},
            },
            **inner,
        }
    )


def test_format_ids_activity_in_substatement_keeps_only_its_id() -> None:
    """Communication 2.1.3 (format ids): only the minimum information necessary to
    identify an Activity — its id — also inside a SubStatement, where an
    "objectType": "Activity" and the definition used to remain."""
    returned = _fetch(
        _substatement(
            object={"objectType": "Activity", "id": QUIZ, "definition": DEFINITION},
            context={
                "contextActivities": {
                    "parent": [
                        {
                            "objectType": "Activity",
                            "id": QUIZ + "/set",
                            "definition": DEFINITION,
                        }
                    ]
                }
            },
        )
    )
    inner = returned["object"]
    assert inner["objectType"] == "SubStatement"
    assert inner["object"] == {"id": QUIZ}
    assert inner["context"]["contextActivities"]["parent"] == [{"id": QUIZ + "/set"}]


def test_format_ids_top_level_activities_keep_only_their_ids() -> None:
    """Communication 2.1.3 (format ids) for the statement's own object and context
    activities."""
    data = statement(
        context={
            "contextActivities": {
                "grouping": {
                    "objectType": "Activity",
                    "id": QUIZ,
                    "definition": DEFINITION,
                }
            }
        }
    )
    data["object"]["definition"] = DEFINITION
    returned = _fetch(data)
    assert returned["object"] == {"id": data["object"]["id"]}
    assert returned["context"]["contextActivities"]["grouping"] == [{"id": QUIZ}]


def test_format_ids_agents_and_groups_in_substatement_keep_only_identifiers() -> None:
    """Communication 2.1.3 (format ids): Agents and identified Groups keep their
    identifier (and objectType), an Anonymous Group the identifiers of each
    member; names go, in the SubStatement's actor, object, instructor and team."""
    returned = _fetch(
        _substatement(
            object={
                "objectType": "Agent",
                "name": "Dee",
                "mbox": "mailto:dee@example.org",
            },
            context={
                "instructor": {"name": "Eve", "mbox_sha1sum": "a" * 40},
                "team": TEAM,
            },
        )
    )
    inner = returned["object"]
    assert inner["actor"] == {
        "objectType": "Group",
        "member": [
            {"objectType": "Agent", "mbox": "mailto:ada@example.org"},
            {"account": {"homePage": "https://x.example", "name": "b"}},
        ],
    }
    assert inner["verb"] == {"id": "http://adlnet.gov/expapi/verbs/attempted"}
    assert inner["object"] == {"objectType": "Agent", "mbox": "mailto:dee@example.org"}
    assert inner["context"]["instructor"] == {"mbox_sha1sum": "a" * 40}
    assert inner["context"]["team"] == {
        "objectType": "Group",
        "mbox": "mailto:team@example.org",
    }


def test_format_ids_statement_ref_keeps_object_type_and_id() -> None:
    """A StatementRef needs its objectType to be one (Data 2.4.4.3): ids keeps both."""
    target = new_id()
    lrs = Lrs.new()
    lrs.post_statements(statement(statement_id=target))
    returned = _fetch(
        statement(object={"objectType": "StatementRef", "id": target}), lrs
    )
    assert returned["object"] == {"objectType": "StatementRef", "id": target}


def test_format_ids_authority_keeps_only_its_identifier() -> None:
    returned = _fetch(statement())
    assert "name" not in returned["authority"]
    assert returned["authority"]["account"]["homePage"].endswith("/xapi/clients")
