"""Stemming is safe from many threads at once (runserver and gunicorn threads).

A Snowball stemmer object holds the word it is working on; one shared by two
threads gave an IndexError inside the Dutch stemmer, which the load test against
`dev.py run` found as a 500 on /practices/?q=inclusive.
"""

from __future__ import annotations

from practices_db.rules import text
from tests.threads import hammer

BASES = ("inclusief", "toetsing", "studenten", "onderwijs", "feedbackgesprekken",
         "meertaligheid", "assessment", "belonging")  # fmt: skip
SUFFIXES = ("", "en", "heden", "ingen", "s", "lijk")
WORDS = [base + suffix for base in BASES for suffix in SUFFIXES]


def test_stemming_in_many_threads_gives_what_one_thread_gives() -> None:
    expected = {
        (w, lang): str(text._stemmer(lang).stemWord(w))
        for w in WORDS
        for lang in ("nl", "en")
    }
    errors: list[str] = []

    def work() -> None:
        for _round in range(40):
            for (word, language), wanted in expected.items():
                try:
                    got = str(text._stemmer(language).stemWord(word))
                except Exception as error:  # noqa: BLE001 - collected for the assert
                    errors.append(repr(error))
                    continue
                if got != wanted:
                    errors.append(f"{word}/{language}: {got} != {wanted}")

    hammer(work)
    assert errors == []
