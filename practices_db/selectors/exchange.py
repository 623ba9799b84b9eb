"""CSV export of search results: every matching published practice, streamed."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any

from django.http import StreamingHttpResponse

from .search import FACETS, PracticeQuery, filtered_records, load_taxonomy

EXPORT_HEADER = (
    "title", "url", "summary", "faculty", "language", "licence", "group_size",
    "dimensions", "aspects", "sdgs", "levels", "formats", "first_published_at",
    "adoptions",
)  # fmt: skip


def _cell(value: Any) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + text
    return text


class _Echo:
    def write(self, value: str) -> str:
        return value


def export_rows(query: PracticeQuery, base_url: str = "") -> Iterator[list[str]]:
    """Header and one row per matching published practice, streamed in batches."""
    taxonomy = load_taxonomy()
    faculties = {f.pk: f.code for f in taxonomy.faculties}
    specs = {spec.param: spec for spec in FACETS}
    yield list(EXPORT_HEADER)
    records = filtered_records(query, taxonomy)
    for record in records.iterator(chunk_size=500):

        def slugs(param: str, record: Any = record) -> str:
            spec = specs[param]
            mask = getattr(record, spec.column)
            return ";".join(
                t.slug
                for t in taxonomy.terms[spec.vocabulary or ""]
                if mask & (1 << t.bit)
            )

        yield [
            _cell(record.title),
            base_url + record.url,
            _cell(record.summary),
            faculties.get(record.faculty_id, ""),
            record.language,
            record.licence,
            record.group_size,
            slugs("dimension"),
            slugs("aspect"),
            slugs("sdg"),
            slugs("level"),
            slugs("format"),
            record.first_published_at.isoformat(),
            str(record.adoption_count),
        ]


def export_csv_response(
    query: PracticeQuery, base_url: str = ""
) -> StreamingHttpResponse:
    writer = csv.writer(_Echo())
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in export_rows(query, base_url)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="practices.csv"'
    return response
