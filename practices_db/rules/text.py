"""Text normalisation for practice search: accents folded, stop words out, stemmed.

Documents are stemmed in their own language; a query word is stemmed in both
Dutch and English and matches either, so a search works whatever language the
searcher types in. The same functions mark matches in result snippets, so what
is highlighted is exactly what matched.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

LANGUAGES = ("en", "nl")
_STEMMER_NAMES = {"en": "english", "nl": "dutch"}
_WORD = re.compile(r"[a-z0-9]+")
_WORD_WITH_POSITION = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12
MIN_PREFIX_LENGTH = 3

STOP_WORDS = {
    "en": frozenset(
        [
            "a",
            "an",
            "and",
            "are",
            "as",
            "at",
            "be",
            "but",
            "by",
            "for",
            "from",
            "has",
            "have",
            "in",
            "into",
            "is",
            "it",
            "its",
            "of",
            "on",
            "or",
            "that",
            "the",
            "their",
            "them",
            "they",
            "this",
            "to",
            "was",
            "were",
            "which",
            "with",
        ]
    ),
    "nl": frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "in",
            "op",
            "te",
            "dat",
            "die",
            "voor",
            "met",
            "zijn",
            "is",
            "aan",
            "er",
            "als",
            "bij",
            "door",
            "naar",
            "om",
            "ook",
            "of",
            "over",
            "tot",
            "uit",
            "was",
            "wat",
            "wie",
            "worden",
            "wordt",
            "zo",
        ]
    ),
}
_ALL_STOP_WORDS = STOP_WORDS["en"] | STOP_WORDS["nl"]


def fold(text: str) -> str:
    """Lower-case `text` and strip accents ("Één" -> "een")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


# A Snowball stemmer keeps the word it works on in the object, so two threads
# sharing one (runserver, gunicorn's threads) corrupt each other's words: each
# thread gets its own.
_stemmers = threading.local()


def _stemmer(language: str) -> snowballstemmer.stemmer:
    mine: dict[str, snowballstemmer.stemmer] = _stemmers.__dict__.setdefault(
        "by_language", {}
    )
    if language not in mine:
        mine[language] = snowballstemmer.stemmer(_STEMMER_NAMES[language])
    return mine[language]


@lru_cache(maxsize=50_000)
def stem(word: str, language: str) -> str:
    return str(_stemmer(language).stemWord(word))


def index_terms(text: str, language: str) -> str:
    """The space-separated stemmed terms of `text`, stop words removed."""
    language = language if language in LANGUAGES else "en"
    stops = STOP_WORDS[language]
    return " ".join(stem(w, language) for w in words(text) if w not in stops)


@dataclass(frozen=True)
class QueryWord:
    """One word the person typed, and the stems any of which may match it."""

    word: str
    stems: tuple[str, ...]
    last: bool = False

    @property
    def prefix(self) -> bool:
        # Only the last word may be unfinished (search as you type); a prefix on
        # every word ("student:*") matches far more terms than anyone meant.
        # Short stems would match half the vocabulary as a prefix.
        return self.last and all(len(s) >= MIN_PREFIX_LENGTH for s in self.stems)


def query_words(query: str) -> list[QueryWord]:
    """The searchable words of a query, each with its Dutch and English stems."""
    result: list[QueryWord] = []
    seen: set[str] = set()
    for word in words(query):
        if word in _ALL_STOP_WORDS or word in seen:
            continue
        seen.add(word)
        stems = tuple(sorted({stem(word, lang) for lang in LANGUAGES}))
        result.append(QueryWord(word=word, stems=stems))
        if len(result) == MAX_QUERY_WORDS:
            break
    if result:
        result[-1] = QueryWord(word=result[-1].word, stems=result[-1].stems, last=True)
    return result


def matches(term: str, qword: QueryWord) -> bool:
    if qword.prefix:
        return any(term.startswith(s) for s in qword.stems)
    return term in qword.stems


def highlight(text: str, qwords: Iterable[QueryWord], limit: int = 0) -> SafeString:
    """`text` escaped, with the words that match the query in <mark>.

    With `limit`, returns an excerpt of about that many characters around the
    first match (or from the start when nothing matches).
    """
    qwords = list(qwords)
    spans: list[tuple[int, int]] = []
    if qwords:
        for m in _WORD_WITH_POSITION.finditer(text):
            folded = fold(m.group())
            candidates = {stem(folded, lang) for lang in LANGUAGES}
            if any(matches(c, q) for c in candidates for q in qwords):
                spans.append(m.span())
    start, end = 0, len(text)
    if limit and len(text) > limit:
        first = spans[0][0] if spans else 0
        start = max(0, first - limit // 3)
        end = min(len(text), start + limit)
        # Cut at word boundaries.
        if start:
            start = text.find(" ", start) + 1 or start
        if end < len(text):
            end = (
                text.rfind(" ", start, end)
                if text.rfind(" ", start, end) > start
                else end
            )
    pieces: list[str] = ["…" if start else ""]
    cursor = start
    for s, e in spans:
        if s < start or e > end:
            continue
        pieces.append(escape(text[cursor:s]))
        pieces.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece was escaped
