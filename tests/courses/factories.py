"""Courses and lessons for tests (wagtail-factories), and completions via services."""

from __future__ import annotations

from typing import Any

import factory
import wagtail_factories
from wagtail.models import Collection, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage


def site_root() -> Page:
    """The default site's root page (Wagtail's migrations create it)."""
    return Page.get_first_root_node().get_children().first()


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    intro = "<p>Short courses.</p>"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Inclusive teaching {n}")
    intro = "<p>What the course is about.</p>"
    language = "en"

    class Meta:
        model = CoursePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What this lesson is about."
    body = factory.LazyFunction(lambda: [("text", "<p>Read this first.</p>")])

    class Meta:
        model = LessonPage


class DocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Handout {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class ImageFactory(wagtail_factories.ImageFactory):
    collection = factory.LazyFunction(Collection.get_first_root_node)


def make_course(
    lessons: int = 3, *, parent: Page | None = None, **kwargs: Any
) -> tuple[CoursePage, list[LessonPage]]:
    """A live course with `lessons` live lessons, below the site root by default."""
    course = CoursePageFactory(parent=parent or site_root(), **kwargs)
    pages = [LessonPageFactory(parent=course) for _ in range(lessons)]
    return course, pages
