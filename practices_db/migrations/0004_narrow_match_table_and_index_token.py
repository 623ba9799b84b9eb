"""Search at 50,000 practices: a narrow PostgreSQL match table and an index token.

PostgreSQL stored the weighted tsvector beside the documents, so every match and
every rank read TOASTed vectors of wide rows (hundreds of ms for a common word).
Now `engage_practices_pg_match` holds, per practice, a stripped vector that only
matches (GIN-indexed; a bitmap scan answers without reading it), a small
positional vector of the title (A) and summary (B) that ranks, and the date that
breaks ties. Facet counts no
longer aggregate in SQL: processes keep bitsets per `SearchIndexState.token`.
"""

from __future__ import annotations

from django.db import migrations, models

MATCH_TABLE = "engage_practices_pg_match"

FORWARD_PG = [
    "DROP INDEX IF EXISTS engage_practices_sr_vector",
    "ALTER TABLE engage_practices_searchrecord DROP COLUMN IF EXISTS search_vector",
    f"CREATE TABLE {MATCH_TABLE} ("
    " page_id integer PRIMARY KEY,"
    " match_vector tsvector NOT NULL,"
    " rank_vector tsvector NOT NULL,"
    " first_published_at timestamp with time zone NOT NULL)",
    f"CREATE INDEX engage_practices_pg_match_vector ON {MATCH_TABLE} "
    "USING GIN (match_vector)",
    # Rows go with their search record. Triggers rather than a foreign key:
    # Django's flush (tests) truncates the records table, which a foreign key
    # from a table Django does not know would forbid.
    "CREATE FUNCTION engage_practices_pg_match_forget() RETURNS trigger "
    "LANGUAGE plpgsql AS $$ BEGIN "
    f"DELETE FROM {MATCH_TABLE} WHERE page_id IN (SELECT page_id FROM gone); "
    "RETURN NULL; END $$",
    "CREATE TRIGGER engage_practices_pg_match_forget "
    "AFTER DELETE ON engage_practices_searchrecord "
    "REFERENCING OLD TABLE AS gone FOR EACH STATEMENT "
    "EXECUTE FUNCTION engage_practices_pg_match_forget()",
    "CREATE FUNCTION engage_practices_pg_match_empty() RETURNS trigger "
    f"LANGUAGE plpgsql AS $$ BEGIN TRUNCATE {MATCH_TABLE}; RETURN NULL; END $$",
    "CREATE TRIGGER engage_practices_pg_match_empty "
    "AFTER TRUNCATE ON engage_practices_searchrecord "
    "FOR EACH STATEMENT EXECUTE FUNCTION engage_practices_pg_match_empty()",
]
# Keep in step with practices_db.services.indexing.PG_MATCH_INSERT.
FILL_PG = (
    f"INSERT INTO {MATCH_TABLE} "
    "(page_id, match_vector, rank_vector, first_published_at) "
    "SELECT page_id, strip(to_tsvector('simple'::regconfig, title_terms) "
    "|| to_tsvector('simple'::regconfig, document)), "
    "setweight(to_tsvector('simple'::regconfig, title_terms), 'A') "
    "|| setweight(to_tsvector('simple'::regconfig, summary_terms), 'B'), "
    "first_published_at FROM engage_practices_searchrecord"
)
BACKWARD_PG = [
    "DROP TRIGGER IF EXISTS engage_practices_pg_match_forget "
    "ON engage_practices_searchrecord",
    "DROP TRIGGER IF EXISTS engage_practices_pg_match_empty "
    "ON engage_practices_searchrecord",
    "DROP FUNCTION IF EXISTS engage_practices_pg_match_forget()",
    "DROP FUNCTION IF EXISTS engage_practices_pg_match_empty()",
    f"DROP TABLE IF EXISTS {MATCH_TABLE}",
    "ALTER TABLE engage_practices_searchrecord ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (setweight(to_tsvector('simple'::regconfig, title_terms), "
    "'A') || to_tsvector('simple'::regconfig, document)) STORED",
    "CREATE INDEX engage_practices_sr_vector ON engage_practices_searchrecord "
    "USING GIN (search_vector)",
]


def forward(apps, schema_editor):
    # The summary's terms, as indexing.py now writes them. Importing app code in
    # a migration is usually a trap; index_terms is a pure text function.
    from practices_db.rules.text import index_terms

    SearchRecord = apps.get_model("engage_practices", "SearchRecord")
    batch = []
    for record in SearchRecord.objects.only("page_id", "summary", "language"):
        record.summary_terms = index_terms(record.summary, record.language)
        batch.append(record)
    SearchRecord.objects.bulk_update(batch, ["summary_terms"], batch_size=1000)
    apps.get_model("engage_practices", "SearchIndexState").objects.create(
        pk=1, token="0"
    )
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD_PG:
            schema_editor.execute(statement)
        schema_editor.execute(FILL_PG)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in BACKWARD_PG:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("engage_practices", "0003_stored_search_vector")]

    operations = [
        migrations.CreateModel(
            name="SearchIndexState",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
        ),
        migrations.AddField(
            model_name="searchrecord",
            name="summary_terms",
            field=models.TextField(default=""),
        ),
        migrations.RunPython(forward, backward, elidable=False),
    ]
