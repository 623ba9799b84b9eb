"""Courses and lessons (Wagtail pages) and who completed them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import LessonStreamBlock
from .rich_text import TEXT_FEATURES


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
        from .views import course_index_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_index_context(request, self))
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
        from .views import course_context

        context = super().get_context(request, *args, **kwargs)
        context.update(course_context(request, self))
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
        from .views import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context


class LessonCompletion(models.Model):
    """A person marked a lesson as done (at most once; "not done" deletes it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="lesson_completions",
        verbose_name=_("person"),
    )
    lesson = models.ForeignKey(
        LessonPage,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("lesson"),
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("lesson completion")
        verbose_name_plural = _("lesson completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson"], name="engage_courses_lesson_done_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} completed lesson {self.lesson_id}"


class CourseCompletion(models.Model):
    """The moment a person first had every lesson of a course done.

    Kept when a lesson is marked "not done" later or lessons are added: the course
    was completed then, and `course_completed` has been sent for it.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="course_completions",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        CoursePage,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("course"),
    )
    completed_at = models.DateTimeField(_("completed at"), default=timezone.now)

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"], name="engage_courses_course_done_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} completed course {self.course_id}"
