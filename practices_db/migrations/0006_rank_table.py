"""Search at 50,000 practices: rank from a table of its own (PostgreSQL).

The match table kept the small ranking vector beside the large matching one, so
ranking a common word read every large row (~80 MB at 50,000 practices). Now
`engage_practices_pg_rank` holds, per practice, only the positional vector of the
title (A) and summary (B), GIN-indexed, and the date that breaks ties (~18 MB);
the match table keeps the matching vector and the date. A search for a word in
every practice went from ~70 to ~47 ms in SQL (docs/decisions/0004).
"""

from __future__ import annotations

from django.db import migrations

MATCH_TABLE = "engage_practices_pg_match"
RANK_TABLE = "engage_practices_pg_rank"

FORWARD_PG = [
    f"CREATE TABLE {RANK_TABLE} ("
    " page_id integer PRIMARY KEY,"
    " rank_vector tsvector NOT NULL,"
    " first_published_at timestamp with time zone NOT NULL)",
    f"INSERT INTO {RANK_TABLE} (page_id, rank_vector, first_published_at) "
    f"SELECT page_id, rank_vector, first_published_at FROM {MATCH_TABLE}",
    f"CREATE INDEX engage_practices_pg_rank_vector ON {RANK_TABLE} "
    "USING GIN (rank_vector)",
    f"ALTER TABLE {MATCH_TABLE} DROP COLUMN rank_vector",
    # Rows of both tables go with their search record (see migration 0004).
    "CREATE OR REPLACE FUNCTION engage_practices_pg_match_forget() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    f"DELETE FROM {MATCH_TABLE} WHERE page_id IN (SELECT page_id FROM gone); "
    f"DELETE FROM {RANK_TABLE} WHERE page_id IN (SELECT page_id FROM gone); "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION engage_practices_pg_match_empty() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN TRUNCATE {MATCH_TABLE}, {RANK_TABLE}; "
    "RETURN NULL; END $$",
]
BACKWARD_PG = [
    f"ALTER TABLE {MATCH_TABLE} ADD COLUMN rank_vector tsvector",
    f"UPDATE {MATCH_TABLE} m SET rank_vector = r.rank_vector "
    f"FROM {RANK_TABLE} r WHERE r.page_id = m.page_id",
    f"UPDATE {MATCH_TABLE} SET rank_vector = ''::tsvector WHERE rank_vector IS NULL",
    f"ALTER TABLE {MATCH_TABLE} ALTER COLUMN rank_vector SET NOT NULL",
    "CREATE OR REPLACE FUNCTION engage_practices_pg_match_forget() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    f"DELETE FROM {MATCH_TABLE} WHERE page_id IN (SELECT page_id FROM gone); "
    "RETURN NULL; END $$",
    "CREATE OR REPLACE FUNCTION engage_practices_pg_match_empty() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN TRUNCATE {MATCH_TABLE}; RETURN NULL; END $$",
    f"DROP TABLE {RANK_TABLE}",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD_PG:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD_PG:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("engage_practices", "0005_search_log")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
