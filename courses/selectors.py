"""Reads of the courses app, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Page, PageQuerySet

from .data import CourseProgress, LessonProgress, LinkedContent
from .models import (
    CourseCompletion,
    CourseIndexPage,
    CoursePage,
    LessonCompletion,
    LessonPage,
)

# The main menu asks on every page: the answer is cached and dropped whenever a
# course listing is published, unpublished, moved or deleted (signal_handlers);
# the timeout bounds how stale a per-process cache can be.
INDEX_URL_CACHE_KEY = "engage-courses:index-url"
INDEX_URL_CACHE_SECONDS = 300


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def live_lessons(course: Page) -> PageQuerySet:
    """The course's published lessons in their order in the page tree."""
    return LessonPage.objects.child_of(course).live().order_by("path")


def course_of(lesson: Page) -> CoursePage | None:
    """The course a lesson belongs to (its parent page), or None."""
    if not lesson.pk:
        return None
    result: CoursePage | None = CoursePage.objects.parent_of(lesson).first()
    return result


def course_progress(*, user: Any, course: CoursePage) -> CourseProgress:
    """`user`'s progress through the course's live lessons, in three queries
    (one when nobody is signed in); draft lessons do not count."""
    lessons = list(live_lessons(course).defer_streamfields())
    done: set[int] = set()
    completed_at = None
    if _signed_in(user) and lessons:
        done = set(
            LessonCompletion.objects.filter(
                user=user, lesson_id__in=[lesson.pk for lesson in lessons]
            ).values_list("lesson_id", flat=True)
        )
    if _signed_in(user):
        completed_at = (
            CourseCompletion.objects.filter(user=user, course=course)
            .values_list("completed_at", flat=True)
            .first()
        )
    return CourseProgress(
        course_id=course.pk,
        lessons=tuple(
            LessonProgress(
                lesson_id=lesson.pk,
                number=number,
                title=lesson.title,
                summary=lesson.summary,
                url=lesson.url or "",
                done=lesson.pk in done,
            )
            for number, lesson in enumerate(lessons, start=1)
        ),
        completed_at=completed_at,
    )


@dataclass(frozen=True)
class CourseCard:
    """A course in a listing, with its number of live lessons and the person's."""

    course: CoursePage
    lessons: int
    done: int


def courses_of(*, user: Any, index: Page) -> list[CourseCard]:
    """The live courses below `index` with lesson counts, in three queries."""
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    if not courses:
        return []
    lessons = list(
        LessonPage.objects.descendant_of(index).live().values_list("pk", "path")
    )
    course_of_path = {course.path: course.pk for course in courses}
    steplen = Page.steplen
    course_by_lesson = {pk: course_of_path.get(path[:-steplen]) for pk, path in lessons}
    totals: dict[int, int] = {}
    for course_id in course_by_lesson.values():
        if course_id is not None:
            totals[course_id] = totals.get(course_id, 0) + 1
    done: dict[int, int] = {}
    if _signed_in(user) and course_by_lesson:
        for lesson_id in LessonCompletion.objects.filter(
            user=user, lesson_id__in=list(course_by_lesson)
        ).values_list("lesson_id", flat=True):
            course_id = course_by_lesson[lesson_id]
            if course_id is not None:
                done[course_id] = done.get(course_id, 0) + 1
    return [
        CourseCard(
            course=course,
            lessons=totals.get(course.pk, 0),
            done=done.get(course.pk, 0),
        )
        for course in courses
    ]


def linked_content(*, user: Any, page_ids: Iterable[int]) -> dict[int, LinkedContent]:
    """The live courses and lessons among `page_ids` (others are left out: drafts,
    lessons of an unpublished course, other page types), each with `user`'s done
    lessons; at most four queries, however many pages."""
    ids = set(page_ids)
    if not ids:
        return {}
    steplen = Page.steplen
    lessons = list(LessonPage.objects.filter(pk__in=ids).live().defer_streamfields())
    parent_paths = {lesson.path[:-steplen] for lesson in lessons}
    courses = list(
        CoursePage.objects.live()
        .filter(Q(pk__in=ids) | Q(path__in=parent_paths))
        .defer_streamfields()
    )
    live_course_paths = {course.path for course in courses}
    lessons = [x for x in lessons if x.path[:-steplen] in live_course_paths]
    linked_courses = [course for course in courses if course.pk in ids]
    course_lessons: dict[int, list[int]] = {course.pk: [] for course in linked_courses}
    if linked_courses:
        by_path = {course.path: course.pk for course in linked_courses}
        for pk, path in (
            LessonPage.objects.live()
            .filter(reduce(or_, (Q(path__startswith=p) for p in by_path)))
            .values_list("pk", "path")
        ):
            if path[:-steplen] in by_path:
                course_lessons[by_path[path[:-steplen]]].append(pk)
    wanted = {x.pk for x in lessons} | {
        pk for pks in course_lessons.values() for pk in pks
    }
    done: set[int] = set()
    if _signed_in(user) and wanted:
        done = set(
            LessonCompletion.objects.filter(
                user=user, lesson_id__in=list(wanted)
            ).values_list("lesson_id", flat=True)
        )
    found = {
        x.pk: LinkedContent(
            page_id=x.pk,
            kind="lesson",
            title=x.title,
            url=x.url or "",
            lessons_done=int(x.pk in done),
            lessons_total=1,
        )
        for x in lessons
    }
    for course in linked_courses:
        pks = course_lessons[course.pk]
        found[course.pk] = LinkedContent(
            page_id=course.pk,
            kind="course",
            title=course.title,
            url=course.url or "",
            lessons_done=sum(1 for pk in pks if pk in done),
            lessons_total=len(pks),
        )
    return found


def course_index_url() -> str | None:
    """The address of the first live course listing in the page tree, or None when
    there is none: from the cache, else one or two queries."""
    cached = cache.get(INDEX_URL_CACHE_KEY)
    if cached is None:
        index = CourseIndexPage.objects.live().order_by("path").first()
        cached = (index.url or "") if index is not None else ""
        cache.set(INDEX_URL_CACHE_KEY, cached, INDEX_URL_CACHE_SECONDS)
    return str(cached) or None
