"""Counting searches for the usage reports (no person is stored)."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from ..models import SearchLog


def log_search(*, text: str, found: bool) -> None:
    """Count a search (of the first results page) for the usage reports; no
    person is stored. One upsert, never an error for the searcher."""
    printable = "".join(c for c in text if c.isprintable() or c.isspace())
    limit = SearchLog._meta.get_field("query").max_length
    query = " ".join(printable.lower().split())[:limit]
    if not query:
        return
    table = SearchLog._meta.db_table
    missed = 0 if found else 1
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A usage count is not worth a disk flush on the searcher's time;
            # a crash may lose the last few counts, never anything else.
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # PostgreSQL and SQLite (3.24+) both speak this upsert.
        cursor.execute(
            f"INSERT INTO {table} (day, query, searches, without_results) "  # noqa: S608
            "VALUES (%s, %s, 1, %s) ON CONFLICT (day, query) DO UPDATE SET "
            f"searches = {table}.searches + 1, "
            f"without_results = {table}.without_results + excluded.without_results",
            [timezone.localdate(), query, missed],
        )
