"""`{{ page.intro|course_rich_text }}`: course rich text, cleaned (see blocks.py)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from ..blocks import render_rich_text

register = template.Library()


@register.filter
def course_rich_text(source: object) -> SafeString:
    return render_rich_text(str(getattr(source, "source", source) or ""))


SAFE_SCHEMES = ("http://", "https://", "mailto:")


@register.filter
def course_link(url: object) -> str:
    """A link from a block, only when it is http(s) or mailto (never javascript:)."""
    text = str(url or "").strip()
    return text if text.lower().startswith(SAFE_SCHEMES) else ""
