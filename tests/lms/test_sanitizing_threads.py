"""Cleaning HTML is safe from many threads at once.

bleach's Cleaner is not thread-safe; one shared by the server's threads gave an
IndexError 500 on a journal page when 28 people worked at once
(bench/concurrent_people.py against dev.py run).
"""

from __future__ import annotations

from lms.sanitizing import clean_html
from tests.threads import hammer

SAMPLES = [
    f"<p>Entry {n}: <strong>what</strong> I changed, see https://example.org/{n} "
    f"<script>alert({n})</script><em>and</em> <a href='/x/{n}'>why</a></p>"
    f"<ul><li>one</li><li>two {'&amp;' * (n % 4)}</li></ul>"
    for n in range(30)
]


def test_cleaning_in_many_threads_gives_what_one_thread_gives() -> None:
    expected = {sample: str(clean_html(sample)) for sample in SAMPLES}
    errors: list[str] = []

    def work() -> None:
        for _round in range(15):
            for sample, wanted in expected.items():
                try:
                    got = str(clean_html(sample))
                except Exception as error:  # noqa: BLE001 - collected for the assert
                    errors.append(repr(error))
                    continue
                if got != wanted:
                    errors.append(f"{got!r} != {wanted!r}")

    hammer(work)
    assert errors == []
