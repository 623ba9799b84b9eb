"""The one place where user HTML is made safe (CONVENTIONS rule 7).

Sanitise on write with `clean_html`; mark safe only what came out of it.
"""

from __future__ import annotations

import html
import re
import threading

import bleach
from bleach.linkifier import LinkifyFilter
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4",
        "hr", "i", "li", "ol", "p", "pre", "s", "strong", "sub", "sup", "u", "ul",
        "table", "thead", "tbody", "tr", "th", "td", "caption",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES: dict[str, list[str]] = {
    "a": ["href", "title", "rel"],
    "abbr": ["title"],
    "th": ["scope", "colspan", "rowspan"],
    "td": ["colspan", "rowspan"],
}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

# Elements whose *content* is never text a person meant to show. Bleach would
# escape it safely anyway; removing it keeps "alert(1)" out of a reflection.
_DROP_WITH_CONTENT = re.compile(
    r"<(script|style|template|iframe|object|noscript|svg|math)\b.*?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)


def _set_link_rel(attrs: dict, new: bool = False) -> dict:
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    return attrs


def _new_cleaner() -> bleach.Cleaner:
    return bleach.Cleaner(
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        protocols=ALLOWED_PROTOCOLS,
        strip=True,
        strip_comments=True,
        filters=[
            lambda source: LinkifyFilter(
                source, callbacks=[_set_link_rel], skip_tags={"pre", "code"}
            )
        ],
    )


# "Cleaner instances are not thread-safe" (bleach's documentation): its parser
# keeps the document it is reading. One shared by runserver's or gunicorn's
# threads gave an IndexError 500 on a journal page under load; each thread gets
# its own.
_cleaners = threading.local()


def _cleaner() -> bleach.Cleaner:
    cleaner = getattr(_cleaners, "cleaner", None)
    if cleaner is None:
        cleaner = _cleaners.cleaner = _new_cleaner()
    return cleaner


_MAX_CLEAN_ROUNDS = 8


def clean_html(value: str | None) -> SafeString:
    """Return `value` reduced to the allowlisted HTML, safe to render as is."""
    if not value:
        return mark_safe("")  # noqa: S308 - empty string
    without_active_content = _DROP_WITH_CONTENT.sub("", str(value))
    return mark_safe(_cleaner().clean(without_active_content).strip())  # noqa: S308


def clean_text(value: str | None) -> str:
    """Return `value` with every tag removed: for fields that hold plain text."""
    if not value:
        return ""
    # Plain text is always auto-escaped when rendered, so store it unescaped. Entity-
    # encoded markup would turn into tags by unescaping, so clean until nothing
    # changes: cleaning the result again must give the same text (idempotent).
    text = str(value)
    for _round in range(_MAX_CLEAN_ROUNDS):
        without_active_content = _DROP_WITH_CONTENT.sub("", text)
        stripped = bleach.clean(without_active_content, tags=set(), strip=True)
        cleaned = html.unescape(stripped).strip()
        if cleaned == text:
            break
        text = cleaned
    return text


def clean_typed_html(value: str | None) -> SafeString:
    """`clean_html` for what a person typed in a text box: simple HTML is kept,
    plain text becomes paragraphs (blank lines) and line breaks."""
    text = (value or "").strip()
    if text and "<" not in text:
        text = linebreaks(text, autoescape=True)
    return clean_html(text)


# --- Rich text as plain text and back ---------------------------------------------
# A rich text box shows plain text when scripts are off: paragraphs separated by a
# blank line, list items as "- " (or "1. "), one line break as a line break. The two
# conversions below are each other's inverse for such text, so what a person typed
# is what they see when they edit again (runs of spaces become one space).

_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"^[-*•][ \t]+")
_NUMBER = re.compile(r"^\d{1,9}[.)][ \t]+")
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_LOOKS_LIKE_HTML = re.compile(
    r"^\s*<(?:p|ul|ol|h[1-6]|blockquote|pre|table|div|br|strong|em|b|i|a)[\s>/]",
    re.IGNORECASE,
)


def _plain_lines(value: str | None) -> str:
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL_CHARS.sub("", text).strip()


def text_to_html(value: str | None) -> str:
    """Typed plain text as HTML, every character escaped: blocks separated by a
    blank line become paragraphs; a block of "- " (or "1. ") lines becomes a list.
    Safe by construction (only <p>, <br>, <ul>, <ol>, <li> and escaped text)."""
    text = _plain_lines(value)
    if not text:
        return ""
    blocks = []
    for block in _BLANK_LINE.split(text):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_BULLET.match(line) for line in lines):
            items = "".join(
                f"<li>{html.escape(_BULLET.sub('', line))}</li>" for line in lines
            )
            blocks.append(f"<ul>{items}</ul>")
        elif all(_NUMBER.match(line) for line in lines):
            items = "".join(
                f"<li>{html.escape(_NUMBER.sub('', line))}</li>" for line in lines
            )
            blocks.append(f"<ol>{items}</ol>")
        else:
            blocks.append("<p>" + "<br>".join(html.escape(x) for x in lines) + "</p>")
    return "".join(blocks)


