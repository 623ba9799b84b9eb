"""Text of the PDFs fpdf2 writes, for assertions (no PDF library is installed).

fpdf2 embeds TrueType subsets as Type0 fonts: text is shown as two-byte glyph codes
(``(…) Tj``) that each font's ToUnicode CMap maps back to characters. This reads
exactly that: the page's font resources, each CMap's ``bfchar`` pairs, and the
``Tf``/``Tj`` operators of the (Flate-compressed) content streams.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(number): body for number, body in _OBJECT.findall(pdf)}


def _stream(body: bytes) -> bytes:
    found = _STREAM.search(body)
    if found is None:
        return b""
    data = found.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body else data


def _cmap(data: bytes) -> dict[int, str]:
    mapping = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
    return mapping


def _literal(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        char = raw[i : i + 1]
        if char != b"\\":
            out += char
            i += 1
            continue
        following = raw[i + 1 : i + 2]
        if following in _ESCAPES:
            out += _ESCAPES[following]
            i += 2
        elif following.isdigit():
            digits = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
            assert digits is not None
            out.append(int(digits.group(), 8))
            i += 1 + len(digits.group())
        else:
            out += following
            i += 2
    return bytes(out)


def pdf_text(pdf: bytes) -> str:
    """All text the PDF shows, one ``Tj`` a line."""
    objects = _objects(pdf)
    fonts: dict[bytes, dict[int, str]] = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font = objects.get(int(number), b"")
            unicode_ref = re.search(rb"/ToUnicode (\d+) 0 R", font)
            if unicode_ref:
                fonts[name] = _cmap(_stream(objects[int(unicode_ref.group(1))]))
    lines = []
    for body in objects.values():
        if b"stream" not in body or b"/Length" not in body:
            continue
        try:
            content = _stream(body)
        except zlib.error:
            continue
        current: dict[int, str] = {}
        for font, text in re.findall(
            rb"/(F\d+) [\d.]+ Tf|\(((?:\\.|[^\\)])*)\) Tj", content, re.S
        ):
            if font:
                current = fonts.get(font, {})
                continue
            data = _literal(text)
            lines.append(
                "".join(
                    current.get(int.from_bytes(data[i : i + 2], "big"), "?")
                    for i in range(0, len(data) - 1, 2)
                )
            )
    return "\n".join(lines)
