"""The embedded LRS with the `tincan` RemoteLRS as a real client over real HTTP."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from tincan import (
    Activity,
    Agent,
    LanguageMap,
    RemoteLRS,
    Statement,
    StatementRef,
    Verb,
)

from tests.lms.xapi.factories import lrs_client

VOIDED = "http://adlnet.gov/expapi/verbs/voided"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def remote(
    live_server: Any, django_db_serialized_rollback: Any, transactional_db: Any
) -> RemoteLRS:
    client, secret = lrs_client("tincan")
    return RemoteLRS(
        version="1.0.3",
        endpoint=f"{live_server.url}/xapi/",
        username=client.key,
        password=secret,
    )


def make_statement(n: int = 0) -> Statement:
    return Statement(
        actor=Agent(name="Learner", mbox=f"mailto:learner{n}@example.org"),
        verb=Verb(
            id="http://adlnet.gov/expapi/verbs/experienced",
            display=LanguageMap({"en-US": "experienced"}),
        ),
        object=Activity(id=f"https://content.example.org/activities/{n}"),
    )


def test_about(remote: RemoteLRS) -> None:
    response = remote.about()
    assert response.success
    assert "1.0.3" in response.content.version


def test_save_retrieve_query_and_page(remote: RemoteLRS) -> None:
    saved = remote.save_statement(make_statement())
    assert saved.success, saved.data
    statement_id = saved.content.id

    retrieved = remote.retrieve_statement(statement_id)
    assert retrieved.success, retrieved.data
    assert str(retrieved.content.id) == str(statement_id)
    assert retrieved.content.stored is not None

    batch = remote.save_statements([make_statement(n) for n in range(1, 6)])
    assert batch.success, batch.data

    first = remote.query_statements({"limit": 4, "ascending": True})
    assert first.success, first.data
    assert len(first.content.statements) == 4
    assert first.content.more
    rest = remote.more_statements(first.content)
    assert rest.success, rest.data
    assert len(rest.content.statements) == 2


def test_put_with_id_and_voiding(remote: RemoteLRS) -> None:
    statement = make_statement()
    statement.id = uuid.uuid4()
    assert remote.save_statement(statement).success

    voiding = Statement(
        actor=Agent(mbox="mailto:admin@example.org"),
        verb=Verb(id=VOIDED, display=LanguageMap({"en-US": "voided"})),
        object=StatementRef(id=statement.id),
    )
    assert remote.save_statement(voiding).success
    assert not remote.retrieve_statement(statement.id).success
    voided = remote.retrieve_voided_statement(statement.id)
    assert voided.success, voided.data
    assert str(voided.content.id) == str(statement.id)


def test_wrong_password_is_refused(
    live_server: Any, django_db_serialized_rollback: Any, transactional_db: Any
) -> None:
    client, _ = lrs_client("wrong")
    remote = RemoteLRS(
        version="1.0.3",
        endpoint=f"{live_server.url}/xapi/",
        username=client.key,
        password="not-the-secret",
    )
    response = remote.save_statement(make_statement())
    assert not response.success
    assert response.response.status == 401
