"""Reads of the lecturer's own courses and their assignment work."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from ..models import AssignmentAttachment, AssignmentRecord, Enrolment, OwnCourse
from ..rules.assignments import Assignment, assignments_for
from .programmes import own_enrolment


def own_courses(user: Any) -> QuerySet[OwnCourse]:
    return OwnCourse.objects.filter(owner=user).order_by("name", "pk")


def assignment_of(
    user: Any, enrolment_id: int, key: str
) -> tuple[Enrolment, Assignment] | None:
    """One assignment of the person's enrolment, with its record (if any)."""
    enrolment = own_enrolment(user, enrolment_id)
    if enrolment is None:
        return None
    found = next(
        (
            a
            for a in assignments_for(
                enrolment,
                enrolment.cohort.sessions.all(),
                enrolment.assignment_records.select_related("course"),
            )
            if a.key == key
        ),
        None,
    )
    return (enrolment, found) if found else None


def assignment_attachments_of(
    record: AssignmentRecord | None,
) -> list[AssignmentAttachment]:
    """The files on an assignment record, oldest first (one query; none without a
    record)."""
    if record is None:
        return []
    return list(record.attachments.order_by("uploaded_at", "pk"))


def assignment_attachment_of_owner(
    user: Any, attachment_id: int
) -> AssignmentAttachment | None:
    """A file on one of the person's own assignment records — nobody else's, whatever
    their role — with its record and enrolment loaded."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        AssignmentAttachment.objects.filter(
            pk=attachment_id, record__enrolment__user=user
        )
        .select_related("record__enrolment")
        .first()
    )
