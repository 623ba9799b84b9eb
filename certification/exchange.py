"""Competency frameworks in and out as JSON or CSV (pure: text in, data out).

Import is strict: every row (CSV) or place (JSON) is checked and every problem is
reported; a file with any problem creates nothing. See README.md for both formats.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _

from lms.sanitizing import clean_text

from .data import (
    AreaData,
    CompetencyData,
    FrameworkData,
    FrameworkImportReport,
    IndicatorData,
)

FORMAT = "engage-pd/competency-framework"
FORMAT_VERSION = 1
MAX_IMPORT_BYTES = 1024 * 1024
MAX_AREAS = 30
MAX_COMPETENCIES = 200
MAX_INDICATORS = 2000
CSV_COLUMNS = (
    "kind", "code", "parent", "name_en", "name_nl", "description_en",
    "description_nl", "version",
)  # fmt: skip
KINDS = ("framework", "area", "competency", "indicator")
# (field, limit) — the model's field sizes.
LIMITS = {
    "name": 200,
    "indicator": 500,
    "description": 5000,
    "version": 20,
}
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")
_FRAMEWORK_CODE = re.compile(r"[a-z0-9][a-z0-9-]{0,49}")
_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,19}")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


class _Errors:
    def __init__(self) -> None:
        self.by_place: dict[str, list[str]] = {}

    def add(self, place: str, reason: str) -> None:
        self.by_place.setdefault(place, []).append(reason)

    def as_list(self) -> list[tuple[str, list[str]]]:
        return list(self.by_place.items())


def _text(value: Any) -> str:
    """Plain text without markup; a spreadsheet's formula guard is undone."""
    text = clean_text(value if isinstance(value, str) else "")
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA:
        text = text[1:]
    return text


def _check_length(
    errors: _Errors, place: str, column: str, value: str, limit: int
) -> None:
    if len(value) > limit:
        errors.add(
            place,
            _("%(column)s: longer than %(max)d characters")
            % {"column": column, "max": limit},
        )


def _check_required(errors: _Errors, place: str, column: str, value: str) -> None:
    if not value:
        errors.add(place, _("%(column)s: required") % {"column": column})


def _check_code(errors: _Errors, place: str, column: str, value: str) -> None:
    if not value:
        errors.add(place, _("%(column)s: required") % {"column": column})
    elif not _CODE.fullmatch(value):
        errors.add(
            place,
            _(
                "%(column)s: “%(value)s” is not a code (up to 20 letters, digits, "
                "dots, dashes or underscores)"
            )
            % {"column": column, "value": value[:40]},
        )


def _decode(raw: bytes | str, report: FrameworkImportReport) -> str | None:
    if len(raw) > MAX_IMPORT_BYTES:
        report.problem = _("The file is larger than 1 MB.")
        return None
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        report.problem = _("The file is not UTF-8 text.")
        return None
    if "\x00" in text:
        report.problem = _("The file is not a text file.")
        return None
    return text.lstrip("\ufeff")


# --- CSV ------------------------------------------------------------------------------


