"""A competency framework read from JSON (pure)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from lms.input_limits import InputRefused, JSONLimits, load_json

from ..data import (
    AreaData,
    CompetencyData,
    FrameworkData,
    FrameworkImportReport,
    IndicatorData,
)
from . import framework_format as fmt


class _JsonReader:
    def __init__(self) -> None:
        self.errors = fmt.Errors()
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
        text = fmt.cell_text(value)
        if required:
            fmt.check_required(self.errors, place, key, text)
        fmt.check_length(self.errors, place, key, text, limit)
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
        if (
            root.get("format") != fmt.FORMAT
            or root.get("format_version") != fmt.FORMAT_VERSION
        ):
            self.errors.add(
                place,
                _("format: expected “%(format)s” version %(version)d")
                % {"format": fmt.FORMAT, "version": fmt.FORMAT_VERSION},
            )
        code = self._string(place, root, "code", limit=50)
        if code:
            fmt.check_framework_code(self.errors, place, "code", code)
        version = self._string(place, root, "version", limit=20)
        if version:
            fmt.check_version(self.errors, place, "version", version)
        name_en, name_nl = self._pair(place, root, "name", limit=fmt.LIMITS["name"])
        desc_en, desc_nl = self._pair(
            place, root, "description", limit=fmt.LIMITS["description"], required=False
        )
        areas_raw = self._list("areas", root.get("areas"), fmt.MAX_AREAS)
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
        fmt.check_code(self.errors, place, "code", code)
        if code in codes and code:
            self.errors.add(
                place, _("code: area “%(code)s” appears twice") % {"code": code}
            )
        codes.add(code)
        name_en, name_nl = self._pair(place, area, "name", limit=fmt.LIMITS["name"])
        competencies = []
        for index, item in enumerate(
            self._list(
                f"{place}.competencies",
                area.get("competencies", []),
                fmt.MAX_COMPETENCIES,
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
        fmt.check_code(self.errors, place, "code", code)
        if code and code in self.competency_codes:
            self.errors.add(
                place, _("code: competency “%(code)s” appears twice") % {"code": code}
            )
        self.competency_codes.add(code)
        if len(self.competency_codes) > fmt.MAX_COMPETENCIES:
            self.errors.add(
                place,
                _("more than %(max)d competencies") % {"max": fmt.MAX_COMPETENCIES},
            )
        name_en, name_nl = self._pair(place, item, "name", limit=fmt.LIMITS["name"])
        desc_en, desc_nl = self._pair(
            place, item, "description", limit=fmt.LIMITS["description"], required=False
        )
        indicators = []
        for index, raw in enumerate(
            self._list(
                f"{place}.indicators", item.get("indicators", []), fmt.MAX_INDICATORS
            )
        ):
            where = f"{place}.indicators[{index}]"
            self.indicators += 1
            if self.indicators > fmt.MAX_INDICATORS:
                self.errors.add(
                    where,
                    _("more than %(max)d indicators") % {"max": fmt.MAX_INDICATORS},
                )
                break
            pair = self._object(where, raw, {"en", "nl"})
            if pair is not None:
                indicators.append(
                    IndicatorData(
                        text_en=self._string(
                            where, pair, "en", limit=fmt.LIMITS["indicator"]
                        ),
                        text_nl=self._string(
                            where, pair, "nl", limit=fmt.LIMITS["indicator"]
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
    text = fmt.decode(raw, report)
    if text is None:
        return None, report
    try:
        # The site's one JSON reader: nesting, number size and strings within
        # limits (the document's size was checked when it was uploaded).
        value = load_json(text, JSONLimits(max_bytes=len(text) + 1))
    except InputRefused as refused:
        report.problem = refused.message
        return None, report
    reader = _JsonReader()
    data = reader.framework(value)
    report.errors = reader.errors.as_list()
    return data, report
