"""PDF uploads, checked by parsing them: header, trailer and page tree (pypdf)."""

from __future__ import annotations

import logging
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader

# pypdf logs every fault it reads past as a warning; here a fault is a refusal with
# its own message, and hostile uploads would flood the log.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# A PDF ends with "startxref", the offset, and "%%EOF"; writers may add a little
# after it (a newline, padding), never more than this.
_TRAILER_SAMPLE = 1024


def has_trailer(tail: bytes) -> bool:
    """Whether the last bytes of a file hold the trailer every PDF ends with."""
    marker = tail.rfind(b"%%EOF")
    return marker >= 0 and b"startxref" in tail[:marker]


def _unreadable() -> ValidationError:
    return ValidationError(
        _("The file is not a readable PDF: it is damaged or incomplete."),
        code="file_content",
    )


def check_pdf(file: IO[bytes]) -> None:
    """Refuse a PDF without a trailer, one pypdf cannot parse, or one without pages.

    pypdf reads leniently past small faults of real writers (a cross-reference table
    a few bytes off is rebuilt); the trailer check before it is the strict part, so
    a file cut short or a page with a PDF header glued on is refused."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - _TRAILER_SAMPLE))
    if not has_trailer(file.read()):
        raise _unreadable()
    file.seek(0)
    try:
        pages = len(PdfReader(file, strict=False).pages)
    except Exception as error:  # noqa: BLE001 (pypdf raises many kinds on bad input)
        raise _unreadable() from error
    if pages < 1:
        raise ValidationError(_("The PDF has no pages."), code="file_content")
