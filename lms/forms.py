"""The one form helper for domain errors: a refusal shows on the field it names."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.validators import MaxLengthValidator, ProhibitNullCharactersValidator
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .exceptions import DomainError
from .sanitizing import clean_html, html_to_text, text_to_html

# Markup may make stored HTML this many times longer than its text.
MARKUP_ALLOWANCE = 4


def add_domain_error(form: forms.BaseForm, error: DomainError) -> None:
    """Show `error` on its field when the form has that field, else above the form."""
    field = error.field if error.field in form.fields else None
    form.add_error(field, str(error.message))


# --- Rich text ------------------------------------------------------------------------
# One text box for formatted text. With scripts, frontend's richtext.js turns the
# textarea into an editor: it reads the stored HTML from `data-rich-html`, keeps the
# textarea's value as HTML and sets the hidden `<name>__format` to "html". Without
# scripts the textarea shows (and takes) plain text. Either way the field's value
# is cleaned HTML.

RICH_FORMAT_SUFFIX = "__format"
RICH_HTML = "html"


class RichTextarea(forms.Textarea):
    """A textarea showing stored HTML as plain text, marked for the editor."""

    def __init__(self, attrs: dict[str, Any] | None = None, *, headings: bool = False):
        super().__init__({"rows": 6, **(attrs or {})})
        self.headings = headings

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        value = data.get(name)
        if value is None:
            return None
        if data.get(name + RICH_FORMAT_SUFFIX) == RICH_HTML:
            return str(value)
        if "\x00" in str(value):
            return str(value)  # for the field to refuse, not to convert away
        return text_to_html(str(value))

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return name not in data

    def format_value(self, value: Any) -> str | None:
        return html_to_text(str(value)) if value else None

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        attrs = {**self.attrs, **(attrs or {})}
        hint_id = f"{attrs['id']}_format" if attrs.get("id") else ""
        describedby = " ".join(filter(None, [attrs.get("aria-describedby"), hint_id]))
        if describedby:
            attrs["aria-describedby"] = describedby
        attrs.update(
            {
                "data-rich-text": "headings" if self.headings else "",
                # A plain str, so that the attribute is escaped like any other.
                "data-rich-html": "".join(clean_html(str(value or ""))),
                "data-rich-format": name + RICH_FORMAT_SUFFIX,
            }
        )
        return format_html(
            '{}<input type="hidden" name="{}" value="">{}'
            '<p class="field__hint rich-text-hint" id="{}" data-rich-hint>{}</p>',
            super().render(name, value, attrs, renderer),
            name + RICH_FORMAT_SUFFIX,
            _toolbar(headings=self.headings),
            hint_id,
            _(
                "Separate paragraphs with an empty line; start each list item "
                "with “- ”."
            ),
        )


def _toolbar(*, headings: bool) -> SafeString:
    """The editor's buttons, in a <template> that only the script uses."""
    buttons = [
        ("bold", _("Bold")),
        ("italic", _("Italic")),
        *([("heading", _("Heading"))] if headings else []),
        ("bulleted", _("Bulleted list")),
        ("numbered", _("Numbered list")),
        ("link", _("Link")),
    ]
    return format_html(
        '<template data-rich-toolbar data-label="{}">{}{}</template>',
        _("Text formatting"),
        format_html_join(
            "",
            '<button type="button" class="rich-text-editor__button '
            'rich-text-editor__button--{}" data-command="{}">{}</button>',
            ((command, command, label) for command, label in buttons),
        ),
        _link_panel(),
    )


def _link_panel() -> SafeString:
    """Where a link's address is typed: the script moves it below the toolbar
    and shows it for the Link button (a page's own form, not `prompt()`)."""
    return format_html(
        '<div class="rich-text-editor__link" data-link-panel hidden>'
        "<label data-link-label>{}</label> "
        '<input type="url" inputmode="url" autocomplete="url" data-link-input> '
        '<button type="button" class="rich-text-editor__button" '
        'data-link-action="apply">{}</button> '
        '<button type="button" class="rich-text-editor__button" '
        'data-link-action="remove">{}</button> '
        '<button type="button" class="rich-text-editor__button" '
        'data-link-action="cancel">{}</button></div>',
        _("Link address"),
        _("Apply link"),
        _("Remove link"),
        _("Cancel"),
    )


class RichTextField(forms.CharField):
    """Formatted text: the value is cleaned HTML (see `RichTextarea`). `max_length`
    counts the characters of the text, not of its markup."""

    widget = RichTextarea

    def __init__(self, *, max_length: int = 50_000, **kwargs: Any):
        self.max_text_length = max_length
        kwargs.setdefault("strip", False)
        super().__init__(**kwargs)

    def widget_attrs(self, widget: forms.Widget) -> dict[str, Any]:
        return {}

    def to_python(self, value: Any) -> str:
        source = str(value or "")
        # NUL is refused, as by every other text field (issue 23: never stored,
        # never silently dropped), with Django's own message.
        ProhibitNullCharactersValidator()(source)
        # Django's own check and message, on the text a person sees.
        MaxLengthValidator(self.max_text_length)(html_to_text(source))
        if len(source) > MARKUP_ALLOWANCE * self.max_text_length:
            raise forms.ValidationError(
                _("The text has too much formatting to store; remove some of it."),
                code="max_length",
            )
        html = str(clean_html(source))
        return html if html_to_text(html) else ""
