"""Checks for every file a person uploads: size, extension and actual content."""

from __future__ import annotations

from pathlib import PurePath
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from .conf import engage_settings

# The first bytes a file of each type must start with. Types not listed (txt, csv)
# are checked for being text instead.
_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
    # Office Open XML and OpenDocument files are zip archives.
    "docx": (b"PK\x03\x04",),
    "pptx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "odp": (b"PK\x03\x04",),
    "ods": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04",),
}
_TEXT_TYPES = frozenset({"txt", "csv", "md", "vtt", "srt"})


def _head(file: IO[bytes], size: int = 2048) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(size)
    file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


@deconstructible
class UploadValidator:
    """Refuse files too large, of a type not allowed, or not what they claim to be."""

    def __init__(
        self,
        extensions: tuple[str, ...] | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.extensions = extensions
        self.max_bytes = max_bytes

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.extensions == other.extensions
            and self.max_bytes == other.max_bytes
        )

    def __call__(self, file: Any) -> None:
        allowed = self.extensions or engage_settings.upload_extensions
        max_bytes = self.max_bytes or engage_settings.upload_max_bytes
        name = PurePath(getattr(file, "name", "") or "")
        extension = name.suffix.lower().lstrip(".")
        if extension not in allowed:
            raise ValidationError(
                _("Files of type “%(ext)s” cannot be uploaded. Allowed: %(allowed)s.")
                % {"ext": extension or "?", "allowed": ", ".join(allowed)},
                code="file_type",
            )
        if file.size > max_bytes:
            raise ValidationError(
                _("The file is %(size)s; the largest allowed is %(max)s.")
                % {"size": filesizeformat(file.size), "max": filesizeformat(max_bytes)},
                code="file_size",
            )
        head = _head(file)
        if extension in _SIGNATURES:
            if not head.startswith(_SIGNATURES[extension]) or (
                extension == "webp" and head[8:12] != b"WEBP"  # RIFF is also WAV/AVI
            ):
                raise ValidationError(
                    _("The file’s content is not a valid %(ext)s file.")
                    % {"ext": extension},
                    code="file_content",
                )
        elif extension in _TEXT_TYPES:
            try:
                head.decode("utf-8")
            except UnicodeDecodeError:
                # A multi-byte character cut at the edge of the sample is fine.
                try:
                    head[:-3].decode("utf-8")
                except UnicodeDecodeError:
                    raise ValidationError(
                        _("The file is not UTF-8 text."), code="file_content"
                    ) from None
            if b"\x00" in head:
                raise ValidationError(
                    _("The file is not UTF-8 text."), code="file_content"
                )


validate_upload = UploadValidator()
