"""The programme team imports a cohort's participants from a CSV file.

The import checks the whole file (size, encoding, header, number of rows) before
it changes anything; then each row is carried out in its own transaction through
the enrolment service (capacity, then the waiting list), so one bad row never
blocks or half-writes another. The report says what happened to every row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from typing import IO, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import create_person
from lms.sanitizing import clean_text

from ..data import ImportedParticipant, ParticipantImport, RejectedRow
from ..exceptions import NotYours, TrajectoryError
from ..models import Cohort, EnrolmentStatus
from ..permissions import MANAGE_COHORTS
from ..rules.spreadsheet import FORMULA_START
from ..selectors import ACTIVE
from .enrolment import enrol_by_programme_team

MAX_IMPORT_BYTES = 1024 * 1024
MAX_IMPORT_ROWS = 2000
MAX_NAME_CHARS = 150  # Django's first_name / last_name
MAX_EMAIL_CHARS = 254
COLUMNS = ("email", "first_name", "last_name", "faculty_code")
# Column names people write, compared without case, spaces or punctuation.
_HEADER_NAMES = {
    "email": "email",
    "emailaddress": "email",
    "mail": "email",
    "emailadres": "email",
    "firstname": "first_name",
    "givenname": "first_name",
    "voornaam": "first_name",
    "lastname": "last_name",
    "surname": "last_name",
    "familyname": "last_name",
    "achternaam": "last_name",
    "facultycode": "faculty_code",
    "faculty": "faculty_code",
    "faculteit": "faculty_code",
    "faculteitscode": "faculty_code",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _header_key(name: str) -> str:
    return _HEADER_NAMES.get(re.sub(r"[^a-z0-9]", "", name.strip().lower()), "")


@dataclass
class _Row:
    number: int
    email: str
    first_name: str
    last_name: str
    faculty_code: str


def _plain(label: str, value: str, limit: int, reasons: list[str]) -> str:
    """The value if it is safe plain text; else a reason is added."""
    text = value.strip()
    if _CONTROL.search(text):
        reasons.append(_("%(column)s: contains control characters") % {"column": label})
    elif clean_text(text) != text:
        reasons.append(_("%(column)s: contains HTML or markup") % {"column": label})
    elif text.startswith(FORMULA_START):
        reasons.append(
            _("%(column)s: starts with =, +, - or @ (a spreadsheet formula)")
            % {"column": label}
        )
    elif len(text) > limit:
        reasons.append(
            _("%(column)s: longer than %(max)d characters")
            % {"column": label, "max": limit}
        )
    return text


def _read_file(file: IO[bytes]) -> tuple[list[_Row], str]:
    """The data rows of the file, or a problem with the whole file."""
    raw = file.read(MAX_IMPORT_BYTES + 1)
    if len(raw) > MAX_IMPORT_BYTES:
        return [], _("The file is larger than 1 MB; split it into smaller files.")
    if not raw.strip():
        return [], _("The file is empty.")
    try:
        text = raw.decode("utf-8-sig") if isinstance(raw, bytes) else str(raw)
    except UnicodeDecodeError:
        return [], _("The file is not UTF-8 text. Save it as “CSV UTF-8”.")
    if "\x00" in text:
        return [], _("The file is not a CSV text file.")
    header_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header_line.count)
    csv.field_size_limit(MAX_IMPORT_BYTES)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = [_header_key(name) for name in next(reader, [])]
        named = [key for key in header if key]
        unknown = [
            name.strip()
            for name, key in zip(header_line.split(delimiter), header, strict=False)
            if not key
        ]
        if len(named) != len(set(named)):
            return [], _("A column appears twice in the first row.")
        missing = [column for column in COLUMNS if column not in named]
        if missing or unknown:
            return [], _(
                "The first row must name the columns e-mail, first name, last "
                "name and faculty code (in any order), and nothing else. "
                "Missing: %(missing)s. Not known: %(unknown)s."
            ) % {
                "missing": ", ".join(missing) or "—",
                "unknown": ", ".join(clean_text(u)[:40] for u in unknown) or "—",
            }
        rows: list[_Row] = []
        for number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(rows) >= MAX_IMPORT_ROWS:
                return [], _(
                    "The file has more than %(max)d participants; split it."
                ) % {"max": MAX_IMPORT_ROWS}
            cells = dict(zip(header, values, strict=False))
            rows.append(
                _Row(number, *(cells.get(column, "") or "" for column in COLUMNS))
            )
    except csv.Error as error:
        return [], _("Row %(row)d could not be read as CSV: %(error)s") % {
            "row": reader.line_num,
            "error": str(error),
        }
    if not rows:
        return [], _("The file has no participants below its first row.")
    return rows, ""


class _Importer:
    def __init__(self, *, actor: Any, cohort: Cohort, rows: list[_Row]) -> None:
        self.actor = actor
        self.cohort = cohort
        self.faculties = {f.code: f for f in Faculty.objects.all()}
        emails = {row.email.strip().lower() for row in rows}
        self.accounts: dict[str, list[Any]] = {}
        for user in (
            get_user_model()
            .objects.annotate(email_lower=Lower("email"))
            .filter(email_lower__in=emails)
        ):
            self.accounts.setdefault(user.email_lower, []).append(user)
        self.statuses = dict(
            cohort.enrolments.values_list("user_id", "status").order_by()
        )
        self.seen: dict[str, int] = {}

    def check(self, row: _Row) -> tuple[Any, list[str]]:
        """The existing account (or None for a new one) and the reasons to refuse."""
        reasons: list[str] = []
        email = _plain(_("e-mail"), row.email, MAX_EMAIL_CHARS, reasons)
        first = _plain(_("first name"), row.first_name, MAX_NAME_CHARS, reasons)
        last = _plain(_("last name"), row.last_name, MAX_NAME_CHARS, reasons)
        code = _plain(_("faculty code"), row.faculty_code, 32, reasons)
        row.email, row.first_name, row.last_name, row.faculty_code = (
            email,
            first,
            last,
            code,
        )
        if not email:
            reasons.append(_("e-mail: required"))
        else:
            try:
                validate_email(email)
            except ValidationError:
                reasons.append(_("e-mail: not an e-mail address"))
        key = email.lower()
        if key and key in self.seen:
            reasons.append(
                _("e-mail: the same address as row %(row)d") % {"row": self.seen[key]}
            )
        elif key:
            self.seen[key] = row.number
        if code and code not in self.faculties:
            reasons.append(_("faculty code: unknown code “%(code)s”") % {"code": code})
        accounts = self.accounts.get(key, [])
        if len(accounts) > 1:
            reasons.append(
                _(
                    "e-mail: several accounts have this address; enrol the person "
                    "on the site"
                )
            )
        account = accounts[0] if len(accounts) == 1 else None
        if account is not None and not account.is_active:
            reasons.append(_("e-mail: the account with this address is deactivated"))
        if account is None and not (first and last):
            reasons.append(_("first name and last name: required for a new account"))
        return account, reasons

    def run(self, row: _Row) -> ImportedParticipant | RejectedRow:
        account, reasons = self.check(row)
        if reasons:
            return RejectedRow(row=row.number, reasons=tuple(reasons))
        try:
            with transaction.atomic():
                user = account or self._new_account(row)
                before = self.statuses.get(user.pk)
                enrolment = enrol_by_programme_team(
                    actor=self.actor, user=user, cohort=self.cohort
                )
        except TrajectoryError as error:
            return RejectedRow(row=row.number, reasons=(str(error),))
        self.statuses[user.pk] = enrolment.status
        unchanged = before in (*ACTIVE, EnrolmentStatus.WAITLISTED)
        return ImportedParticipant(
            row=row.number,
            email=user.email,
            name=user.get_full_name() or user.get_username(),
            outcome="unchanged" if unchanged else str(enrolment.status),
            new_account=account is None,
        )

    def _new_account(self, row: _Row) -> Any:
        users = get_user_model().objects
        base = row.email.lower()[:140]
        username, suffix = base, 1
        while users.filter(username=username).exists():
            suffix += 1
            username = f"{base}-{suffix}"
        return create_person(
            username=username,
            email=row.email,
            first_name=row.first_name,
            last_name=row.last_name,
            password=None,
            faculty=self.faculties.get(row.faculty_code),
            roles=[Role.LECTURER],
        )


def import_participants(
    *, actor: Any, cohort: Cohort, file: IO[bytes]
) -> ParticipantImport:
    """Enrol the people of a CSV file (UTF-8; columns e-mail, first name, last name,
    faculty code) in `cohort`: existing accounts are found by e-mail address, new
    people get a lecturer account (no password: they sign in as the site allows);
    each goes through the enrolment service, so a full cohort puts them on its
    waiting list. Only the programme team may do this."""
    if not actor.has_perm(MANAGE_COHORTS):
        raise NotYours(_("Only the programme team can import participants."))
    rows, problem = _read_file(file)
    if problem:
        return ParticipantImport(problem=problem)
    importer = _Importer(actor=actor, cohort=cohort, rows=rows)
    done: list[ImportedParticipant] = []
    rejected: list[RejectedRow] = []
    for row in rows:
        result = importer.run(row)
        if isinstance(result, RejectedRow):
            rejected.append(result)
        else:
            done.append(result)
    return ParticipantImport(done=tuple(done), rejected=tuple(rejected))
