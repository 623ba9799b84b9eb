"""A competency framework read from CSV (pure)."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.utils.translation import gettext as _

from ..data import (
    AreaData,
    CompetencyData,
    FrameworkData,
    FrameworkImportReport,
    IndicatorData,
)
from . import framework_format as fmt


class _CsvBuilder:
    def __init__(self) -> None:
        self.framework: dict[str, str] | None = None
        self.areas: dict[str, dict[str, Any]] = {}
        self.competencies: dict[str, dict[str, Any]] = {}
        self.indicators = 0
        self.errors = fmt.Errors()

    def row(self, number: int, row: dict[str, str]) -> None:
        place = _("row %(n)d") % {"n": number}
        value = {
            column: fmt.cell_text(row.get(column) or "") for column in fmt.CSV_COLUMNS
        }
        kind = value["kind"].lower()
        if kind not in fmt.KINDS:
            self.errors.add(
                place,
                _("kind: use one of %(kinds)s") % {"kinds": ", ".join(fmt.KINDS)},
            )
            return
        if kind != "framework" and self.framework is None:
            self.errors.add(place, _("kind: the first row must be the framework"))
            return
        getattr(self, f"_{kind}")(place, value)

    def _names(self, place: str, value: dict[str, str], limit: int) -> None:
        for column in ("name_en", "name_nl"):
            fmt.check_required(self.errors, place, column, value[column])
            fmt.check_length(self.errors, place, column, value[column], limit)

    def _descriptions(self, place: str, value: dict[str, str]) -> None:
        for column in ("description_en", "description_nl"):
            fmt.check_length(
                self.errors, place, column, value[column], fmt.LIMITS["description"]
            )

    def _framework(self, place: str, value: dict[str, str]) -> None:
        if self.framework is not None:
            self.errors.add(place, _("kind: only one framework row is allowed"))
            return
        fmt.check_framework_code(self.errors, place, "code", value["code"])
        fmt.check_version(self.errors, place, "version", value["version"])
        self._names(place, value, fmt.LIMITS["name"])
        self._descriptions(place, value)
        self.framework = value

    def _area(self, place: str, value: dict[str, str]) -> None:
        fmt.check_code(self.errors, place, "code", value["code"])
        self._names(place, value, fmt.LIMITS["name"])
        if value["code"] in self.areas:
            self.errors.add(
                place,
                _("code: area “%(code)s” appears twice") % {"code": value["code"]},
            )
            return
        if len(self.areas) >= fmt.MAX_AREAS:
            self.errors.add(
                place, _("more than %(max)d areas") % {"max": fmt.MAX_AREAS}
            )
            return
        self.areas[value["code"]] = {"value": value, "competencies": []}

    def _competency(self, place: str, value: dict[str, str]) -> None:
        fmt.check_code(self.errors, place, "code", value["code"])
        self._names(place, value, fmt.LIMITS["name"])
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
        if len(self.competencies) >= fmt.MAX_COMPETENCIES:
            self.errors.add(
                place,
                _("more than %(max)d competencies") % {"max": fmt.MAX_COMPETENCIES},
            )
            return
        competency = {"value": value, "indicators": []}
        self.competencies[value["code"]] = competency
        area["competencies"].append(competency)

    def _indicator(self, place: str, value: dict[str, str]) -> None:
        self._names(place, value, fmt.LIMITS["indicator"])
        competency = self.competencies.get(value["parent"])
        if competency is None:
            self.errors.add(
                place,
                _("parent: no competency “%(code)s” in a row above")
                % {"code": value["parent"][:40]},
            )
            return
        self.indicators += 1
        if self.indicators > fmt.MAX_INDICATORS:
            self.errors.add(
                place, _("more than %(max)d indicators") % {"max": fmt.MAX_INDICATORS}
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


def parse_csv(raw: bytes | str) -> tuple[FrameworkData | None, FrameworkImportReport]:
    """A framework from CSV (header row with CSV_COLUMNS; one row per framework,
    area, competency and indicator, each below its parent)."""
    report = FrameworkImportReport()
    text = fmt.decode(raw, report)
    if text is None:
        return None, report
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    csv.field_size_limit(fmt.MAX_IMPORT_BYTES)
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
