"""StreamField blocks of a lesson.

Every block that shows something to look at or listen to has a required
alternative: images need alt text (or an explicit "decorative"), videos a
transcript or a captions file. Like Wagtail's own ImageBlock, these checks are
deferred while an author saves a draft and enforced when the lesson is published.

Rich text of learning content: Wagtail's editor on the way in, `clean_html` out.
The Wagtail editor (Draftail) keeps only the features a field allows when an
author saves. Text can also arrive through other doors (imports, the API, code),
so every rendering of course rich text goes through `lms.sanitizing.clean_html`
after Wagtail has expanded its internal links: what reaches a page is always the
suite's one allowlist.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.encoding import force_str
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import RichText, expand_db_html

from lms.sanitizing import clean_html

# What authors may use in lessons: headings below the page title, emphasis,
# lists and links (to pages, documents and the web). No images or embeds inside
# text: those are blocks of their own, with required alternatives.
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def render_rich_text(source: str | None) -> SafeString:
    """Stored rich text as safe HTML: links expanded by Wagtail, then cleaned."""
    if not source:
        return clean_html("")
    return clean_html(expand_db_html(force_str(source)))


class CleanRichText(RichText):
    """A RichText value that renders through `render_rich_text`."""

    def __html__(self) -> str:
        return render_rich_text(self.source)


class LessonRichTextBlock(blocks.RichTextBlock):
    """Rich text limited to TEXT_FEATURES; renders cleaned (`render_rich_text`)."""

    def __init__(self, features: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(features=features or TEXT_FEATURES, **kwargs)

    def to_python(self, value: Any) -> CleanRichText:
        return CleanRichText(value)

    def normalize(self, value: Any) -> CleanRichText:
        if isinstance(value, CleanRichText):
            return value
        if isinstance(value, RichText):
            return CleanRichText(value.source)
        return CleanRichText(value and force_str(value))

    def value_from_form(self, value: Any) -> CleanRichText:
        return CleanRichText(value)

    class Meta:
        icon = "pilcrow"


def has_text(value: Any) -> bool:
    """Whether a rich text value holds any words (an empty editor leaves markup)."""
    source = getattr(value, "source", value) or ""
    return bool(strip_tags(force_str(source)).strip())


def _extension(document: Any) -> str:
    return str(getattr(document, "file_extension", "") or "").lower()


class FigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), max_length=300, required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "engage_courses/blocks/figure.html"


class VideoBlock(blocks.StructBlock):
    """A video with a transcript or captions; linked from a video service or played
    from a file in the documents library (the site never frames other sites)."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(
        label=_("video address"),
        required=False,
        help_text=_("The video's page on a video service; it opens there."),
    )
    file = DocumentChooserBlock(
        label=_("video file"),
        required=False,
        help_text=_("Or an MP4 or WebM file from the documents, played on the page."),
    )
    captions = DocumentChooserBlock(
        label=_("captions file (WebVTT)"),
        required=False,
        help_text=_("A .vtt file with the captions of the video file."),
    )
    transcript = LessonRichTextBlock(
        label=_("transcript"),
        required=False,
        help_text=_(
            "Everything that is said and shown, for people who cannot hear or see "
            "the video. Required unless you add a captions file."
        ),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "engage_courses/blocks/video.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if self.is_deferred_validation:
            return value
        errors: dict[str, ValidationError] = {}
        url, file, captions = value.get("url"), value.get("file"), value.get("captions")
        if not url and not file:
            errors["url"] = ValidationError(
                _("Give the video's address or choose a video file.")
            )
        elif url and file:
            errors["file"] = ValidationError(
                _("Give the video's address or a video file, not both.")
            )
        elif file and _extension(file) not in VIDEO_EXTENSIONS:
            errors["file"] = ValidationError(
                _("The video file must be an MP4 or WebM file.")
            )
        if captions and _extension(captions) not in CAPTION_EXTENSIONS:
            errors["captions"] = ValidationError(
                _("The captions file must be a WebVTT (.vtt) file.")
            )
        if not has_text(value.get("transcript")) and not captions:
            errors["transcript"] = ValidationError(
                _(
                    "Add a transcript or a captions file: people who cannot hear "
                    "the video need one."
                )
            )
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class ResourceBlock(blocks.StructBlock):
    """A document to download, with what it is for."""

    document = DocumentChooserBlock(label=_("document"))
    description = blocks.TextBlock(
        label=_("description"),
        max_length=600,
        required=False,
        help_text=_("What the document is and how to use it."),
    )

    class Meta:
        icon = "download"
        label = _("Downloadable resource")
        template = "engage_courses/blocks/resource.html"


class ReflectionPromptBlock(blocks.StructBlock):
    """A question the lecturer answers in their reflective journal."""

    question = blocks.CharBlock(label=_("question"), max_length=300)
    guidance = blocks.TextBlock(
        label=_("guidance"),
        max_length=600,
        required=False,
        help_text=_("Optional hints: what to think about, which example to use."),
    )

    class Meta:
        icon = "help"
        label = _("Reflection prompt")
        template = "engage_courses/blocks/reflection_prompt.html"


class LinkedPracticeBlock(blocks.StructBlock):
    """An inspiring practice from the practices database; shown only while live."""

    practice = blocks.PageChooserBlock(
        label=_("practice"), page_type="engage_practices.PracticePage"
    )
    note = blocks.TextBlock(
        label=_("why this practice"),
        max_length=400,
        required=False,
        help_text=_("How the practice relates to this lesson."),
    )

    class Meta:
        icon = "link"
        label = _("Inspiring practice")
        template = "engage_courses/blocks/linked_practice.html"


class SessionMaterialBlock(blocks.StructBlock):
    """Material for a session: a document or a link, with a title."""

    title = blocks.CharBlock(label=_("title"), max_length=200)
    document = DocumentChooserBlock(label=_("document"), required=False)
    url = blocks.URLBlock(label=_("link"), required=False)
    description = blocks.TextBlock(
        label=_("description"), max_length=600, required=False
    )

    class Meta:
        icon = "folder-open-inverse"
        label = _("Session material")
        template = "engage_courses/blocks/session_material.html"

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if self.is_deferred_validation:
            return value
        if not value.get("document") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={
                    "document": ValidationError(_("Choose a document or give a link."))
                }
            )
        return value


class LessonStreamBlock(blocks.StreamBlock):
    text = LessonRichTextBlock(label=_("Text"))
    image = FigureBlock()
    video = VideoBlock()
    resource = ResourceBlock()
    reflection_prompt = ReflectionPromptBlock()
    practice = LinkedPracticeBlock()
    session_material = SessionMaterialBlock()
