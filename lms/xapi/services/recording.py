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
first. Columns and values come from the models' fields (defaults, `pre_save`,
`get_db_prep_save`), as in an ORM insert; the SQL text depends only on how many
index rows a statement has, so it is built once per shape, not on every call.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.backends.utils import CursorWrapper
from django.db.models import Model

from ..models import (
    MonthlyActivity,
    OutboxEntry,
    Statement,
    StatementActivity,
    StatementAgent,
)
from ..selectors.forwarding import enabled_destinations
from .activity import ADD_ON_CONFLICT, month_of
from .forwarding import kick_after_commit

# Only quoted names, fixed SQL and %s placeholders are put into the SQL text
# (hence the S608 exemptions); every value is a query parameter.
NEW = "new_statement"
# Columns whose value is an SQL expression, per table written after the statement.
_INDEX_ROW = {"statement_id": "{new}"}
_OUTBOX_ROW = {"destination_id": "destination.id", "statement_id": "{new}"}


def insert_statement(
    row: Statement,
    *,
    agents: Sequence[tuple[str, bool]],
    activities: Sequence[tuple[str, bool]],
) -> int | None:
    """Insert `row` (unsaved) with its index rows — (agent key or activity IRI,
    is_direct) — its monthly count and outbox entries; return its new pk, or
    None (and nothing written) when its statement id is already stored.

    Call it inside a transaction.
    """
    sql = _sql(len(agents), len(activities))
    count = [(month_of(row.timestamp), row.verb_iri, 1)]
    followers = [
        params  # in the order of sql.followers: an index with no rows has no insert
        for params in (
            _params(StatementAgent, agents, ("agent_key", "is_direct"), _INDEX_ROW),
            _params(
                StatementActivity, activities, ("activity_iri", "is_direct"), _INDEX_ROW
            ),
            _params(MonthlyActivity, count, ("month", "verb_iri", "count")),
        )
        if params
    ]
    entry = [(row.stored, row.stored)]
    outbox = _params(OutboxEntry, entry, ("next_attempt_at", "created_at"), _OUTBOX_ROW)
    outbox += _enabled_destinations()[1]  # the FROM clause comes after the values
    with connection.cursor() as cursor:
        if sql.combined:
            params = _statement_params(row)
            for step in (*followers, outbox):
                params += step
            pk, destination_ids = _in_one_statement(cursor, sql.combined, params)
        else:
            pk, destination_ids = _one_after_another(
                cursor, sql, _statement_params(row), followers, outbox
            )
    if destination_ids:
        kick_after_commit(destination_ids)
    return pk


@dataclass(frozen=True)
class _Sql:
    statement: str
    followers: tuple[str, ...]  # agent rows (if any), activity rows (if any), count
    outbox: str
    combined: str  # all of it as one statement (PostgreSQL), else ""


def _in_one_statement(
    cursor: CursorWrapper, sql: str, params: list[Any]
) -> tuple[int | None, list[int]]:
    cursor.execute(sql, params)
    # One row per new outbox entry (or one with NULL); none when already stored.
    rows = cursor.fetchall()
    if not rows:
        return None, []
    return rows[0][0], [
        destination for _, destination in rows if destination is not None
    ]


def _one_after_another(
    cursor: CursorWrapper,
    sql: _Sql,
    statement: list[Any],
    followers: list[list[Any]],
    outbox: list[Any],
) -> tuple[int | None, list[int]]:
    cursor.execute(sql.statement, statement)
    found = cursor.fetchone()
    if found is None:
        return None, []
    pk = found[0]
    with_new = f"WITH {NEW}({_pk()}) AS (SELECT %s) "
    for text, params in zip(sql.followers, followers, strict=True):
        cursor.execute(with_new + text, [pk, *params])
    cursor.execute(with_new + sql.outbox, [pk, *outbox])
    return pk, [destination for (destination,) in cursor.fetchall()]


# Names and SQL text (for the one default database) do not change while the
# process runs: worked out once per shape of statement, not on every record().
@cache
def _sql(agents: int, activities: int) -> _Sql:
    """The SQL for a statement with this many agent and activity rows."""
    new_id = f"{NEW}.{_pk()}"
    table, fields = _layout(Statement)
    statement = (
        f"INSERT INTO {table} ({', '.join(column for _, column in fields)}) "  # noqa: S608
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({_quote('statement_id')}) DO NOTHING RETURNING {_pk()}"
    )
    index_row = {k: v.format(new=new_id) for k, v in _INDEX_ROW.items()}
    followers = [
        _insert_select(model, count, sql=index_row)
        for model, count in ((StatementAgent, agents), (StatementActivity, activities))
        if count
    ]
    # `WHERE true` lets SQLite tell the upsert clause from a join constraint.
    followers.append(
        _insert_select(MonthlyActivity, 1, sql={}) + f" WHERE true {ADD_ON_CONFLICT}"
    )
    destinations, _ = _enabled_destinations()
    outbox = (
        _insert_select(
            OutboxEntry,
            1,
            sql={k: v.format(new=new_id) for k, v in _OUTBOX_ROW.items()},
            source=f"{NEW}, ({destinations}) AS destination",
        )
        + f" RETURNING {_quote('destination_id')}"
    )
    combined = ""
    if connection.vendor == "postgresql":
        steps = [f"step{n} AS ({text})" for n, text in enumerate(followers)]
        combined = (
            f"WITH {NEW} AS ({statement}), {', '.join(steps)}, "  # noqa: S608
            f"outbox AS ({outbox}) SELECT {new_id}, outbox.destination_id "
            f"FROM {NEW} LEFT JOIN outbox ON true"
        )
    return _Sql(statement, tuple(followers), outbox, combined)


def _insert_select(
    model: type[Model], rows: int, *, sql: Mapping[str, str], source: str = NEW
) -> str:
    """INSERT … SELECT of `rows` rows, one SELECT … FROM `source` each; `sql`
    gives columns an SQL expression instead of a parameter."""
    table, fields = _layout(model)
    values = ", ".join(sql.get(field.column, "%s") for field, _ in fields)
    select = f"SELECT {values} FROM {source}"  # noqa: S608
    return (
        f"INSERT INTO {table} ({', '.join(column for _, column in fields)}) "
        + " UNION ALL ".join([select] * rows)
    )


def _statement_params(row: Statement) -> list[Any]:
    db = connections[DEFAULT_DB_ALIAS]
    return [
        field.get_db_prep_save(field.pre_save(row, add=True), db)
        for field, _ in _layout(Statement)[1]
    ]


def _params(
    model: type[Model],
    rows: Sequence[Sequence[Any]],
    names: Sequence[str],
    sql: Mapping[str, str] | None = None,
) -> list[Any]:
    """Parameters of an `_insert_select` of `rows` (values for the fields `names`;
    other fields get their defaults), in the order of its placeholders."""
    db = connections[DEFAULT_DB_ALIAS]
    fields = [
        field for field, _ in _layout(model)[1] if field.column not in (sql or {})
    ]
    params = []
    for values in rows:
        given = dict(zip(names, values, strict=True))
        for field in fields:
            value = given[field.name] if field.name in given else field.get_default()
            params.append(field.get_db_prep_save(value, db))
    return params


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
