"""The practices search index: one denormalised row per published practice.

Rows exist only for live practices (see `services/indexing.py`), so unpublished work can
never leak through search, the API or exports. Text columns hold normalised,
stemmed terms (see `rules/text.py`); the database's own full-text engine matches them
(PostgreSQL: `engage_practices_pg_match` and `engage_practices_pg_rank`, each
with a GIN index, see migrations 0004 and 0006; SQLite: FTS5). Multi-valued
taxonomies are bit masks; facet counts come from in-memory bitsets built from
these rows (`selectors/search/facet_index.py`).
"""

from __future__ import annotations

from django.db import models

# The full-text tables beside the index (kept by `services/indexing.py`, read by
# `selectors/search/`): SQLite FTS5, and PostgreSQL's match and rank vectors.
FTS_TABLE = "engage_practices_fts"
PG_MATCH_TABLE = "engage_practices_pg_match"
PG_RANK_TABLE = "engage_practices_pg_rank"


class SearchRecord(models.Model):
    page = models.OneToOneField(
        "engage_practices.PracticePage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_record",
    )
    url = models.CharField(max_length=1000)
    title = models.CharField(max_length=255)
    summary = models.TextField()
    title_terms = models.TextField()
    # The summary's terms: with the title, what relevance ranking weighs.
    summary_terms = models.TextField(default="")
    document = models.TextField()
    language = models.CharField(max_length=2, db_index=True)
    licence = models.CharField(max_length=20, db_index=True)
    group_size = models.CharField(max_length=16, blank=True, db_index=True)
    faculty = models.ForeignKey(
        "engage_accounts.Faculty", on_delete=models.CASCADE, related_name="+"
    )
    dimensions_mask = models.BigIntegerField(default=0)
    aspects_mask = models.BigIntegerField(default=0)
    sdgs_mask = models.BigIntegerField(default=0)
    levels_mask = models.BigIntegerField(default=0)
    formats_mask = models.BigIntegerField(default=0)
    first_published_at = models.DateTimeField(db_index=True)
    adoption_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(
                fields=["-first_published_at", "page"],
                name="engage_practices_sr_newest",
            )
        ]

    def __str__(self) -> str:
        return self.title


class SearchVocabularyTerm(models.Model):
    """Every indexed term once: what a misspelt query word is corrected against."""

    term = models.CharField(max_length=64, unique=True)

    def __str__(self) -> str:
        return self.term


class SearchIndexState(models.Model):
    """One row whose token changes with every change of the search index.

    Processes keep facet bitsets in memory per token
    (`selectors/search/facet_index.py`). A random token rather than a counter: a
    rolled-back change restores the old token, whose bitsets were built from
    exactly the rows that are back.
    """

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token


class SearchLog(models.Model):
    """How often a search text was searched on a day, and found nothing.

    No person is stored: the programme team sees which needs the database does
    not meet ("searches without results"), not who searched.
    """

    day = models.DateField()
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField(default=0)
    without_results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["day", "query"], name="engage_practices_searchlog_day_query"
            )
        ]
        indexes = [models.Index(fields=["day"], name="engage_practices_sl_day")]

    def __str__(self) -> str:
        return f"{self.day} {self.query}"
