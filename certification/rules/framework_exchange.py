"""Competency frameworks in and out as JSON or CSV (pure: text in, data out).

Import is strict: every row (CSV) or place (JSON) is checked and every problem is
reported; a file with any problem creates nothing. See README.md for both formats.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from django.utils.translation import gettext as _

from ..data import (
    FrameworkData,
    FrameworkImportReport,
)
from .framework_csv import parse_csv
from .framework_format import (
    _FORMULA,
    CSV_COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    MAX_IMPORT_BYTES,
)
from .framework_json import parse_json

__all__ = [
    "CSV_COLUMNS",
    "MAX_IMPORT_BYTES",
    "csv_rows",
    "export_csv",
    "export_json",
    "parse",
    "parse_csv",
    "parse_json",
]


def parse(
    raw: bytes | str, fmt: str
) -> tuple[FrameworkData | None, FrameworkImportReport]:
    """`fmt` is "json" or "csv"."""
    if fmt == "json":
        return parse_json(raw)
    if fmt == "csv":
        return parse_csv(raw)
    report = FrameworkImportReport(problem=_("Use a .json or .csv file."))
    return None, report


# --- export ---------------------------------------------------------------------------


def export_json(data: FrameworkData) -> str:
    """The framework as the JSON document `parse_json` reads."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "code": data.code,
        "version": data.version,
        "name": {"en": data.name_en, "nl": data.name_nl},
        "description": {"en": data.description_en, "nl": data.description_nl},
        "areas": [
            {
                "code": area.code,
                "name": {"en": area.name_en, "nl": area.name_nl},
                "competencies": [
                    {
                        "code": c.code,
                        "name": {"en": c.name_en, "nl": c.name_nl},
                        "description": {"en": c.description_en, "nl": c.description_nl},
                        "indicators": [
                            {"en": i.text_en, "nl": i.text_nl} for i in c.indicators
                        ],
                    }
                    for c in area.competencies
                ],
            }
            for area in data.areas
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _cell(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (undone on import)."""
    return "'" + value if value[:1] in _FORMULA else value


def csv_rows(data: FrameworkData) -> Iterator[list[str]]:
    yield list(CSV_COLUMNS)
    yield [
        "framework", data.code, "", _cell(data.name_en), _cell(data.name_nl),
        _cell(data.description_en), _cell(data.description_nl), data.version,
    ]  # fmt: skip
    for area in data.areas:
        yield [
            "area",
            area.code,
            "",
            _cell(area.name_en),
            _cell(area.name_nl),
            "",
            "",
            "",
        ]
        for c in area.competencies:
            yield [
                "competency", c.code, area.code, _cell(c.name_en), _cell(c.name_nl),
                _cell(c.description_en), _cell(c.description_nl), "",
            ]  # fmt: skip
            for i in c.indicators:
                yield [
                    "indicator", "", c.code, _cell(i.text_en), _cell(i.text_nl),
                    "", "", "",
                ]  # fmt: skip


def export_csv(data: FrameworkData) -> str:
    """The framework as the CSV `parse_csv` reads."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerows(csv_rows(data))
    return out.getvalue()
