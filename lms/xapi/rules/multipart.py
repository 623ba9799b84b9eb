"""multipart/mixed bodies of the Statements resource (RFC 2046 section 5.1).

Statements with attachments travel as multipart/mixed (Communication 1.5.2): the
statements first, then one part of raw octets per attachment. `parse` splits a
request body into parts; `build` writes a response body.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.http import parse_header_parameters

# RFC 2046 5.1.1: 1 to 70 characters from bchars, not ending in a space.
_BOUNDARY_RE = re.compile(r"[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]")
_HEADER_NAME_RE = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
# Headers whose repetition would make a part ambiguous.
_SINGLE_HEADERS = frozenset(
    {
        "content-type",
        "content-transfer-encoding",
        "content-length",
        "x-experience-api-hash",
    }
)
MAX_PARTS = 1000


class MultipartError(ValueError):
    """The body is not a well-formed multipart/mixed document (400 Bad Request)."""


@dataclass(frozen=True)
class Part:
    """One body part: its headers (names in lower case) and its raw octets."""

    headers: Mapping[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    @property
    def media_type(self) -> str:
        """The part's media type without parameters; RFC 2046 defaults text/plain."""
        return media_type(self.header("content-type") or "text/plain")


def media_type(content_type: str) -> str:
    """`type/subtype` of a Content-Type value, lower case, parameters dropped."""
    return content_type.split(";", 1)[0].strip().lower()


def boundary_of(content_type: str) -> str:
    """The boundary parameter of a multipart Content-Type header."""
    _, params = parse_header_parameters(content_type)
    boundary = params.get("boundary", "")
    if not boundary:
        raise MultipartError(
            "A multipart/mixed request needs a boundary parameter in its "
            "Content-Type header."
        )
    if not _BOUNDARY_RE.fullmatch(boundary):
        raise MultipartError(
            "The multipart boundary must be 1 to 70 characters allowed by RFC 2046."
        )
    return boundary


def _delimiters(boundary: str) -> re.Pattern[bytes]:
    # A delimiter starts the body or follows a line break; "--" after it closes
    # the document. Bare LF line breaks are tolerated (Postel: senders vary).
    dash_boundary = re.escape(b"--" + boundary.encode("ascii"))
    return re.compile(rb"(?:\A|\r?\n)" + dash_boundary + rb"(--)?[ \t]*(?:\r?\n|\Z)")


def _headers(block: bytes, index: int) -> dict[str, str]:
    headers: dict[str, str] = {}
    name = ""
    for line in re.split(rb"\r?\n", block):
        text = line.decode("latin-1")
        if text[:1] in (" ", "\t") and name:  # folded continuation line
            headers[name] += " " + text.strip()
            continue
        raw_name, colon, value = text.partition(":")
        if not colon or not _HEADER_NAME_RE.fullmatch(raw_name.strip()):
            raise MultipartError(f"Part {index + 1} has a malformed header line.")
        name = raw_name.strip().lower()
        if name in headers and name in _SINGLE_HEADERS:
            raise MultipartError(f"Part {index + 1} repeats the {raw_name} header.")
        headers[name] = value.strip()
    return headers


def _part(content: bytes, index: int) -> Part:
    if content.startswith(b"\r\n"):
        return Part({}, content[2:])
    if content.startswith(b"\n"):
        return Part({}, content[1:])
    match = re.search(rb"\r?\n\r?\n", content)
    if match is None:
        raise MultipartError(
            f"Part {index + 1} has no blank line between its headers and its data."
        )
    return Part(_headers(content[: match.start()], index), content[match.end() :])


def parse(body: bytes, content_type: str) -> list[Part]:
    """The body parts of a multipart document, preamble and epilogue dropped."""
    boundary = boundary_of(content_type)
    matches = list(_delimiters(boundary).finditer(body))
    if not matches:
        raise MultipartError(
            "The body does not contain the boundary given in the Content-Type header."
        )
    parts: list[Part] = []
    for index, match in enumerate(matches):
        if match.group(1):  # close delimiter
            if not parts:
                raise MultipartError("The multipart body has no parts.")
            return parts
        if index + 1 == len(matches):
            break
        if len(parts) >= MAX_PARTS:
            raise MultipartError(f"A request may carry at most {MAX_PARTS} parts.")
        parts.append(_part(body[match.end() : matches[index + 1].start()], index))
    raise MultipartError(
        "The multipart body does not end with a closing boundary (--boundary--)."
    )


def attachment_part(
    content_type: str, sha2: str, data: bytes
) -> tuple[dict[str, str], bytes]:
    """The part carrying one attachment's data (Communication 1.5.2.s2.b2)."""
    # contentType came from a statement: keep it only if it is a safe header value.
    printable = content_type and all(" " <= char <= "~" for char in content_type)
    headers = {
        "Content-Type": content_type if printable else "application/octet-stream",
        "Content-Transfer-Encoding": "binary",
        "X-Experience-API-Hash": sha2,
    }
    return headers, data


def build(parts: Sequence[tuple[Mapping[str, str], bytes]]) -> tuple[bytes, str]:
    """A multipart/mixed body of `parts` (headers, octets) and its boundary."""
    while True:
        boundary = "xapi-" + secrets.token_hex(16)
        marker = boundary.encode("ascii")
        if not any(marker in body for _, body in parts):
            break
    chunks: list[bytes] = []
    for headers, body in parts:
        chunks.append(b"--" + marker + b"\r\n")
        for name, value in headers.items():
            chunks.append(f"{name}: {value}\r\n".encode("latin-1"))
        chunks += [b"\r\n", body, b"\r\n"]
    chunks.append(b"--" + marker + b"--\r\n")
    return b"".join(chunks), boundary