class _CsvBuilder:
    def __init__(self) -> None:
        self.framework: dict[str, str] | None = None
        self.areas: dict[str, dict[str, Any]] = {}
        self.competencies: dict[str, dict[str, Any]] = {}
        self.indicators = 0
        self.errors = _Errors()

    def row(self, number: int, row: dict[str, str]) -> None:
        place = _("row %(n)d") % {"n": number}
        value = {column: _text(row.get(column) or "") for column in CSV_COLUMNS}
        kind = value["kind"].lower()
        if kind not in KINDS:
            self.errors.add(
                place,
                _("kind: use one of %(kinds)s") % {"kinds": ", ".join(KINDS)},
            )
            return
        if kind != "framework" and self.framework is None:
            self.errors.add(place, _("kind: the first row must be the framework"))
            return
        getattr(self, f"_{kind}")(place, value)

    def _names(self, place: str, value: dict[str, str], limit: int) -> None:
        for column in ("name_en", "name_nl"):
            _check_required(self.errors, place, column, value[column])
            _check_length(self.errors, place, column, value[column], limit)

    def _descriptions(self, place: str, value: dict[str, str]) -> None:
        for column in ("description_en", "description_nl"):
            _check_length(
                self.errors, place, column, value[column], LIMITS["description"]
            )

    def _framework(self, place: str, value: dict[str, str]) -> None:
        if self.framework is not None:
            self.errors.add(place, _("kind: only one framework row is allowed"))
            return
        _check_framework_code(self.errors, place, "code", value["code"])
        _check_version(self.errors, place, "version", value["version"])
        self._names(place, value, LIMITS["name"])
        self._descriptions(place, value)
        self.framework = value

    def _area(self, place: str, value: dict[str, str]) -> None:
        _check_code(self.errors, place, "code", value["code"])
        self._names(place, value, LIMITS["name"])
        if value["code"] in self.areas:
            self.errors.add(
                place,
                _("code: area “%(code)s” appears twice") % {"code": value["code"]},
            )
            return
        if len(self.areas) >= MAX_AREAS:
            self.errors.add(place, _("more than %(max)d areas") % {"max": MAX_AREAS})
            return
        self.areas[value["code"]] = {"value": value, "competencies": []}

    def _competency(self, place: str, value: dict[str, str]) -> None:
        _check_code(self.errors, place, "code", value["code"])
        self._names(place, value, LIMITS["name"])
        self._descriptions(place, value)
        area = self.areas.get(value["parent"])
        if area is None:
            self.errors.add(
                place,
                _("parent: no area “%(code)s” in a row above")
                % {"code": value["parent"][:40]},
            )
            return
        if value["code"] in self.competencies:
            self.errors.add(
                place,
                _("code: competency “%(code)s” appears twice")
                % {"code": value["code"]},
            )
            return
        if len(self.competencies) >= MAX_COMPETENCIES:
            self.errors.add(
                place,
                _("more than %(max)d competencies") % {"max": MAX_COMPETENCIES},
            )
            return
        competency = {"value": value, "indicators": []}
        self.competencies[value["code"]] = competency
        area["competencies"].append(competency)

    def _indicator(self, place: str, value: dict[str, str]) -> None:
        self._names(place, value, LIMITS["indicator"])
        competency = self.competencies.get(value["parent"])
        if competency is None:
            self.errors.add(
                place,
                _("parent: no competency “%(code)s” in a row above")
                % {"code": value["parent"][:40]},
            )
            return
        self.indicators += 1
        if self.indicators > MAX_INDICATORS:
            self.errors.add(
                place, _("more than %(max)d indicators") % {"max": MAX_INDICATORS}
            )
            return
        competency["indicators"].append(
            IndicatorData(text_en=value["name_en"], text_nl=value["name_nl"])
        )

    def build(self) -> FrameworkData | None:
        if self.framework is None:
            self.errors.add(_("file"), _("no framework row"))
            return None
        if not self.areas:
            self.errors.add(_("file"), _("no area rows"))
        if self.errors.by_place:
            return None
        f = self.framework
        return FrameworkData(
            code=f["code"],
            version=f["version"],
            name_en=f["name_en"],
            name_nl=f["name_nl"],
            description_en=f["description_en"],
            description_nl=f["description_nl"],
            areas=tuple(
                AreaData(
                    code=code,
                    name_en=area["value"]["name_en"],
                    name_nl=area["value"]["name_nl"],
                    competencies=tuple(
                        CompetencyData(
                            code=c["value"]["code"],
                            name_en=c["value"]["name_en"],
                            name_nl=c["value"]["name_nl"],
                            description_en=c["value"]["description_en"],
                            description_nl=c["value"]["description_nl"],
                            indicators=tuple(c["indicators"]),
                        )
                        for c in area["competencies"]
                    ),
                )
                for code, area in self.areas.items()
            ),
        )


def _check_framework_code(errors: _Errors, place: str, column: str, value: str) -> None:
    if not _FRAMEWORK_CODE.fullmatch(value):
        errors.add(
            place,
            _(
                "%(column)s: use up to 50 lower-case letters, digits and dashes, "
                "e.g. inclusive-teaching"
            )
            % {"column": column},
        )


