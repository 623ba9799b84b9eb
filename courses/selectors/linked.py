"""Reads of courses and lessons that other apps' pages link to."""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Q
from wagtail.models import Page

from ..data import LinkedContent
from ..models import CoursePage, LessonCompletion, LessonPage
from .progress import signed_in


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
    if signed_in(user) and wanted:
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
