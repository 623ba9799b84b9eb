"""Wagtail admin additions of the frontend: accessible names for rich-text editors."""

from __future__ import annotations

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def rich_text_editor_names() -> SafeString:
    """Names every Draftail textbox by its field's label (see the script)."""
    return format_html(
        '<script src="{}" defer></script>',
        static("engage_frontend/js/admin-richtext-names.js"),
    )
