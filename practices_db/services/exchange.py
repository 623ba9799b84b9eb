"""CSV import of existing practices (the export is `selectors/exchange.py`).

Import checks every row and reports each rejected row with the reasons; good
rows are created (and published, when asked) one transaction per row, so one
bad row never blocks or half-writes another.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from lms.accounts.models import Faculty
from lms.sanitizing import clean_text, clean_typed_html

from ..data import PracticeInput
from ..exceptions import PracticeError
from ..models import GroupSize, PracticeLanguage, Term, Vocabulary
from ..rules.licences import Licence
from .sharing import create_practice

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 5000
MAX_RICH_TEXT = 50_000  # as on the share form
REQUIRED_COLUMNS = ("title", "summary", "body", "faculty")
TERM_COLUMNS = {
    "levels": Vocabulary.LEVEL,
    "formats": Vocabulary.FORMAT,
    "dimensions": Vocabulary.DIMENSION,
    "aspects": Vocabulary.ASPECT,
    "sdgs": Vocabulary.SDG,
}
OPTIONAL_COLUMNS = (
    "evidence", "discipline", "language", "group_size", *TERM_COLUMNS, "licence",
    "contact_name", "contact_email", "author", "publish",
)  # fmt: skip
IMPORT_COLUMNS = (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS)


@dataclass
class ImportReport:
    created: list[tuple[int, str]] = field(default_factory=list)  # (row, title)
    rejected: list[tuple[int, list[str]]] = field(
        default_factory=list
    )  # (row, reasons)
    problem: str = ""  # a problem with the whole file

    @property
    def ok(self) -> bool:
        return not self.problem and not self.rejected


class _RowReader:
    def __init__(self, importer: Any) -> None:
        self.importer = importer
        self.faculties = {f.code: f for f in Faculty.objects.all()}
        self.terms = {(t.vocabulary, t.slug): t for t in Term.objects.all()}
        self.users: dict[str, Any] = {}

    def author(self, username: str, reasons: list[str]) -> Any:
        if not username:
            return self.importer
        if username not in self.users:
            self.users[username] = (
                get_user_model()
                .objects.filter(username=username, is_active=True)
                .first()
            )
        user = self.users[username]
        if user is None:
            reasons.append(_("author: no active user “%(name)s”") % {"name": username})
        return user

    def read(
        self, row: dict[str, str]
    ) -> tuple[PracticeInput | None, Any, bool, list[str]]:
        reasons: list[str] = []
        value = {k: clean_text(row.get(k) or "") for k in IMPORT_COLUMNS}
        for column in REQUIRED_COLUMNS:
            if not value[column]:
                reasons.append(_("%(column)s: required") % {"column": column})
        if len(value["title"]) > 200:
            reasons.append(_("title: longer than 200 characters"))
        if len(value["summary"]) > 600:
            reasons.append(_("summary: longer than 600 characters"))
        for column in ("discipline", "contact_name"):
            if len(value[column]) > 200:
                reasons.append(
                    _("%(column)s: longer than %(max)d characters")
                    % {"column": column, "max": 200}
                )
        for column in ("body", "evidence"):
            if len(row.get(column) or "") > MAX_RICH_TEXT:
                reasons.append(
                    _("%(column)s: longer than %(max)d characters")
                    % {"column": column, "max": MAX_RICH_TEXT}
                )
        faculty = self.faculties.get(value["faculty"])
        if value["faculty"] and faculty is None:
            reasons.append(
                _("faculty: unknown code “%(code)s”") % {"code": value["faculty"]}
            )
        language = value["language"] or PracticeLanguage.ENGLISH
        if language not in PracticeLanguage.values:
            reasons.append(_("language: use en or nl"))
        licence = value["licence"] or Licence.CC_BY
        if licence not in Licence.values:
            reasons.append(
                _("licence: use one of %(codes)s")
                % {"codes": ", ".join(Licence.values)}
            )
        group_size = value["group_size"]
        if group_size and group_size not in GroupSize.values:
            reasons.append(
                _("group_size: use one of %(codes)s")
                % {"codes": ", ".join(GroupSize.values)}
            )
        if value["contact_email"]:
            try:
                validate_email(value["contact_email"])
            except ValidationError:
                reasons.append(_("contact_email: not an e-mail address"))
        term_ids: dict[str, tuple[int, ...]] = {}
        for column, vocabulary in TERM_COLUMNS.items():
            ids = []
            for slug in filter(None, (s.strip() for s in value[column].split(";"))):
                term = self.terms.get((vocabulary, slug))
                if term is None:
                    reasons.append(
                        _("%(column)s: unknown term “%(slug)s”")
                        % {"column": column, "slug": slug}
                    )
                else:
                    ids.append(term.pk)
            term_ids[column] = tuple(ids)
        author = self.author(value["author"], reasons)
        publish = value["publish"].lower() not in {"no", "n", "false", "0", "nee"}
        body = clean_typed_html(row.get("body") or "")
        if value["body"] and not clean_text(body):
            reasons.append(_("body: no text left after removing unsafe HTML"))
        if reasons or faculty is None:
            return None, None, False, reasons
        data = PracticeInput(
            title=value["title"],
            summary=value["summary"],
            body=body,
            faculty_id=faculty.pk,
            discipline=value["discipline"],
            group_size=group_size,
            course_level_ids=term_ids["levels"],
            format_ids=term_ids["formats"],
            dimension_ids=term_ids["dimensions"],
            aspect_ids=term_ids["aspects"],
            sdg_ids=term_ids["sdgs"],
            evidence=clean_typed_html(row.get("evidence") or ""),
            contact_name=value["contact_name"],
            contact_email=value["contact_email"],
            language=language,
            licence=licence,
        )
        return data, author, publish, []


def _import_row(
    report: ImportReport,
    rows: _RowReader,
    importer: Any,
    number: int,
    row: dict[str, str],
) -> None:
    data, author, publish, reasons = rows.read(row)
    if data is None:
        report.rejected.append((number, reasons))
        return
    try:
        with transaction.atomic():
            page = create_practice(author=author, data=data)
            if publish:
                page.get_latest_revision().publish(user=importer)
        report.created.append((number, data.title))
    except (PracticeError, ValidationError) as error:
        report.rejected.append((number, [str(error)]))


def import_practices(*, importer: Any, file: IO[bytes]) -> ImportReport:
    """Create practices from a CSV file (UTF-8, header row; see IMPORT_COLUMNS)."""
    report = ImportReport()
    raw = file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        report.problem = _("The file is larger than 5 MB; split it into smaller files.")
        return report
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else raw
    except UnicodeDecodeError:
        report.problem = _("The file is not UTF-8 text. Save it as “CSV UTF-8”.")
        return report
    if "\x00" in text:
        report.problem = _("The file is not a CSV text file.")
        return report
    # Only the delimiter is guessed (from the header line); quoting stays the
    # standard one, which csv.Sniffer gets wrong on Dutch apostrophes (zo'n, 't).
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    csv.field_size_limit(MAX_IMPORT_BYTES)
    # Plain csv.reader: every record counts as a spreadsheet row, blank ones too,
    # so the report's row numbers match what people see in their spreadsheet.
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    number = 1
    try:
        header = [h.strip().lower() for h in next(reader, [])]
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            report.problem = _("Columns missing from the first row: %(columns)s.") % {
                "columns": ", ".join(missing)
            }
            return report
        rows = _RowReader(importer)
        for number, values in enumerate(reader, start=2):
            if number - 1 > MAX_IMPORT_ROWS:
                report.problem = _("Only the first %(max)d rows were read.") % {
                    "max": MAX_IMPORT_ROWS
                }
                break
            if not any(v.strip() for v in values):
                continue
            _import_row(
                report, rows, importer, number, dict(zip(header, values, strict=False))
            )
    except csv.Error as error:
        report.problem = _("Row %(row)d could not be read as CSV: %(error)s") % {
            "row": number + 1,
            "error": str(error),
        }
    return report
