"""Writes of the trajectories app: one function per use case."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lms.accounts.selectors import profile_of
from lms.notifications.services import notify
from lms.xapi.services import record

from .. import xapi as events
from ..data import AttendanceConflict, AttendanceSaved
from ..exceptions import (
    CheckInRefused,
    EnrolmentClosed,
    InvalidAttendance,
    NotYours,
)
from ..models import (
    Attendance,
    AttendanceStatus,
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
)
from ..permissions import COACH_COHORT, MANAGE_COHORTS
from ..rules.checkin import (
    CHECKIN_ALPHABET,
    CHECKIN_LENGTH,
    CHECKIN_MARGIN,
    normalised_code,
)
from ..signals import enrolment_changed
from .completion import complete_if_done

ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


def _enrolled_count(cohort: Cohort) -> int:
    return cohort.enrolments.filter(status__in=ACTIVE).count()


def enrol(*, user: Any, cohort: Cohort) -> Enrolment:
    """Enrol `user` in `cohort`, or put them on its waiting list when it is full.

    Applying again after withdrawing re-enrols (same registration, same record).
    """
    now = timezone.now()
    if not (cohort.enrolment_opens <= now <= cohort.enrolment_closes):
        raise EnrolmentClosed(_("Enrolment for this cohort is not open."))
    return _enrol(user=user, cohort=cohort)


def enrol_by_programme_team(*, actor: Any, user: Any, cohort: Cohort) -> Enrolment:
    """The programme team enrols `user` (e.g. from a list of participants): as
    `enrol`, with capacity and waiting list, but also outside the enrolment window."""
    if not actor.has_perm(MANAGE_COHORTS):
        raise NotYours(_("Only the programme team can enrol other people."))
    return _enrol(user=user, cohort=cohort)


def _enrol(*, user: Any, cohort: Cohort) -> Enrolment:
    now = timezone.now()
    with transaction.atomic():
        # Lock the cohort row so two people cannot take the last place at once.
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        enrolment = Enrolment.objects.filter(cohort=cohort, user=user).first()
        if enrolment is not None and enrolment.status in (
            *ACTIVE,
            EnrolmentStatus.WAITLISTED,
        ):
            return enrolment
        full = _enrolled_count(cohort) >= cohort.capacity
        status = EnrolmentStatus.WAITLISTED if full else EnrolmentStatus.ENROLLED
        if enrolment is None:
            enrolment = Enrolment.objects.create(
                cohort=cohort, user=user, status=status
            )
        else:
            enrolment.status = status
            enrolment.status_changed_at = now
            enrolment.save(update_fields=["status", "status_changed_at"])
        if status == EnrolmentStatus.ENROLLED:
            _record_enrolled(enrolment)
        enrolment_changed.send(sender=Enrolment, enrolment=enrolment)
    return enrolment


def _record_enrolled(enrolment: Enrolment) -> None:
    if enrolment.placed_at is None:
        enrolment.placed_at = timezone.now()
        enrolment.save(update_fields=["placed_at"])
    record(
        events.registered(
            actor=profile_of(enrolment.user).xapi_id,
            enrolment=enrolment,
            at=timezone.now(),
        )
    )


def withdraw(*, user: Any, enrolment: Enrolment) -> Enrolment:
    """The participant leaves; the first on the waiting list takes the place.

    Their journal, attendance and other records stay theirs.
    """
    if enrolment.user_id != user.pk:
        raise NotYours(_("Only the participant can withdraw."))
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=enrolment.cohort_id)
        enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        if enrolment.status == EnrolmentStatus.WITHDRAWN:
            return enrolment
        was_enrolled = enrolment.status == EnrolmentStatus.ENROLLED
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.status_changed_at = timezone.now()
        enrolment.save(update_fields=["status", "status_changed_at"])
        record(
            events.withdrew(
                actor=profile_of(user).xapi_id,
                enrolment=enrolment,
                at=enrolment.status_changed_at,
            )
        )
        enrolment_changed.send(sender=Enrolment, enrolment=enrolment)
        if was_enrolled:
            _promote_from_waiting_list(cohort)
    return enrolment


def _promote_from_waiting_list(cohort: Cohort) -> None:
    while _enrolled_count(cohort) < cohort.capacity:
        waiting = (
            cohort.enrolments.filter(status=EnrolmentStatus.WAITLISTED)
            .order_by("created_at", "pk")
            .first()
        )
        if waiting is None:
            return
        waiting.status = EnrolmentStatus.ENROLLED
        waiting.status_changed_at = timezone.now()
        waiting.save(update_fields=["status", "status_changed_at"])
        _record_enrolled(waiting)
        notify(
            recipient=waiting.user,
            kind="enrolment-promoted",
            title=format_lazy(
                gettext_lazy("A place came free: you are now enrolled in {cohort}"),
                cohort=str(cohort),
            ),
            url=reverse("engage_trajectories:mine"),
        )
        enrolment_changed.send(sender=Enrolment, enrolment=waiting)


# --- sessions and attendance ---------------------------------------------------------


def new_checkin_code(*, actor: Any, session: CohortSession) -> str:
    """A fresh code for the coach to show; the previous one stops working."""
    if not actor.has_perm(COACH_COHORT, session.cohort):
        raise NotYours(_("Only the cohort's coaches can show the check-in code."))
    code = "".join(secrets.choice(CHECKIN_ALPHABET) for _ in range(CHECKIN_LENGTH))
    session.checkin_code = code
    session.save(update_fields=["checkin_code"])
    return code


def check_in(*, user: Any, code: str) -> Attendance:
    """Mark the participant present with the code shown in the session."""
    code = normalised_code(code)
    now = timezone.now()
    if len(code) != CHECKIN_LENGTH:
        raise CheckInRefused(_("That is not a check-in code."))
    session = (
        CohortSession.objects.filter(
            checkin_code=code,
            starts_at__lte=now + CHECKIN_MARGIN,
            ends_at__gte=now - CHECKIN_MARGIN,
        )
        .select_related("cohort__programme")
        .first()
    )
    if session is None:
        raise CheckInRefused(
            _("This code is not valid now. Codes work only during the session.")
        )
    enrolment = Enrolment.objects.filter(
        cohort=session.cohort, user=user, status__in=ACTIVE
    ).first()
    if enrolment is None:
        raise CheckInRefused(_("You are not enrolled in this cohort."))
    with transaction.atomic():
        # As a coach's batch does: one writer of this participant's marks at a time.
        _lock_enrolments([enrolment.pk])
        return _set_attendance(
            session=session,
            enrolment=enrolment,
            status=AttendanceStatus.PRESENT,
            by=user,
            checked_in=True,
        )


def mark_attendance(
    *, actor: Any, session: CohortSession, enrolment: Enrolment, status: str
) -> Attendance:
    """The coach records present, excused or absent for one participant."""
    mark_attendance_batch(actor=actor, session=session, marks={enrolment.pk: status})
    return Attendance.objects.get(session=session, enrolment=enrolment)


def mark_attendance_batch(
    *,
    actor: Any,
    session: CohortSession,
    marks: Mapping[int, str],
    loaded: Mapping[int, str] | None = None,
) -> AttendanceSaved:
    """The coach records present, excused or absent for several participants of
    the session's cohort (enrolment id -> status), in one transaction.

    `loaded` is what each mark was when the coach's page was loaded (enrolment
    id -> status, "" for none). A mark this coach changed that someone else
    (another coach, or the participant checking in) changed meanwhile is not
    overwritten: it comes back in `conflicts`, with who set it and when, and the
    other marks are stored. A mark left as loaded, or already as wanted, is not
    written again, so who set it stays recorded. A mark without a loaded value
    (as `mark_attendance` sends) is stored as asked.

    An unknown status or someone outside the cohort refuses the whole batch.
    """
    if not actor.has_perm(COACH_COHORT, session.cohort):
        raise NotYours(_("Only the cohort's coaches can mark attendance."))
    loaded = loaded or {}
    if any(status not in AttendanceStatus.values for status in marks.values()) or any(
        status and status not in AttendanceStatus.values for status in loaded.values()
    ):
        raise InvalidAttendance(_("Unknown attendance status."), field="status")
    enrolments = Enrolment.objects.filter(
        cohort_id=session.cohort_id, pk__in=list(marks)
    ).select_related("user__engage_profile")
    if len(enrolments) != len(marks):
        raise InvalidAttendance(
            _("Mark attendance only for participants of this cohort."),
            field="enrolment",
        )
    saved = 0
    conflicts: list[AttendanceConflict] = []
    with transaction.atomic():
        # One writer of each participant's marks at a time: what is read next
        # is what the marks replace.
        _lock_enrolments(list(marks))
        current = {
            a.enrolment_id: a
            for a in Attendance.objects.filter(
                session=session, enrolment_id__in=list(marks)
            ).select_related("recorded_by__engage_profile")
        }
        for enrolment in enrolments:
            wanted, now = marks[enrolment.pk], current.get(enrolment.pk)
            status = now.status if now else ""
            if enrolment.pk in loaded:
                was = loaded[enrolment.pk]
                if wanted in (was, status):  # left as loaded, or agreed
                    continue
                if status != was:  # changed by someone else since the page loaded
                    conflicts.append(_conflict(enrolment, wanted, now))
                    continue
            _set_attendance(
                session=session,
                enrolment=enrolment,
                status=wanted,
                by=actor,
                checked_in=False,
            )
            saved += 1
    return AttendanceSaved(saved=saved, conflicts=tuple(conflicts))


def _conflict(
    enrolment: Enrolment, wanted: str, now: Attendance | None
) -> AttendanceConflict:
    by = now.recorded_by if now is not None else None
    return AttendanceConflict(
        enrolment_id=enrolment.pk,
        participant=profile_of(enrolment.user).display_name,
        wanted=wanted,
        status=now.status if now is not None else "",
        by=profile_of(by).display_name if by is not None else "",
        checked_in=bool(now and now.checked_in),
        at=now.recorded_at if now is not None else None,
    )


def _lock_enrolments(pks: list[int]) -> None:
    """Lock the participants' enrolments, lowest id first, before any mark.

    Every writer of a participant's attendance (a coach's batch, the
    participant's check-in) and `complete_if_done` hold this lock, so a mark read
    after it is the mark this transaction replaces. Taken per participant, not
    per session: check-ins of different people do not wait for each other
    (they queued behind whole batches for up to 20 s with 5 coaches and 20
    lecturers). Taken up front in one order: each mark inserts an attendance row
    (PostgreSQL then holds a key-share lock on the enrolment), and two batches
    taking the locks in their own order deadlocked. On SQLite every write
    transaction is IMMEDIATE, one at a time, and this read locks nothing.
    """
    list(
        Enrolment.objects.filter(pk__in=pks)
        .order_by("pk")
        .select_for_update(of=("self",))
        .values_list("pk", flat=True)
    )


def _set_attendance(
    *,
    session: CohortSession,
    enrolment: Enrolment,
    status: str,
    by: Any,
    checked_in: bool,
) -> Attendance:
    with transaction.atomic():
        attendance, _created = Attendance.objects.update_or_create(
            session=session,
            enrolment=enrolment,
            defaults={"status": status, "recorded_by": by, "checked_in": checked_in},
        )
        if status == AttendanceStatus.PRESENT:
            record(
                events.attended(
                    actor=profile_of(enrolment.user).xapi_id,
                    enrolment=enrolment,
                    session=session,
                    at=timezone.now(),
                )
            )
        complete_if_done(enrolment=enrolment)
    return attendance


def renew_calendar_token(*, user: Any, enrolment: Enrolment) -> str:
    from ..models.programmes import new_calendar_token

    if enrolment.user_id != user.pk:
        raise NotYours(_("Only the participant can renew their calendar link."))
    enrolment.calendar_token = new_calendar_token()
    enrolment.save(update_fields=["calendar_token"])
    return enrolment.calendar_token
