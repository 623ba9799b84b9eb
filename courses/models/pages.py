"""The page types of the courses app: a course listing, a course, a lesson.

Wagtail serves them; each `get_context` asks the app's selectors for what the
page shows (a page model never imports a view)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import TEXT_FEATURES, LessonStreamBlock


def _is_preview(request: HttpRequest) -> bool:
    return bool(getattr(request, "is_preview", False))


class CourseLanguage(models.TextChoices):
    ENGLISH = "en", _("English")
    DUTCH = "nl", _("Dutch")


class CourseIndexPage(Page):
    """An optional listing of the courses below it."""

    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["engage_courses.CoursePage"]
    template = "engage_courses/course_index_page.html"

    class Meta:
        verbose_name = _("course listing")
        verbose_name_plural = _("course listings")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from ..selectors.progress import courses_of

        context = super().get_context(request, *args, **kwargs)
        courses = courses_of(user=request.user, index=self) if self.pk else []
        context.update(courses=courses, is_preview=_is_preview(request))
        return context


class CoursePage(Page):
    """A course: an introduction and its lessons (the child pages, in tree order)."""

    intro = RichTextField(
        _("introduction"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_(
            "What the course is about, for whom, and what you will be able to do "
            "afterwards."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=CourseLanguage.choices,
        default=CourseLanguage.ENGLISH,
        help_text=_("The language the course and its lessons are written in."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("language")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    subpage_types = ["engage_courses.LessonPage"]
    template = "engage_courses/course_page.html"

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from ..selectors.progress import course_progress

        context = super().get_context(request, *args, **kwargs)
        progress = course_progress(user=request.user, course=self) if self.pk else None
        context.update(progress=progress, is_preview=_is_preview(request))
        return context


class LessonPage(Page):
    """One lesson of a course, built from blocks."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences, shown in the course's list of lessons."),
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("lesson"))

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["engage_courses.CoursePage"]
    subpage_types: list[str] = []
    template = "engage_courses/lesson_page.html"

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(
        self, request: HttpRequest, *args: Any, **kwargs: Any
    ) -> dict[str, Any]:
        from ..selectors.progress import lesson_navigation

        context = super().get_context(request, *args, **kwargs)
        is_preview = _is_preview(request)
        navigation = lesson_navigation(user=request.user, lesson=self)
        course = navigation["course"]
        # Wagtail routes to a live lesson even below an unpublished course.
        if not is_preview and (course is None or not course.live):
            raise Http404
        context.update(navigation, is_preview=is_preview)
        return context
