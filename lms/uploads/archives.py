"""Office Open XML (docx, pptx, xlsx), OpenDocument (odt, odp, ods) and zip uploads,
checked as the zip archives they are.

The central directory is read first and judged on what it declares: how many parts,
their names, how much they unpack to in all and how tightly each is compressed. Only
then is each part read through, in small pieces and never past the declared size
(Python's zipfile stops there and checks the CRC), so a directory that lies about a
bomb fails its CRC instead of filling memory or disk.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import IO
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from ..conf import engage_settings

ARCHIVE_TYPES = frozenset({"docx", "pptx", "xlsx", "odt", "odp", "ods", "zip"})
# The content type of the main part of each OOXML type (ECMA-376 part 1). A
# macro-enabled file or a template renamed to .docx has another one.
_OFFICE = "application/vnd.openxmlformats-officedocument"
_OOXML_MAIN = {
    "docx": f"{_OFFICE}.wordprocessingml.document.main+xml",
    "pptx": f"{_OFFICE}.presentationml.presentation.main+xml",
    "xlsx": f"{_OFFICE}.spreadsheetml.sheet.main+xml",
}
# Where the main part usually is, to name it when there is none of the right type.
_OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "pptx": "ppt/presentation.xml",
    "xlsx": "xl/workbook.xml",
}
# The `mimetype` part of each OpenDocument type (OpenDocument 1.3 part 2, 3.3).
_ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# Parts the ratio is not judged on until they unpack to this much: a small XML part
# of repeated markup legitimately compresses far beyond 100:1 (Apache POI's
# ZipSecureFile uses the same grace before its 1% inflate ratio).
RATIO_GRACE_BYTES = 100 * 1024
_CHUNK = 64 * 1024
# What zipfile raises on a damaged archive: a bad CRC or header, a name in the
# directory but not in the file, data that does not inflate, a cut-off stream.
_ZIP_FAULTS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError,
               KeyError, NotImplementedError, RuntimeError, ValueError)  # fmt: skip
_EOCD = b"PK\x05\x06"
_EOCD_SEARCH = 22 + 65535  # the end record and the longest archive comment


@dataclass(frozen=True)
class ArchiveLimits:
    max_inflated_bytes: int
    max_compression_ratio: int
    max_members: int

    @classmethod
    def from_settings(cls) -> ArchiveLimits:
        return cls(
            max_inflated_bytes=engage_settings.upload_max_inflated_bytes,
            max_compression_ratio=engage_settings.upload_max_compression_ratio,
            max_members=engage_settings.upload_max_archive_members,
        )


def _refuse(message: str) -> ValidationError:
    return ValidationError(message, code="file_archive")


def _damaged(extension: str) -> ValidationError:
    return ValidationError(
        _("The file is not a valid %(ext)s file: it is damaged or incomplete.")
        % {"ext": extension},
        code="file_content",
    )


def declared_member_count(tail: bytes) -> int | None:
    """The number of parts the end-of-central-directory record in `tail` (the last
    bytes of the file) declares; None when there is no such record. A zip64 archive
    declares 0xFFFF here, more than any limit allows."""
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    (count,) = struct.unpack("<H", tail[at + 10 : at + 12])
    return int(count)


def unsafe_name(name: str) -> bool:
    """Whether a part's name could point outside the folder it is unpacked into."""
    path = name.replace("\\", "/")
    return (
        path.startswith("/")
        or (len(path) > 1 and path[1] == ":")  # a Windows drive, "C:..."
        or ".." in PurePosixPath(path).parts
        or "\x00" in path
    )


