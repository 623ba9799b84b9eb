"""Who completed which lesson and course."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .pages import CoursePage, LessonPage


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
