"""Practice pages: the searchable index page and one page per practice."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from lms.sanitizing import clean_html, clean_text

from ..rules.licences import Licence
from .taxonomy import Term, Vocabulary

# Rules of permissions.py, asked by name (the models sit below permissions).
EXPORT = "engage_practices.export_practices"
CURATE = "engage_practices.curate_collections"
RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
# The Wagtail collection holding the images and documents of practices.
ATTACHMENTS_COLLECTION = "Inspiring practices"


class GroupSize(models.TextChoices):
    SMALL = "small", _("Up to 25 students")
    MEDIUM = "medium", _("25 to 75 students")
    LARGE = "large", _("75 to 200 students")
    VERY_LARGE = "very_large", _("More than 200 students")


class PracticeLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    DUTCH = "nl", _("Dutch")


class PracticeIndexPage(Page):
    """The practices database: full-text search with facets over its practices."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown above the search form (simple HTML)."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["engage_practices.PracticePage"]
    template = "engage_practices/practice_index_page.html"

    class Meta:
        verbose_name = _("practices database")

    def save(self, *args: Any, **kwargs: Any) -> Any:
        self.intro = str(clean_html(self.intro))
        return super().save(*args, **kwargs)

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        """The search page (the site's `/practices/` view logs the searches)."""
        from ..selectors.search import search_page

        context = super().get_context(request, *args, **kwargs)
        context.update(
            search_page(
                request.GET,
                correct=not request.GET.get("nocorrect"),
                may_export=request.user.has_perm(EXPORT),
            )
        )
        return context


def _terms(vocabulary: Vocabulary, name: Any, related_name: str) -> Any:
    return ParentalManyToManyField(
        Term,
        verbose_name=name,
        blank=True,
        related_name=related_name,
        limit_choices_to={"vocabulary": vocabulary},
    )


class PracticePage(Page):
    """One inspiring practice. Its owner is the lecturer who shared it."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Two or three sentences: what you did and why it works."),
    )
    body = RichTextField(
        _("what was done"),
        features=RICH_TEXT_FEATURES,
        help_text=_("Describe the practice so a colleague can try it."),
    )
    faculty = models.ForeignKey(
        "engage_accounts.Faculty",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("faculty"),
    )
    discipline = models.CharField(_("discipline"), max_length=200, blank=True)
    group_size = models.CharField(
        _("group size"), max_length=16, choices=GroupSize.choices, blank=True
    )
    course_levels = _terms(Vocabulary.LEVEL, _("course levels"), "level_practices")
    formats = _terms(Vocabulary.FORMAT, _("teaching formats"), "format_practices")
    dimensions = _terms(
        Vocabulary.DIMENSION, _("diversity dimensions"), "dimension_practices"
    )
    aspects = _terms(Vocabulary.ASPECT, _("teaching aspects"), "aspect_practices")
    sdgs = _terms(Vocabulary.SDG, _("Sustainable Development Goals"), "sdg_practices")
    evidence = RichTextField(
        _("evidence of effect"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What changed for students, and how do you know?"),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=PracticeLanguage.choices,
        default=PracticeLanguage.ENGLISH,
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY
    )
    # Set when a reviewer rejects the practice outright (not "request changes").
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Images and documents")),
        MultiFieldPanel(
            [
                FieldPanel("faculty"),
                FieldPanel("discipline"),
                FieldPanel("course_levels"),
                FieldPanel("group_size"),
                FieldPanel("formats"),
            ],
            heading=_("Context"),
        ),
        MultiFieldPanel(
            [FieldPanel("dimensions"), FieldPanel("aspects"), FieldPanel("sdgs")],
            heading=_("What it serves"),
        ),
        FieldPanel("evidence"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_email"),
                FieldPanel("language"),
                FieldPanel("licence"),
            ],
            heading=_("Contact and licence"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("discipline"),
        index.FilterField("faculty"),
        index.FilterField("language"),
    ]
    parent_page_types = ["engage_practices.PracticeIndexPage"]
    subpage_types: list[str] = []
    template = "engage_practices/practice_page.html"

    class Meta:
        verbose_name = _("inspiring practice")
        verbose_name_plural = _("inspiring practices")

    def save(self, *args: Any, **kwargs: Any) -> Any:
        self.clean_user_input()
        return super().save(*args, **kwargs)

    def clean_user_input(self) -> None:
        """Sanitise every text a person typed, whichever door it came through."""
        self.title = clean_text(str(self.title or ""))[:255]  # type: ignore[has-type]
        self.summary = clean_text(self.summary)
        self.body = str(clean_html(self.body))
        self.evidence = str(clean_html(self.evidence))
        self.discipline = clean_text(self.discipline)
        self.contact_name = clean_text(self.contact_name)

    def full_clean(self, *args: Any, **kwargs: Any) -> None:
        self.clean_user_input()
        super().full_clean(*args, **kwargs)

    @property
    def author(self) -> Any:
        return self.owner

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        """The practice, its licence, attachments, related practices and the
        person's bookmark and adoption (a view is recorded by a Wagtail hook)."""
        from ..selectors.practices import practice_page

        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False) or not self.live
        context.update(practice_page(self, request.user, preview=preview))
        context["may_curate"] = request.user.has_perm(CURATE)
        return context


class PracticeAttachment(Orderable):
    """An image (with alt text) or a document that belongs to a practice."""

    page = ParentalKey(
        PracticePage, on_delete=models.CASCADE, related_name="attachments"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("image"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("document"),
    )
    alt_text = models.CharField(
        _("text alternative"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldPanel("document"),
        FieldPanel("caption"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(image__isnull=False, document__isnull=True)
                    | models.Q(image__isnull=True, document__isnull=False)
                ),
                name="engage_practices_attachment_one_file",
            )
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.alt_text = clean_text(self.alt_text)
        self.caption = clean_text(self.caption)
        super().save(*args, **kwargs)


class Bookmark(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_bookmarks",
    )
    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="bookmarks"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bookmark")
        verbose_name_plural = _("bookmarks")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "practice"], name="engage_practices_bookmark_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} → {self.practice_id}"


class Adoption(models.Model):
    """A lecturer says they used a practice in their own teaching."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="practice_adoptions",
    )
    practice = models.ForeignKey(
        PracticePage, on_delete=models.CASCADE, related_name="adoptions"
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "practice"], name="engage_practices_adoption_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} used {self.practice_id}"
