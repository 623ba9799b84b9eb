"""Monthly statement counts per verb, kept up to date as statements are stored.

Dashboards show learning activity over the years; counting millions of
statements per request is out of the question, so every store (and every
voiding) adjusts a small table in the same transaction: one upsert per batch
(`record()` folds its upsert into the statement's insert, see `recording`).
`rebuild()` recomputes it from the statements (command `rebuild_xapi_activity`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import TruncMonth

from ..models import MonthlyActivity, Statement

_TABLE = MonthlyActivity._meta.db_table
# Adds the inserted counts to a month's existing ones (PostgreSQL, SQLite 3.24+).
ADD_ON_CONFLICT = (
    "ON CONFLICT (month, verb_iri) "
    f"DO UPDATE SET count = {_TABLE}.count + excluded.count"
)


def month_of(moment: datetime | date) -> date:
    return date(moment.year, moment.month, 1)


def count(rows: Iterable[Statement]) -> Counter[tuple[date, str]]:
    """(month, verb) -> number of the given statements."""
    return Counter((month_of(row.timestamp), row.verb_iri) for row in rows)


def adjust(changes: Counter[tuple[date, str]], *, sign: int = 1) -> None:
    """Add (or with sign=-1 remove) counts; one statement for any number.

    Rows go in (month, verb) order: two batches storing at once lock the rows
    they share in the same order, so one waits for the other instead of both
    deadlocking (seen with two clients posting batches on PostgreSQL).
    """
    items = sorted((month, verb, sign * n) for (month, verb), n in changes.items() if n)
    if not items:
        return
    values = ", ".join(["(%s, %s, %s)"] * len(items))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {_TABLE} (month, verb_iri, count) VALUES {values} "  # noqa: S608
            + ADD_ON_CONFLICT,
            [value for item in items for value in item],
        )


def rebuild() -> int:
    """Recompute every count from the stored statements; returns the rows."""
    with transaction.atomic():
        MonthlyActivity.objects.all().delete()
        totals = (
            Statement.objects.filter(is_voided=False)
            .annotate(month=TruncMonth("timestamp"))
            .values("month", "verb_iri")
            .annotate(n=Count("pk"))
            .values_list("month", "verb_iri", "n")
        )
        rows = [
            MonthlyActivity(month=month_of(month), verb_iri=verb, count=n)
            for month, verb, n in totals
        ]
        MonthlyActivity.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
