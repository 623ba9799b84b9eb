"""The one place where user HTML is made safe (CONVENTIONS rule 7).

Sanitise on write with `clean_html`; mark safe only what came out of it.
"""

from __future__ import annotations

import html
import re

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


_cleaner = bleach.Cleaner(
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


_MAX_CLEAN_ROUNDS = 8


def clean_html(value: str | None) -> SafeString:
    """Return `value` reduced to the allowlisted HTML, safe to render as is."""
    if not value:
        return mark_safe("")  # noqa: S308 - empty string
    without_active_content = _DROP_WITH_CONTENT.sub("", str(value))
    return mark_safe(_cleaner.clean(without_active_content).strip())  # noqa: S308


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
