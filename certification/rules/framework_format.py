"""The competency-framework exchange format: its limits and the checks every
importer shares (pure: text in, data out).

Import is strict: every row (CSV) or place (JSON) is checked and every problem is
reported; a file with any problem creates nothing. See README.md for both formats.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from lms.sanitizing import clean_text

from ..data import (
    FrameworkImportReport,
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


class Errors:
    def __init__(self) -> None:
        self.by_place: dict[str, list[str]] = {}

    def add(self, place: str, reason: str) -> None:
        self.by_place.setdefault(place, []).append(reason)

    def as_list(self) -> list[tuple[str, list[str]]]:
        return list(self.by_place.items())


def cell_text(value: Any) -> str:
    """Plain text without markup; a spreadsheet's formula guard is undone."""
    text = clean_text(value if isinstance(value, str) else "")
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA:
        text = text[1:]
    return text


def check_length(
    errors: Errors, place: str, column: str, value: str, limit: int
) -> None:
    if len(value) > limit:
        errors.add(
            place,
            _("%(column)s: longer than %(max)d characters")
            % {"column": column, "max": limit},
        )


def check_required(errors: Errors, place: str, column: str, value: str) -> None:
    if not value:
        errors.add(place, _("%(column)s: required") % {"column": column})


def check_code(errors: Errors, place: str, column: str, value: str) -> None:
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


def decode(raw: bytes | str, report: FrameworkImportReport) -> str | None:
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


def check_framework_code(errors: Errors, place: str, column: str, value: str) -> None:
    if not _FRAMEWORK_CODE.fullmatch(value):
        errors.add(
            place,
            _(
                "%(column)s: use up to 50 lower-case letters, digits and dashes, "
                "e.g. inclusive-teaching"
            )
            % {"column": column},
        )


def check_version(errors: Errors, place: str, column: str, value: str) -> None:
    if not _VERSION.fullmatch(value):
        errors.add(
            place,
            _("%(column)s: required, up to 20 letters, digits, dots or dashes")
            % {"column": column},
        )
