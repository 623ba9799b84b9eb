"""Rich text of learning content: Wagtail's editor on the way in, `clean_html` out.

The Wagtail editor (Draftail) keeps only the features a field allows when an
author saves. Text can also arrive through other doors (imports, the API, code),
so every rendering of course rich text goes through `lms.sanitizing.clean_html`
after Wagtail has expanded its internal links: what reaches a page is always the
suite's one allowlist.
"""

from __future__ import annotations

from django.utils.encoding import force_str
from django.utils.safestring import SafeString
from wagtail.rich_text import RichText, expand_db_html

from lms.sanitizing import clean_html

# What authors may use in lessons: headings below the page title, emphasis,
# lists and links (to pages, documents and the web). No images or embeds inside
# text: those are blocks of their own, with required alternatives.
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def render_rich_text(source: str | None) -> SafeString:
    """Stored rich text as safe HTML: links expanded by Wagtail, then cleaned."""
    if not source:
        return clean_html("")
    return clean_html(expand_db_html(force_str(source)))


class CleanRichText(RichText):
    """A RichText value that renders through `render_rich_text`."""

    def __html__(self) -> str:
        return render_rich_text(self.source)
