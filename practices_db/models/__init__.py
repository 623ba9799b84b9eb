"""Models of the practices database (re-exported for `engage_practices.<Model>`)."""

from __future__ import annotations

from .collections import CollectionItem, PracticeCollection
from .pages import (
    ATTACHMENTS_COLLECTION,
    Adoption,
    Bookmark,
    GroupSize,
    PracticeAttachment,
    PracticeIndexPage,
    PracticeLanguage,
    PracticePage,
)
from .review import PracticeReviewTask
from .search import (
    FTS_TABLE,
    PG_MATCH_TABLE,
    PG_RANK_TABLE,
    SearchIndexState,
    SearchLog,
    SearchRecord,
    SearchVocabularyTerm,
)
from .taxonomy import MAX_TERMS_PER_VOCABULARY, Term, Vocabulary

__all__ = [
    "ATTACHMENTS_COLLECTION",
    "FTS_TABLE",
    "MAX_TERMS_PER_VOCABULARY",
    "PG_MATCH_TABLE",
    "PG_RANK_TABLE",
    "Adoption",
    "Bookmark",
    "CollectionItem",
    "GroupSize",
    "PracticeAttachment",
    "PracticeCollection",
    "PracticeIndexPage",
    "PracticeLanguage",
    "PracticePage",
    "PracticeReviewTask",
    "SearchIndexState",
    "SearchLog",
    "SearchRecord",
    "SearchVocabularyTerm",
    "Term",
    "Vocabulary",
]
