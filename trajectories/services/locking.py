"""Row locks that hold on both databases the suite runs on."""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet


def claim(rows: QuerySet[Any], field: str) -> QuerySet[Any]:
    """Lock `rows` for the rest of the transaction by writing `field` as it is,
    and return them to read.

    A write, not SELECT … FOR UPDATE: SQLite has no row locks and ignores FOR
    UPDATE, and there a transaction that read before it writes fails ("database
    is locked") when another wrote meanwhile. A write first waits its turn: on
    PostgreSQL for the rows, on SQLite for the database. Whatever is read after
    it is what this transaction then replaces.
    """
    rows.update(**{field: F(field)})
    return rows
