"""Writes of the courses app: marking lessons done and not done."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.xapi.services import record

from . import xapi as events
from .exceptions import LessonNotAvailable, NotAllowed
from .models import CourseCompletion, CoursePage, LessonCompletion, LessonPage
from .selectors import course_of, live_lessons
from .signals import course_completed


def _available_course(lesson: LessonPage) -> CoursePage:
    course = course_of(lesson) if lesson.live else None
    if course is None or not course.live:
        raise LessonNotAvailable(_("This lesson is not published."))
    return course


def mark_lesson_done(*, user: Any, lesson: LessonPage) -> LessonCompletion:
    """Record that `user` finished the live `lesson`; idempotent.

    The first time records a "completed" statement for the lesson; when it makes
    every live lesson of the course done, also completes the course (once: a
    statement and the `course_completed` signal).
    """
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Sign in to keep track of your lessons."))
    course = _available_course(lesson)
    with transaction.atomic():
        # One person's completions one at a time, so two lessons finished at
        # once cannot both miss that the course is now complete.
        get_user_model().objects.select_for_update().filter(pk=user.pk).first()
        completion, created = LessonCompletion.objects.get_or_create(
            user=user, lesson=lesson
        )
        if created:
            record(
                events.lesson_completed(
                    actor=profile_of(user).xapi_id,
                    lesson_id=lesson.pk,
                    lesson_title=lesson.title,
                    course_id=course.pk,
                    course_title=course.title,
                    language=course.language,
                    at=completion.completed_at,
                )
            )
        _complete_course_if_done(user=user, course=course)
    return completion


def mark_lesson_not_done(*, user: Any, lesson: LessonPage) -> None:
    """Forget that `user` finished `lesson`; idempotent.

    The statement recorded earlier stays (it is history), and a completed course
    stays completed.
    """
    if not getattr(user, "is_authenticated", False):
        raise NotAllowed(_("Sign in to keep track of your lessons."))
    LessonCompletion.objects.filter(user=user, lesson=lesson).delete()


def _complete_course_if_done(*, user: Any, course: CoursePage) -> None:
    lesson_ids = list(live_lessons(course).values_list("pk", flat=True))
    if not lesson_ids:
        return
    done = LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).count()
    if done < len(lesson_ids):
        return
    completion, created = CourseCompletion.objects.get_or_create(
        user=user, course=course
    )
    if not created:
        return
    record(
        events.course_completed(
            actor=profile_of(user).xapi_id,
            course_id=course.pk,
            course_title=course.title,
            language=course.language,
            at=completion.completed_at,
        )
    )
    course_completed.send(sender=CoursePage, user=user, course=course)