def _check_version(errors: _Errors, place: str, column: str, value: str) -> None:
    if not _VERSION.fullmatch(value):
        errors.add(
            place,
            _("%(column)s: required, up to 20 letters, digits, dots or dashes")
            % {"column": column},
        )


def parse_csv(raw: bytes | str) -> tuple[FrameworkData | None, FrameworkImportReport]:
    """A framework from CSV (header row with CSV_COLUMNS; one row per framework,
    area, competency and indicator, each below its parent)."""
    report = FrameworkImportReport()
    text = _decode(raw, report)
    if text is None:
        return None, report
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    csv.field_size_limit(MAX_IMPORT_BYTES)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    builder = _CsvBuilder()
    number = 1
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [
            c
            for c in ("kind", "code", "parent", "name_en", "name_nl")
            if c not in header
        ]
        if missing:
            report.problem = _("Columns missing from the first row: %(columns)s.") % {
                "columns": ", ".join(missing)
            }
            return None, report
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header):
                builder.errors.add(
                    _("row %(n)d") % {"n": number},
                    _("more cells than columns in the first row"),
                )
                continue
            builder.row(number, dict(zip(header, values, strict=False)))
    except csv.Error as error:
        report.problem = _("Row %(row)d could not be read as CSV: %(error)s") % {
            "row": number + 1,
            "error": str(error),
        }
        return None, report
    data = builder.build()
    report.errors = builder.errors.as_list()
    return data, report


# --- JSON -----------------------------------------------------------------------------


