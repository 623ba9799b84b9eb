"""The lecturer's own courses and the between-session assignments on them."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from lms.accounts.access import signed_in
from lms.forms import add_domain_error

from .. import selectors, services
from ..exceptions import TrajectoryError
from ..forms import AssignmentAttachmentForm, AssignmentForm, OwnCourseForm
from ..models import OwnCourse


def _return_to(request: HttpRequest) -> str:
    """Where the person came from (the assignment that asked for a course), when
    it is a page of this site; "" otherwise."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@signed_in
def courses(request: HttpRequest) -> HttpResponse:
    form = OwnCourseForm(request.POST or None)
    return_to = _return_to(request)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_course(owner=request.user, **form.cleaned_data)
            messages.success(request, _("Course registered."))
            return redirect(return_to or "engage_trajectories:courses")
        except TrajectoryError as error:
            add_domain_error(form, error)
    return render(
        request,
        "engage_trajectories/courses.html",
        {
            "courses": selectors.own_courses(request.user),
            "form": form,
            "return_to": return_to,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


@signed_in
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    course = get_object_or_404(OwnCourse, pk=pk, owner=request.user)
    initial = {
        "name": course.name,
        "code": course.code,
        "level": course.level,
        "students": course.students,
    }
    form = OwnCourseForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.register_course(
                owner=request.user, course=course, **form.cleaned_data
            )
            messages.success(request, _("Course saved."))
            return redirect("engage_trajectories:courses")
        except TrajectoryError as error:
            add_domain_error(form, error)
    return render(
        request,
        "engage_trajectories/course_form.html",
        {"form": form, "course": course},
        status=400 if form.is_bound and form.errors else 200,
    )


@signed_in
def assignment(request: HttpRequest, enrolment_id: int, key: str) -> HttpResponse:
    found = selectors.assignment_of(request.user, enrolment_id, key[:64])
    if found is None:
        raise Http404
    enrolment, item = found
    work = item.record
    courses = selectors.own_courses(request.user)
    initial = (
        {
            "course": work.course_id,
            "planned_change": work.planned_change,
            "actual_change": work.actual_change,
            "effect": work.effect,
        }
        if work
        else None
    )
    form = AssignmentForm(request.POST or None, initial=initial, courses=courses)
    # A locked assignment is refused by the service; the form shows why and keeps
    # what was typed.
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.save_assignment(
                user=request.user,
                enrolment=enrolment,
                key=item.key,
                course=data["course"],
                planned_change=data["planned_change"],
                actual_change=data["actual_change"],
                effect=data["effect"],
                submit="submit" in request.POST,
            )
            if "submit" in request.POST:
                messages.success(request, _("Assignment submitted."))
                return redirect("engage_trajectories:mine")
            # A draft stays on its page, where the files can now be attached.
            messages.success(request, _("Draft saved. You can attach files below."))
            return redirect(request.path)
        except TrajectoryError as error:
            add_domain_error(form, error)
    return render(
        request,
        "engage_trajectories/assignment.html",
        {
            "enrolment": enrolment,
            "item": item,
            "form": form,
            "has_courses": courses.exists(),
            "attachments": selectors.assignment_attachments_of(work),
            "attachment_form": AssignmentAttachmentForm(),
        },
        status=400 if form.is_bound and form.errors else 200,
    )
