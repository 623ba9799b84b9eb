"""Store one recorded statement with everything that goes with it, in one query.

`record()` runs inside a service's transaction, so every round trip here is
latency added to a domain change. What it writes — the statement, its agent and
activity index rows, the monthly count and one outbox row per enabled
destination — is one `INSERT … ON CONFLICT (statement_id) DO NOTHING RETURNING
id` and inserts that take the new id from it (`… FROM new_statement`):

- PostgreSQL runs them all as one statement (data-modifying WITH queries).
- Other databases (SQLite: in-process, a query costs next to nothing) run them
  one after another, each reading the id from `WITH new_statement(id) AS (…)`.

An id already stored inserts nothing, so nothing else is written either: that
is how recording the same event twice stays one statement, without a lookup
first. Column lists and values come from the models' fields, as in an ORM insert.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.utils import CursorWrapper
from django.db.models import Model

from .activity import ADD_ON_CONFLICT, month_of
from .forwarding import enabled_destinations, kick_after_commit
from .models import (
    MonthlyActivity,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
)

# Only quoted names, fixed SQL and %s placeholders are put into the SQL text
# (hence the S608 exemptions); every value is a query parameter.
NEW = "new_statement"
Sql = tuple[str, list[Any]]


def insert_statement(
    row: Statement,
    *,
    agents: Sequence[StatementAgent],
    activities: Sequence[StatementActivity],
) -> int | None:
    """Insert `row` and its index rows, count and outbox entries; its new pk, or
    None (and nothing written) when its statement id is already stored.

    `row`, `agents` and `activities` are unsaved; the index rows need no
    statement. Call it inside a transaction.
    """
    new_id = f"{NEW}.{_pk()}"
    followers = [
        _insert_select(rows, sql={"statement_id": new_id})
        for rows in (agents, activities)
        if rows
    ]
    followers.append(_monthly_count(row))
    outbox = _outbox_entries(new_id, now=row.stored)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            pk, destination_ids = _in_one_statement(
                cursor, _insert_new(row), followers, outbox
            )
        else:
            pk, destination_ids = _one_after_another(
                cursor, _insert_new(row), followers, outbox
            )
    if destination_ids:
        kick_after_commit(destination_ids)
    return pk


def _in_one_statement(
    cursor: CursorWrapper, head: Sql, followers: list[Sql], outbox: Sql
) -> tuple[int | None, list[int]]:
    parts = [f"{NEW} AS ({head[0]})"]
    params = list(head[1])
    for n, (sql, step_params) in enumerate(followers):
        parts.append(f"step{n} AS ({sql})")
        params += step_params
    parts.append(f"outbox AS ({outbox[0]})")
    params += outbox[1]
    # One row per new outbox entry (or one with NULL); none when already stored.
    cursor.execute(
        f"WITH {', '.join(parts)} SELECT {NEW}.{_pk()}, outbox.destination_id "  # noqa: S608
        f"FROM {NEW} LEFT JOIN outbox ON true",
        params,
    )
    rows = cursor.fetchall()
    if not rows:
        return None, []
    return rows[0][0], [
        destination for _, destination in rows if destination is not None
    ]


def _one_after_another(
    cursor: CursorWrapper, head: Sql, followers: list[Sql], outbox: Sql
) -> tuple[int | None, list[int]]:
    cursor.execute(*head)
    found = cursor.fetchone()
    if found is None:
        return None, []
    pk = found[0]
    with_new = f"WITH {NEW}({_pk()}) AS (SELECT %s) "
    for sql, params in followers:
        cursor.execute(with_new + sql, [pk, *params])
    cursor.execute(with_new + outbox[0], [pk, *outbox[1]])
    return pk, [destination for (destination,) in cursor.fetchall()]


def _insert_new(row: Statement) -> Sql:
    columns, values, params = _columns(row, sql={})
    table, _ = _layout(Statement)
    statement_id = _quote("statement_id")
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
        f"VALUES ({', '.join(values)}) ON CONFLICT ({statement_id}) DO NOTHING "
        f"RETURNING {_pk()}",
        params,
    )


def _monthly_count(row: Statement) -> Sql:
    counted = MonthlyActivity(
        month=month_of(row.timestamp), verb_iri=row.verb_iri, count=1
    )
    # `WHERE true` lets SQLite tell the upsert clause from a join constraint.
    return _insert_select([counted], sql={}, tail=f" WHERE true {ADD_ON_CONFLICT}")


def _outbox_entries(new_id: str, *, now: datetime) -> Sql:
    """One pending entry per enabled destination; returns their destination ids."""
    destinations, params = _enabled_destinations()
    entry = OutboxEntry(next_attempt_at=now, created_at=now)
    return _insert_select(
        [entry],
        sql={"destination_id": "destination.id", "statement_id": new_id},
        source=f"{NEW}, ({destinations}) AS destination",
        source_params=params,
        tail=f" RETURNING {_quote('destination_id')}",
    )


def _insert_select(
    objs: Sequence[Model],
    *,
    sql: dict[str, str],
    source: str = NEW,
    source_params: Sequence[Any] = (),
    tail: str = "",
) -> Sql:
    """INSERT … SELECT of unsaved `objs` (at least one), one SELECT … FROM
    `source` each; `sql` gives columns an SQL expression instead of a value."""
    selects: list[str] = []
    params: list[Any] = []
    columns: list[str] = []
    for obj in objs:
        columns, values, row_params = _columns(obj, sql=sql)
        selects.append(f"SELECT {', '.join(values)} FROM {source}")  # noqa: S608
        params += [*row_params, *source_params]
    table, _ = _layout(type(objs[0]))
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        + " UNION ALL ".join(selects)
        + tail,
        params,
    )


def _columns(
    obj: Model, *, sql: dict[str, str]
) -> tuple[list[str], list[str], list[Any]]:
    """The columns an insert of `obj` sets, their SQL values and parameters."""
    db = connections[DEFAULT_DB_ALIAS]
    _, fields = _layout(type(obj))
    columns: list[str] = []
    values: list[str] = []
    params: list[Any] = []
    for field, column in fields:
        columns.append(column)
        if field.column in sql:
            values.append(sql[field.column])
        else:
            values.append("%s")
            value = field.pre_save(obj, add=True)
            params.append(field.get_db_prep_save(value, db))
    return columns, values, params


# Names and compiled SQL (for the one default database) do not change while the
# process runs: worked out once, not on every record().
@cache
def _layout(model: type[Model]) -> tuple[str, tuple[tuple[Any, str], ...]]:
    """The quoted table and the (field, quoted column) pairs an insert sets."""
    fields = tuple(
        (field, _quote(str(field.column)))  # never None here
        for field in model._meta.concrete_fields
        if not field.primary_key  # assigned by the database
    )
    return _quote(model._meta.db_table), fields


@cache
def _enabled_destinations() -> tuple[str, tuple[Any, ...]]:
    """SELECT of the ids of enabled destinations, compiled for this database."""
    query = enabled_destinations().order_by().values("id").query
    sql, params = query.get_compiler(connection=connection).as_sql()
    return sql, tuple(params)


def _quote(name: str) -> str:
    return str(connection.ops.quote_name(name))


@cache
def _pk() -> str:
    """The quoted primary key column of statements (and of `new_statement`)."""
    return _quote(str(Statement._meta.get_field("id").column))