class _JsonReader:
    def __init__(self) -> None:
        self.errors = _Errors()
        self.competency_codes: set[str] = set()
        self.indicators = 0

    def _object(
        self, place: str, value: Any, allowed: set[str]
    ) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.errors.add(place, _("must be an object"))
            return None
        for key in sorted(set(value) - allowed, key=str)[:5]:
            self.errors.add(place, _("unknown key “%(key)s”") % {"key": str(key)[:40]})
        return value

    def _string(
        self, place: str, container: dict[str, Any], key: str, *, limit: int,
        required: bool = True,
    ) -> str:  # fmt: skip
        value = container.get(key, "")
        if not isinstance(value, str):
            self.errors.add(place, _("%(key)s: must be text") % {"key": key})
            return ""
        text = _text(value)
        if required:
            _check_required(self.errors, place, key, text)
        _check_length(self.errors, place, key, text, limit)
        return text

    def _pair(
        self, place: str, container: dict[str, Any], key: str, *, limit: int,
        required: bool = True,
    ) -> tuple[str, str]:  # fmt: skip
        """{"en": ..., "nl": ...} under `key`."""
        value = container.get(key)
        if value is None and not required:
            return "", ""
        pair = self._object(f"{place}.{key}", value, {"en", "nl"}) or {}
        return (
            self._string(f"{place}.{key}", pair, "en", limit=limit, required=required),
            self._string(f"{place}.{key}", pair, "nl", limit=limit, required=required),
        )

    def _list(self, place: str, value: Any, limit: int) -> list[Any]:
        if not isinstance(value, list):
            self.errors.add(place, _("must be a list"))
            return []
        if len(value) > limit:
            self.errors.add(place, _("more than %(max)d items") % {"max": limit})
            return []
        return value

    def framework(self, value: Any) -> FrameworkData | None:
        place = "framework"
        root = self._object(
            place,
            value,
            {
                "format",
                "format_version",
                "code",
                "version",
                "name",
                "description",
                "areas",
            },
        )
        if root is None:
            return None
        if root.get("format") != FORMAT or root.get("format_version") != FORMAT_VERSION:
            self.errors.add(
                place,
                _("format: expected “%(format)s” version %(version)d")
                % {"format": FORMAT, "version": FORMAT_VERSION},
            )
        code = self._string(place, root, "code", limit=50)
        if code:
            _check_framework_code(self.errors, place, "code", code)
        version = self._string(place, root, "version", limit=20)
        if version:
            _check_version(self.errors, place, "version", version)
        name_en, name_nl = self._pair(place, root, "name", limit=LIMITS["name"])
        desc_en, desc_nl = self._pair(
            place, root, "description", limit=LIMITS["description"], required=False
        )
        areas_raw = self._list("areas", root.get("areas"), MAX_AREAS)
        if not areas_raw and "areas" not in self.errors.by_place:
            self.errors.add("areas", _("at least one area is needed"))
        area_codes: set[str] = set()
        areas = []
        for index, area in enumerate(areas_raw):
            areas.append(self.area(f"areas[{index}]", area, area_codes))
        if self.errors.by_place:
            return None
        return FrameworkData(
            code=code,
            version=version,
            name_en=name_en,
            name_nl=name_nl,
            description_en=desc_en,
            description_nl=desc_nl,
            areas=tuple(areas),
        )

    def area(self, place: str, value: Any, codes: set[str]) -> AreaData:
        area = self._object(place, value, {"code", "name", "competencies"})
        if area is None:
            return AreaData(code="", name_en="", name_nl="")
        code = self._string(place, area, "code", limit=20, required=False)
        _check_code(self.errors, place, "code", code)
        if code in codes and code:
            self.errors.add(
                place, _("code: area “%(code)s” appears twice") % {"code": code}
            )
        codes.add(code)
        name_en, name_nl = self._pair(place, area, "name", limit=LIMITS["name"])
        competencies = []
        for index, item in enumerate(
            self._list(
                f"{place}.competencies", area.get("competencies", []), MAX_COMPETENCIES
            )
        ):
            competencies.append(self.competency(f"{place}.competencies[{index}]", item))
        return AreaData(
            code=code,
            name_en=name_en,
            name_nl=name_nl,
            competencies=tuple(competencies),
        )

    def competency(self, place: str, value: Any) -> CompetencyData:
        item = self._object(place, value, {"code", "name", "description", "indicators"})
        if item is None:
            return CompetencyData(code="", name_en="", name_nl="")
        code = self._string(place, item, "code", limit=20, required=False)
        _check_code(self.errors, place, "code", code)
        if code and code in self.competency_codes:
            self.errors.add(
                place, _("code: competency “%(code)s” appears twice") % {"code": code}
            )
        self.competency_codes.add(code)
        if len(self.competency_codes) > MAX_COMPETENCIES:
            self.errors.add(
                place, _("more than %(max)d competencies") % {"max": MAX_COMPETENCIES}
            )
        name_en, name_nl = self._pair(place, item, "name", limit=LIMITS["name"])
        desc_en, desc_nl = self._pair(
            place, item, "description", limit=LIMITS["description"], required=False
        )
        indicators = []
        for index, raw in enumerate(
            self._list(
                f"{place}.indicators", item.get("indicators", []), MAX_INDICATORS
            )
        ):
            where = f"{place}.indicators[{index}]"
            self.indicators += 1
            if self.indicators > MAX_INDICATORS:
                self.errors.add(
                    where, _("more than %(max)d indicators") % {"max": MAX_INDICATORS}
                )
                break
            pair = self._object(where, raw, {"en", "nl"})
            if pair is not None:
                indicators.append(
                    IndicatorData(
                        text_en=self._string(
                            where, pair, "en", limit=LIMITS["indicator"]
                        ),
                        text_nl=self._string(
                            where, pair, "nl", limit=LIMITS["indicator"]
                        ),
                    )
                )
        return CompetencyData(
            code=code,
            name_en=name_en,
            name_nl=name_nl,
            description_en=desc_en,
            description_nl=desc_nl,
            indicators=tuple(indicators),
        )


def parse_json(raw: bytes | str) -> tuple[FrameworkData | None, FrameworkImportReport]:
    """A framework from the JSON document `export_json` writes."""
    report = FrameworkImportReport()
    text = _decode(raw, report)
    if text is None:
        return None, report
    try:
        value = json.loads(text)
    except RecursionError:
        report.problem = _("The JSON is nested too deeply.")
        return None, report
    except ValueError as error:
        report.problem = _("The file is not valid JSON: %(error)s") % {
            "error": str(error)[:200]
        }
        return None, report
    reader = _JsonReader()
    data = reader.framework(value)
    report.errors = reader.errors.as_list()
    return data, report


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
