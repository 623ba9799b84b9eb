"""Site pages of the courses app: parse input, call one service or selector."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import selectors, services
from .exceptions import CoursesError
from .models import CourseIndexPage, CoursePage, LessonPage


def _is_preview(request: HttpRequest) -> bool:
    return bool(getattr(request, "is_preview", False))


# Wagtail renders the pages (and their previews) with the page's get_context,
# which calls one of these.


def course_index_context(request: HttpRequest, page: CourseIndexPage) -> dict[str, Any]:
    courses = selectors.courses_of(user=request.user, index=page) if page.pk else []
    return {"courses": courses, "is_preview": _is_preview(request)}


def course_context(request: HttpRequest, page: CoursePage) -> dict[str, Any]:
    progress = (
        selectors.course_progress(user=request.user, course=page) if page.pk else None
    )
    return {"progress": progress, "is_preview": _is_preview(request)}


def lesson_context(request: HttpRequest, page: LessonPage) -> dict[str, Any]:
    is_preview = _is_preview(request)
    course = selectors.course_of(page)
    # Wagtail routes to a live lesson even below an unpublished course.
    if not is_preview and (course is None or not course.live):
        raise Http404
    progress = (
        selectors.course_progress(user=request.user, course=course)
        if course is not None
        else None
    )
    previous, following = progress.neighbours(page.pk) if progress else (None, None)
    return {
        "course": course,
        "progress": progress,
        "current": progress.lesson(page.pk) if progress else None,
        "previous": previous,
        "next": following,
        "is_preview": is_preview,
    }


def _may_view(request: HttpRequest, page: Page) -> bool:
    """Wagtail's privacy settings (password, groups) of the page and its parents."""
    return all(
        restriction.accept_request(request)
        for restriction in page.get_view_restrictions()
    )


@login_required
@require_POST
def lesson_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark a lesson done (`done=1`) or not done (`done=0`), then go back to it."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    if not _may_view(request, lesson):
        raise Http404
    try:
        if request.POST.get("done") == "1":
            services.mark_lesson_done(user=request.user, lesson=lesson)
            _tell_progress(request, lesson)
        else:
            services.mark_lesson_not_done(user=request.user, lesson=lesson)
            messages.success(request, _("The lesson is marked as not done."))
    except CoursesError as error:
        raise Http404 from error
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