def html_to_text(value: str | None) -> str:
    """Stored HTML as the plain text a text box shows (see `text_to_html`)."""
    if not value:
        return ""
    writer = _PlainTextWriter()
    source = _without_comments(_CONTROL_CHARS.sub("", str(value)))
    position = 0
    for tag in _TAG.finditer(source):
        writer.handle_data(html.unescape(source[position : tag.start()]))
        position = tag.end()
        closing, name, attributes = tag.group(1), tag.group(2).lower(), tag.group(3)
        if closing:
            writer.handle_endtag(name)
        else:
            writer.handle_starttag(name, _attributes(attributes))
    writer.handle_data(html.unescape(source[position:]))
    return writer.text()


# A tag is "<", a name and (quoted) attributes up to ">": a failed match stops at
# the next "<", ">" or quote, so the scan stays about linear whatever the input
# (html.parser is quadratic on unclosed tags: seconds for a few kilobytes).
_TAG = re.compile(
    r"""<(/?)([a-zA-Z][a-zA-Z0-9]{0,15})((?:[\s/](?:"[^"]*"|'[^']*'|[^<>"'])*)?)>"""
)
_ATTRIBUTE = re.compile(r"""([^\s=/"'<>]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'<>]*))?""")


def _attributes(source: str) -> list[tuple[str, str | None]]:
    found = []
    for match in _ATTRIBUTE.finditer(source):
        raw = match.group(2)
        if raw is not None and raw[:1] in {'"', "'"}:
            raw = raw[1:-1]
        found.append(
            (match.group(1).lower(), html.unescape(raw) if raw is not None else None)
        )
    return found


def _without_comments(source: str) -> str:
    """`source` without <!-- comments --> (an unclosed one runs to the end)."""
    parts = []
    position = 0
    while (start := source.find("<!--", position)) >= 0:
        parts.append(source[position:start])
        end = source.find("-->", start + 4)
        if end < 0:
            return "".join(parts)
        position = end + 3
    parts.append(source[position:])
    return "".join(parts)


_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
     "tr", "caption", "hr", "section", "article", "header", "footer", "figure"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "math"})


class _PlainTextWriter:
    """Collects blocks (lists of lines) while reading HTML; see `html_to_text`."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.lists: list[tuple[str, list[int]]] = []  # (tag, [items]) per open list
        self.links: list[tuple[str, int]] = []
        self.skipping = 0

    def text(self) -> str:
        self.end_block()
        return "\n\n".join(self.blocks)

    def end_line(self) -> None:
        line = _SPACES.sub(" ", "".join(self.current)).strip()
        self.current = []
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""

    def end_block(self) -> None:
        self.end_line()
        if self.lines:
            self.blocks.append("\n".join(self.lines))
        self.lines = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in {"ul", "ol"}:
            self.end_line() if self.lists else self.end_block()
            self.lists.append((tag, [0]))
        elif tag == "li":
            self.end_line()
            kind, count = self.lists[-1] if self.lists else ("ul", [0])
            count[0] += 1
            indent = "  " * max(len(self.lists) - 1, 0)
            self.prefix = indent + ("- " if kind == "ul" else f"{count[0]}. ")
        elif tag == "br":
            self.end_line()
        elif tag in _BLOCK_TAGS:
            self.end_line() if self.lists else self.end_block()
        elif tag in {"td", "th"}:
            self.current.append(" ")
        elif tag == "a":
            self.links.append((dict(attrs).get("href") or "", len(self.current)))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in {"ul", "ol"}:
            if self.lists:
                self.lists.pop()
            self.end_line() if self.lists else self.end_block()
        elif tag == "li":
            self.end_line()
        elif tag in _BLOCK_TAGS:
            self.end_line() if self.lists else self.end_block()
        elif tag == "a" and self.links:
            href, start = self.links.pop()
            shown = "".join(self.current[start:]).strip()
            address = href.removeprefix("mailto:")
            safe = href.split(":", 1)[0].lower() in ALLOWED_PROTOCOLS
            if safe and ":" in href and address not in shown:
                self.current.append(f" ({href})")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)


def stored_html(value: str | None) -> SafeString:
    """HTML of a field that once held plain text and now holds HTML (feedback):
    old plain text becomes paragraphs, HTML is cleaned."""
    text = str(value or "")
    if _LOOKS_LIKE_HTML.match(text):
        return clean_html(text)
    return clean_html(text_to_html(text))
