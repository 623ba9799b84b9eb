"""What the first bytes of a file say it is: signatures, text, and markup in disguise.

Pure functions over the file's first bytes (`head`); they answer, the validator refuses.
"""

from __future__ import annotations

import re

# The first bytes a file of each type must start with. Types not listed (txt, csv)
# are checked for being text instead.
SIGNATURES: dict[str, tuple[bytes, ...]] = {
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
TEXT_TYPES = frozenset({"txt", "csv", "md", "vtt", "srt"})

# Types a browser runs script in. They are never accepted, whatever the settings
# allow: an uploaded SVG or HTML file served from the site's origin is stored XSS.
NEVER_ALLOWED = frozenset(
    {"svg", "svgz", "html", "htm", "xhtml", "xht", "xml", "xsl", "js", "mjs"}
)

# How much of a file is looked at for markup: browsers sniff the first 512 bytes
# (WHATWG MIME Sniffing); twice that leaves no room to hide a tag past the sample.
MARKUP_SAMPLE = 1024
_BOMS = (b"\xef\xbb\xbf", b"\xfe\xff", b"\xff\xfe")
_WHITESPACE = b" \t\n\r\x0c"
# What a browser takes for HTML when a file *starts* with it (WHATWG MIME Sniffing,
# "identifying a resource with an unknown MIME type"), each followed by a space or `>`.
_LEADING_TAGS = re.compile(
    rb"<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title"
    rb"|b|body|br|p|svg|object|embed)[\s/>]|<!--",
    re.IGNORECASE,
)
# Tags that make a file a web page or script wherever they appear in the sample:
# a polyglot that starts with "%PDF-" and then holds a page is refused too.
_ANYWHERE_TAGS = re.compile(
    rb"<(?:!doctype\s+html|html|script|svg|iframe|body|object|embed)[\s/>]"
    rb"|<\?xml-stylesheet",
    re.IGNORECASE,
)


def matches_signature(extension: str, head: bytes) -> bool:
    """Whether `head` starts as a file of `extension` must (True for types without
    a known signature)."""
    signatures = SIGNATURES.get(extension)
    if signatures is None:
        return True
    if not head.startswith(signatures):
        return False
    # RIFF is also WAV and AVI: a WebP says so at byte 8.
    return extension != "webp" or head[8:12] == b"WEBP"


def is_markup(head: bytes) -> bool:
    """Whether the file is (or holds, in its first KB) a web page, SVG or script a
    browser could run: after any byte-order mark and leading whitespace."""
    sample = head[:MARKUP_SAMPLE]
    for bom in _BOMS:
        if sample.startswith(bom):
            sample = sample[len(bom) :]
            break
    # UTF-16 text has a NUL beside every ASCII character; read it as ASCII too.
    if sample[:2].count(b"\x00") == 1:
        sample = sample.replace(b"\x00", b"")
    sample = sample.lstrip(_WHITESPACE)
    return bool(_LEADING_TAGS.match(sample) or _ANYWHERE_TAGS.search(sample))


def is_utf8_text(head: bytes) -> bool:
    """Whether the sample is UTF-8 text without NUL (a multi-byte character cut at
    the end of the sample is fine)."""
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            head[:-3].decode("utf-8")
        except UnicodeDecodeError:
            return False
    return True
