"""UploadValidator: the one check every uploaded file passes."""

from __future__ import annotations

from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from ..conf import engage_settings
from .archives import ARCHIVE_TYPES, ArchiveLimits, check_archive
from .pdf import check_pdf
from .sniffing import (
    NEVER_ALLOWED,
    TEXT_TYPES,
    is_markup,
    is_utf8_text,
    matches_signature,
)


def _head(file: IO[bytes], size: int = 2048) -> bytes:
    file.seek(0)
    head = file.read(size)
    return head if isinstance(head, bytes) else head.encode()


# Migrations name the class by this path (it was a module before it was a package).
@deconstructible(path="lms.uploads.UploadValidator")
class UploadValidator:
    """Refuse files too large, of a type not allowed, or not what they claim to be."""

    def __init__(
        self,
        extensions: tuple[str, ...] | None = None,
        max_bytes: int | None = None,
        stored: bool = True,
    ) -> None:
        self.extensions = extensions
        self.max_bytes = max_bytes
        # False for a file that is read and thrown away (an import): markup in it
        # is the importer's data to judge row by row, never a page anyone is served.
        self.stored = stored

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.extensions == other.extensions
            and self.max_bytes == other.max_bytes
            and self.stored == other.stored
        )

    def __call__(self, file: Any) -> None:
        allowed = self.extensions or engage_settings.upload_extensions
        max_bytes = self.max_bytes or engage_settings.upload_max_bytes
        name = PurePath(getattr(file, "name", "") or "")
        extension = name.suffix.lower().lstrip(".")
        if extension not in allowed or extension in NEVER_ALLOWED:
            raise ValidationError(
                _("Files of type “%(ext)s” cannot be uploaded. Allowed: %(allowed)s.")
                % {
                    "ext": extension or "?",
                    "allowed": ", ".join(e for e in allowed if e not in NEVER_ALLOWED),
                },
                code="file_type",
            )
        if file.size > max_bytes:
            raise ValidationError(
                _("The file is %(size)s; the largest allowed is %(max)s.")
                % {"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
                code="file_size",
            )
        position = file.tell() if hasattr(file, "tell") else 0
        try:
            _check_content(file, extension, stored=self.stored)
        finally:
            file.seek(position)


def _check_content(file: IO[bytes], extension: str, *, stored: bool = True) -> None:
    head = _head(file)
    if stored and is_markup(head):
        raise ValidationError(
            _("The file holds a web page or script, which cannot be uploaded."),
            code="file_content",
        )
    if not matches_signature(extension, head):
        raise ValidationError(
            _("The file’s content is not a valid %(ext)s file.") % {"ext": extension},
            code="file_content",
        )
    if extension in TEXT_TYPES and not is_utf8_text(head):
        raise ValidationError(_("The file is not UTF-8 text."), code="file_content")
    if extension == "pdf":
        check_pdf(file)
    elif extension in ARCHIVE_TYPES:
        check_archive(file, extension, ArchiveLimits.from_settings())


validate_upload = UploadValidator()
