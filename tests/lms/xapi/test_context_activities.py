"""Context activities come back as arrays (xAPI 1.0.3 Data 2.4.6.2.s4)."""

from __future__ import annotations

from typing import Any

import pytest

from lms.xapi.models import Statement
from lms.xapi.rules.normalisation import context_activities_as_arrays
from tests.lms.xapi.factories import new_id, statement
from tests.lms.xapi.lrs_http import Lrs

pytestmark = pytest.mark.django_db

KEYS = ("parent", "grouping", "category", "other")
PARENT = {"id": "https://content.example.org/courses/algebra", "objectType": "Activity"}


def _single_objects() -> dict[str, Any]:
    return {
        key: {"id": f"https://content.example.org/{key}", "objectType": "Activity"}
        for key in KEYS
    }


def _with_substatement(statement_id: str) -> dict[str, Any]:
    return statement(
        statement_id=statement_id,
        context={"contextActivities": _single_objects()},
        object={
            "objectType": "SubStatement",
            "actor": {"objectType": "Agent", "mbox": "mailto:bob@example.org"},
            "verb": {"id": "http://adlnet.gov/expapi/verbs/attempted"},
            "object": {"id": "https://content.example.org/quiz"},
            "context": {"contextActivities": _single_objects()},
        },
    )


def _assert_arrays(context: dict[str, Any], *, ids_only: bool = False) -> None:
    for key in KEYS:
        value = context["contextActivities"][key]
        assert isinstance(value, list)
        assert len(value) == 1
        expected = {"id": f"https://content.example.org/{key}"}
        if not ids_only:
            expected["objectType"] = "Activity"
        assert value[0] == expected


@pytest.mark.parametrize("fmt", ["exact", "ids", "canonical"])
def test_lrs_returns_every_context_activities_value_as_an_array(fmt: str) -> None:
    """Data 2.4.6.2.s4.b3: "The LRS MUST return every value in the
    contextActivities Object as an array, even if it arrived as a single Activity
    Object." and b4: "The LRS MUST return single Activity Objects as an array of
    length one containing the same Activity." In the statement and its
    SubStatement, single GET and query alike."""
    lrs = Lrs.new()
    statement_id = new_id()
    assert lrs.post_statements(_with_substatement(statement_id)).status_code == 200
    single = lrs.get("/xapi/statements", statementId=statement_id, format=fmt).json()
    listed = lrs.get("/xapi/statements", format=fmt).json()["statements"][0]
    for returned in (single, listed):
        _assert_arrays(returned["context"], ids_only=fmt == "ids")
        _assert_arrays(returned["object"]["context"], ids_only=fmt == "ids")


def test_context_activities_are_stored_as_arrays() -> None:
    """Data 2.4.6.2.s4.b3: stored in the returned shape, so forwarding and exports
    send arrays too."""
    lrs = Lrs.new()
    statement_id = new_id()
    lrs.post_statements(_with_substatement(statement_id))
    payload = Statement.objects.get(statement_id=statement_id).payload
    _assert_arrays(payload["context"])
    _assert_arrays(payload["object"]["context"])


def test_rows_stored_before_normalisation_are_returned_as_arrays() -> None:
    """Data 2.4.6.2.s4.b3 also for statements stored before the rule was applied."""
    lrs = Lrs.new()
    statement_id = new_id()
    lrs.post_statements(_with_substatement(statement_id))
    row = Statement.objects.get(statement_id=statement_id)
    row.payload["context"]["contextActivities"] = _single_objects()
    row.payload["object"]["context"]["contextActivities"] = _single_objects()
    row.save(update_fields=["payload"])
    returned = lrs.get("/xapi/statements", statementId=statement_id).json()
    _assert_arrays(returned["context"])
    _assert_arrays(returned["object"]["context"])


def test_resending_the_single_object_form_is_the_same_statement() -> None:
    """Data 2.3.1.s9.b1 with 2.4.6.2.s4.b4: the array the LRS made of a single
    Activity is no difference, so sending the original again changes nothing and
    is no 409 Conflict."""
    lrs = Lrs.new()
    statement_id = new_id()
    data = statement(
        statement_id=statement_id, context={"contextActivities": {"parent": PARENT}}
    )
    assert lrs.post_statements(data).status_code == 200
    assert lrs.post_statements(data).status_code == 200
    assert Statement.objects.filter(statement_id=statement_id).count() == 1
    changed = statement(
        statement_id=statement_id,
        context={"contextActivities": {"parent": {**PARENT, "id": PARENT["id"] + "2"}}},
    )
    assert lrs.post_statements(changed).status_code == 409


def test_arrays_already_given_are_kept_as_they_are() -> None:
    data = statement(context={"contextActivities": {"parent": [PARENT, PARENT]}})
    assert context_activities_as_arrays(data) is data
    unchanged = statement()
    assert context_activities_as_arrays(unchanged) is unchanged
