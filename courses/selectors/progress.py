"""Reads of courses and lessons and a person's progress through them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wagtail.models import Page, PageQuerySet

from ..data import CourseProgress, LessonProgress
from ..models import CourseCompletion, CoursePage, LessonCompletion, LessonPage


def signed_in(user: Any) -> bool:
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
    if signed_in(user) and lessons:
        done = set(
            LessonCompletion.objects.filter(
                user=user, lesson_id__in=[lesson.pk for lesson in lessons]
            ).values_list("lesson_id", flat=True)
        )
    if signed_in(user):
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


def lesson_navigation(*, user: Any, lesson: LessonPage) -> dict[str, Any]:
    """What a lesson page shows around the lesson: its course (None when it has
    none), `user`'s progress, the current, previous and next lesson."""
    course = course_of(lesson)
    progress = course_progress(user=user, course=course) if course else None
    previous, following = progress.neighbours(lesson.pk) if progress else (None, None)
    return {
        "course": course,
        "progress": progress,
        "current": progress.lesson(lesson.pk) if progress else None,
        "previous": previous,
        "next": following,
    }


def available_lesson(pk: int) -> LessonPage | None:
    """The live lesson `pk` when its course is live too, else None."""
    lesson = LessonPage.objects.live().filter(pk=pk).first()
    course = course_of(lesson) if lesson is not None else None
    return lesson if course is not None and course.live else None


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
    if signed_in(user) and course_by_lesson:
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
