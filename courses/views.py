"""Site pages of the courses app: parse input, call one service or selector.

The course and lesson pages themselves are Wagtail pages (`models/pages.py`)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires_object

from . import selectors, services
from .data import PageVisit
from .models import LessonPage
from .permissions import VIEW_LESSON


@requires_object(VIEW_LESSON)
@require_POST
def lesson_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a lesson done (`done=1`) or not done (`done=0`), then go back to it."""
    lesson = selectors.available_lesson(pk)
    if lesson is None:
        raise Http404
    ensure(request.user, VIEW_LESSON, PageVisit(page=lesson, session=request.session))
    if request.POST.get("done") == "1":
        services.mark_lesson_done(user=request.user, lesson=lesson)
        _tell_progress(request, lesson)
    else:
        services.mark_lesson_not_done(user=request.user, lesson=lesson)
        messages.success(request, _("The lesson is marked as not done."))
    return redirect(lesson.get_url(request) or "/")


def _tell_progress(request: HttpRequest, lesson: LessonPage) -> None:
    course = selectors.course_of(lesson)
    if course is None:
        return
    progress = selectors.course_progress(user=request.user, course=course)
    if progress.all_done:
        messages.success(
            request,
            _("Well done: you have completed every lesson of “%(course)s”.")
            % {"course": course.title},
        )
    else:
        messages.success(
            request,
            _("The lesson is marked as done: %(done)d of %(total)d lessons done.")
            % {"done": progress.done, "total": progress.total},
        )
