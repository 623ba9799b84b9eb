"""The full-text structures beside the search records, per database engine.

PostgreSQL: a GIN index over the weighted tsvector of the normalised terms.
SQLite: an FTS5 table keyed by the page id. Other engines search with LIKE.
"""

from __future__ import annotations

from django.db import migrations

PG_INDEX = (
    "CREATE INDEX engage_practices_sr_fts ON engage_practices_searchrecord "
    "USING GIN ((setweight(to_tsvector('simple'::regconfig, title_terms), 'A') "
    "|| to_tsvector('simple'::regconfig, document)))"
)
SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS engage_practices_fts USING fts5("
    "title_terms, document, tokenize='unicode61')"
)


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_INDEX)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_TABLE)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS engage_practices_sr_fts")
    elif vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS engage_practices_fts")


class Migration(migrations.Migration):
    dependencies = [("engage_practices", "0001_practices")]
    operations = [migrations.RunPython(create, drop, elidable=False)]