def check_directory(infos: list[zipfile.ZipInfo], limits: ArchiveLimits) -> None:
    """Refuse a central directory whose declarations alone are unsafe."""
    if len(infos) > limits.max_members:
        raise _too_many(limits)
    total = 0
    for info in infos:
        if unsafe_name(info.filename):
            raise _refuse(_("The file holds a part with an unsafe name."))
        if info.flag_bits & 0x1:
            raise _refuse(_("The file is encrypted, so it cannot be checked."))
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(_("The file uses a compression method that is not allowed."))
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > RATIO_GRACE_BYTES and ratio > limits.max_compression_ratio:
            raise _refuse(
                _("A part of the file is compressed more than %(ratio)s to 1.")
                % {"ratio": limits.max_compression_ratio}
            )
        total += info.file_size
    if total > limits.max_inflated_bytes:
        raise _inflated_too_much(total, limits)


def _too_many(limits: ArchiveLimits) -> ValidationError:
    return _refuse(
        _("The file holds more than %(max)s parts.") % {"max": limits.max_members}
    )


def _inflated_too_much(total: int, limits: ArchiveLimits) -> ValidationError:
    return _refuse(
        _("The file unpacks to %(size)s; the most allowed is %(max)s.")
        % {
            "size": filesizeformat(total),
            "max": filesizeformat(limits.max_inflated_bytes),
        }
    )


def _read(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    with archive.open(name) as part:
        return part.read(limit)


def _check_ooxml(archive: zipfile.ZipFile, names: set[str], extension: str) -> None:
    for required in ("[Content_Types].xml", "_rels/.rels"):
        if required not in names:
            raise _missing(extension, required)
    types = _read(archive, "[Content_Types].xml", 1024 * 1024)
    # No DTD: entity expansion is how an XML bomb works (as defusedxml refuses).
    if b"<!DOCTYPE" in types.upper() or b"<!ENTITY" in types.upper():
        raise _damaged(extension)
    try:
        root = ElementTree.fromstring(types)  # noqa: S314 (no DTD, checked above)
    except ElementTree.ParseError:
        raise _damaged(extension) from None
    main = [
        str(node.get("PartName", "")).lstrip("/")
        for node in root.iter(f"{_CONTENT_TYPES_NS}Override")
        if node.get("ContentType") == _OOXML_MAIN[extension]
    ]
    if len(main) != 1 or main[0] not in names:
        raise _missing(extension, main[0] if main else _OOXML_MAIN_PART[extension])


def _check_odf(archive: zipfile.ZipFile, names: set[str], extension: str) -> None:
    for required in ("mimetype", "META-INF/manifest.xml", "content.xml"):
        if required not in names:
            raise _missing(extension, required)
    if _read(archive, "mimetype", 100).strip() != _ODF_MIMETYPE[extension]:
        raise _damaged(extension)


def _missing(extension: str, part: str) -> ValidationError:
    return ValidationError(
        _("The file is not a valid %(ext)s file: it has no %(part)s.")
        % {"ext": extension, "part": part},
        code="file_content",
    )


def _read_through(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], limits: ArchiveLimits
) -> None:
    """Unpack every part in small pieces, counting; zipfile stops at each declared
    size and raises BadZipFile on a CRC that does not match."""
    total = 0
    for info in infos:
        with archive.open(info) as part:
            while chunk := part.read(_CHUNK):
                total += len(chunk)
                if total > limits.max_inflated_bytes:
                    raise _inflated_too_much(total, limits)


def check_archive(file: IO[bytes], extension: str, limits: ArchiveLimits) -> None:
    """Refuse an archive that is damaged, a bomb, unsafe to unpack, or not the
    Office/OpenDocument file its extension says."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - _EOCD_SEARCH))
    count = declared_member_count(file.read())
    if count is None:
        raise _damaged(extension)
    if count > limits.max_members:  # before zipfile builds an object per part
        raise _too_many(limits)
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            infos = archive.infolist()
            check_directory(infos, limits)
            names = {info.filename for info in infos}
            if extension in _OOXML_MAIN:
                _check_ooxml(archive, names, extension)
            elif extension in _ODF_MIMETYPE:
                _check_odf(archive, names, extension)
            _read_through(archive, infos, limits)
    except _ZIP_FAULTS as error:
        raise _damaged(extension) from error
