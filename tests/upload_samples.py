"""Real files, genuine and hostile, for the upload checks (lms.uploads) and every
form and API that takes a file. Built here so no binary blob hides in the tests."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

from fpdf import FPDF

_CT = "application/vnd.openxmlformats-officedocument"
_MAIN = {
    "docx": ("word/document.xml", f"{_CT}.wordprocessingml.document.main+xml"),
    "pptx": ("ppt/presentation.xml", f"{_CT}.presentationml.presentation.main+xml"),
    "xlsx": ("xl/workbook.xml", f"{_CT}.spreadsheetml.sheet.main+xml"),
}
_ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


def pdf(text: str = "A reflection on feedback in large groups.") -> bytes:
    """A genuine one-page PDF, as fpdf2 writes it."""
    document = FPDF()
    document.add_page()
    document.set_font("helvetica", size=12)
    document.cell(text=text)
    return bytes(document.output())


def content_types(extension: str, main_type: str | None = None) -> str:
    part, content_type = _MAIN[extension]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" '
        'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/{part}" ContentType="{main_type or content_type}"/>'
        "</Types>"
    )


def ooxml(
    extension: str = "docx",
    *,
    skip: tuple[str, ...] = (),
    types: str | None = None,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A minimal valid Office Open XML file (docx, pptx or xlsx); `skip` leaves
    parts out, `types` replaces [Content_Types].xml, `extra` adds parts."""
    part, _type = _MAIN[extension]
    parts = {
        "[Content_Types].xml": (types or content_types(extension)).encode(),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
            'schemas.openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/officeDocument" Target="{part}"/></Relationships>'
        ).encode(),
        part: b'<?xml version="1.0"?><document><body>Hello</body></document>',
        **(extra or {}),
    }
    return _zip({name: data for name, data in parts.items() if name not in skip})


def odf(extension: str = "odt", *, mimetype: str | None = None) -> bytes:
    """A minimal valid OpenDocument file (odt, odp or ods)."""
    return _zip(
        {
            "mimetype": (mimetype or _ODF[extension]).encode(),
            "META-INF/manifest.xml": b'<?xml version="1.0"?><manifest:manifest/>',
            "content.xml": b'<?xml version="1.0"?><office:document-content/>',
        }
    )


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(inflated: int = 1024**3, *, name: str = "word/document.xml") -> bytes:
    """A docx whose main part unpacks to `inflated` zeros (1 GiB by default, about
    1 MB packed). One MiB of zeros is deflated once, ending in a full flush, and the
    piece repeated: fast, and the zeros are never in memory at once."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1024 * 1024)
    piece = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = inflated // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    stream = piece * count + compressor.flush()
    parts = [
        (part, zipfile.ZIP_STORED, zlib.crc32(data), data, len(data))
        for part, data in _parts(ooxml(skip=(name,)))
    ]
    parts.append((name, zipfile.ZIP_DEFLATED, crc, stream, count * len(block)))
    return _write_zip(parts)


def _parts(archive: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(archive)) as source:
        return [(part, source.read(part)) for part in source.namelist()]


def _write_zip(parts: list[tuple[str, int, int, bytes, int]]) -> bytes:
    """A zip archive written by hand: parts are (name, method, crc, packed data,
    unpacked size)."""
    out, directory = io.BytesIO(), io.BytesIO()
    for name, method, crc, data, size in parts:
        encoded, offset = name.encode(), out.tell()
        fields = (20, 0, method, 0, 0x21, crc, len(data), size, len(encoded))
        out.write(struct.pack("<4s5HIIIHH", b"PK\x03\x04", *fields, 0))
        out.write(encoded + data)
        directory.write(struct.pack("<4s6HIIIHHHHHII", b"PK\x01\x02", 20, *fields,
                                    0, 0, 0, 0, 0, offset))  # fmt: skip
        directory.write(encoded)
    start, table = out.tell(), directory.getvalue()
    out.write(table)
    out.write(struct.pack("<4s4HIIH", b"PK\x05\x06", 0, 0, len(parts), len(parts),
                          len(table), start, 0))  # fmt: skip
    return out.getvalue()


def lying_zip(declared: int = 1000, actual: int = 4 * 1024 * 1024) -> bytes:
    """A docx whose main part says it unpacks to `declared` bytes but holds
    `actual` zeros: its central directory (and local header) lie."""
    real = ooxml(extra={"word/media/blob.bin": bytes(actual)})
    archive = zipfile.ZipFile(io.BytesIO(real))
    info = archive.getinfo("word/media/blob.bin")
    data = bytearray(real)
    struct.pack_into("<I", data, info.header_offset + 22, declared)  # local header
    for at in _central_entries(data):
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + name_length] == b"word/media/blob.bin":
            struct.pack_into("<I", data, at + 24, declared)
    return bytes(data)


def _central_entries(data: bytearray) -> list[int]:
    entries, at = [], data.find(b"PK\x01\x02")
    while at >= 0:
        entries.append(at)
        at = data.find(b"PK\x01\x02", at + 4)
    return entries


def traversal_zip(name: str = "../../etc/cron.d/evil") -> bytes:
    """A valid docx with one more part whose name climbs out of the folder."""
    return ooxml(extra={name: b"* * * * * root sh -c 'id'\n"})


# Hostile uploads every upload form is tried with: (file name, content, words of
# the English refusal, words of the Dutch one). "bomb" and "big" stand for
# content the tests build once (a zip bomb, a file over the size limit).
HOSTILE = [
    ("bomb.docx", "bomb", "compressed more than 100 to 1", "meer dan 100 op 1"),
    ("no-types.docx", ooxml(skip=("[Content_Types].xml",)),
     "it has no [Content_Types].xml", "[Content_Types].xml ontbreekt"),
    ("climb.docx", traversal_zip(), "unsafe name", "onveilige naam"),
    ("invoice.pdf", b"%PDF-1.7\n" + HTML + b"\nstartxref\n0\n%%EOF\n",
     "web page or script", "webpagina of script"),
    ("cut.pdf", pdf()[:400], "not a readable PDF", "geen leesbare pdf"),
    ("big.pdf", "big", "the largest allowed is", "het maximum is"),
    ("empty.pdf", b"", "empty", "leeg"),
]  # fmt: skip
# The same, with the Dutch words only (forms tried in Dutch).
HOSTILE_NL = [(name, content, dutch) for name, content, _english, dutch in HOSTILE]
