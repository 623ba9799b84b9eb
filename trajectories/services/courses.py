"""Writes about the lecturer's own courses and their assignment work."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.sanitizing import clean_html, clean_text
from lms.xapi.services import record

from .. import xapi as events
from ..exceptions import AssignmentLocked, NotAllowed, NotYours
from ..models import (
    AssignmentRecord,
    AssignmentStatus,
    Enrolment,
    EnrolmentStatus,
    OwnCourse,
)
from ..rules.assignments import assignments_for
from .completion import complete_if_done

MAX_TEXT = 50_000


def register_course(
    *,
    owner: Any,
    name: str,
    code: str = "",
    level: str = "",
    students: int | None = None,
    course: OwnCourse | None = None,
) -> OwnCourse:
    """Register (or update) one of the lecturer's own courses."""
    if course is not None and course.owner_id != owner.pk:
        raise NotYours(_("This is not your course."))
    course = course or OwnCourse(owner=owner)
    course.name = clean_text(name)[:200]
    course.code = clean_text(code)[:40]
    course.level = clean_text(level)[:120]
    course.students = students
    if not course.name:
        raise NotAllowed(_("Give the course a name."), field="name")
    course.save()
    return course


def save_assignment(
    *,
    user: Any,
    enrolment: Enrolment,
    key: str,
    course: OwnCourse | None,
    planned_change: str,
    actual_change: str,
    effect: str,
    submit: bool,
) -> AssignmentRecord:
    """Save the lecturer's work on an open assignment; submitting is recorded."""
    if enrolment.user_id != user.pk or enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise NotYours(_("This is not your trajectory."))
    if course is not None and course.owner_id != user.pk:
        raise NotAllowed(_("Choose one of your own courses."), field="course")
    with transaction.atomic():
        assignment = next(
            (
                a
                for a in assignments_for(
                    enrolment,
                    enrolment.cohort.sessions.all(),
                    enrolment.assignment_records.all(),
                )
                if a.key == key
            ),
            None,
        )
        if assignment is None:
            raise NotAllowed(_("This assignment does not exist."))
        if not assignment.is_open:
            raise AssignmentLocked(assignment.locked_reason)
        work, _created = AssignmentRecord.objects.get_or_create(
            enrolment=enrolment, assignment_key=key
        )
        if work.status == AssignmentStatus.SUBMITTED:
            raise NotAllowed(_("You already submitted this assignment."))
        work.course = course
        work.planned_change = str(clean_html(planned_change[:MAX_TEXT]))
        work.actual_change = str(clean_html(actual_change[:MAX_TEXT]))
        work.effect = str(clean_html(effect[:MAX_TEXT]))
        if submit:
            if course is None or not clean_text(work.actual_change):
                raise NotAllowed(
                    _(
                        "Choose the course and describe what you changed "
                        "before submitting."
                    )
                )
            work.status = AssignmentStatus.SUBMITTED
            work.submitted_at = timezone.now()
        work.save()
        if submit and course is not None:
            actor = profile_of(user).xapi_id
            record(
                events.assignment_completed(
                    actor=actor, work=work, title=assignment.title
                )
            )
            record(events.course_revised(actor=actor, work=work, course=course))
            complete_if_done(enrolment=enrolment)
    return work
