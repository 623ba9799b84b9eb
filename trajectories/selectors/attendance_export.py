"""The attendance of a cohort as CSV rows for a spreadsheet: a column per session,
cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from django.utils import timezone
from django.utils.translation import gettext as _

from ..rules.spreadsheet import cell
from .coaching import AttendanceExport


def attendance_rows(export: AttendanceExport) -> Iterator[list[str]]:
    """The header (participant, e-mail, enrolment, then one column per session)
    and one row per participant with present, excused, absent or empty."""
    yield [
        _("Participant"),
        _("E-mail"),
        _("Enrolment"),
        *(
            cell(f"{s.number}. {s.title} ({timezone.localtime(s.starts_at):%Y-%m-%d})")
            for s in export.sessions
        ),
    ]
    for enrolment, marks in export.rows:
        user = enrolment.user
        yield [
            cell(user.engage_profile.display_name),
            cell(user.email),
            str(enrolment.status),
            *marks,
        ]


def attendance_csv(export: AttendanceExport) -> str:
    """The attendance of a cohort as CSV text (UTF-8 with a byte-order mark, so
    spreadsheets read the names right)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    for row in attendance_rows(export):
        writer.writerow(row)
    return buffer.getvalue()
