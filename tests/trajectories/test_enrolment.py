from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.accounts.roles import Role
from lms.xapi.models import Statement
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import CheckInRefused, EnrolmentClosed, NotAllowed
from trajectories.models import Attendance, EnrolmentStatus

pytestmark = pytest.mark.django_db


def test_enrol_until_full_then_waiting_list_and_promotion(lecturer: Any) -> None:
    cohort = make_cohort(capacity=1)
    other = person(Role.LECTURER, username="other")
    first = services.enrol(user=lecturer, cohort=cohort)
    second = services.enrol(user=other, cohort=cohort)
    assert (first.status, second.status) == ("enrolled", "waitlisted")
    assert services.enrol(user=other, cohort=cohort).pk == second.pk  # idempotent
    services.withdraw(user=lecturer, enrolment=first)
    second.refresh_from_db()
    assert second.status == EnrolmentStatus.ENROLLED
    # Registration stays the same for xAPI; statements carry it.
    registrations = {str(s.registration) for s in Statement.objects.all()}
    assert str(second.registration) in registrations


def test_enrolment_outside_the_window_is_refused(lecturer: Any) -> None:
    cohort = make_cohort()
    cohort.enrolment_closes = timezone.now() - timedelta(days=1)
    cohort.enrolment_opens = timezone.now() - timedelta(days=9)
    cohort.save()
    with pytest.raises(EnrolmentClosed):
        services.enrol(user=lecturer, cohort=cohort)


def test_only_the_participant_withdraws(lecturer: Any, coach: Any) -> None:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort())
    with pytest.raises(NotAllowed):
        services.withdraw(user=coach, enrolment=enrolment)


def test_check_in_works_only_during_the_session_with_the_current_code(
    lecturer: Any, coach: Any
) -> None:
    cohort = make_cohort(coaches=(coach,), first_session_in_days=0)
    session = cohort.sessions.get(number=1)
    session.starts_at = timezone.now() - timedelta(minutes=30)
    session.ends_at = timezone.now() + timedelta(hours=2)
    session.save()
    services.enrol(user=lecturer, cohort=cohort)
    code = services.new_checkin_code(actor=coach, session=session)
    with pytest.raises(CheckInRefused):
        services.check_in(user=lecturer, code="WRONG1")
    attendance = services.check_in(user=lecturer, code=code.lower())
    assert attendance.status == "present" and attendance.checked_in
    later = cohort.sessions.get(number=2)
    later_code = services.new_checkin_code(actor=coach, session=later)
    with pytest.raises(CheckInRefused):
        services.check_in(user=lecturer, code=later_code)  # not running now


def test_only_coaches_of_the_cohort_mark_attendance(lecturer: Any, coach: Any) -> None:
    cohort = make_cohort(coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    session = cohort.sessions.first()
    other_coach = person(Role.COACH, username="coach2")
    with pytest.raises(NotAllowed):
        services.mark_attendance(
            actor=other_coach, session=session, enrolment=enrolment, status="present"
        )
    services.mark_attendance(
        actor=coach, session=session, enrolment=enrolment, status="excused"
    )
    assert Attendance.objects.get().status == "excused"


@pytest.mark.parametrize(
    "bad",
    [
        {"status": "asleep"},  # an unknown status
        {"enrolment": "other cohort"},  # someone outside the session's cohort
    ],
    ids=["unknown status", "participant of another cohort"],
)
def test_a_batch_with_one_bad_mark_stores_nothing(
    lecturer: Any, coach: Any, client_for: Any, bad: dict[str, str]
) -> None:
    cohort = make_cohort(coaches=(coach,))
    first = services.enrol(user=lecturer, cohort=cohort)
    second = services.enrol(user=person(Role.LECTURER, username="l2"), cohort=cohort)
    outsider = services.enrol(
        user=person(Role.LECTURER, username="l3"), cohort=make_cohort()
    )
    session = cohort.sessions.first()
    marks = {first.pk: "present", second.pk: bad.get("status", "absent")}
    if "enrolment" in bad:
        marks[outsider.pk] = "present"
    with pytest.raises(NotAllowed):
        services.mark_attendance_batch(actor=coach, session=session, marks=marks)
    assert not Attendance.objects.exists()
    # The coach's page sends the same batch: nothing is saved, and it says so.
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    posted = {f"attendance-{pk}": status for pk, status in marks.items()}
    response = client_for(coach).post(
        url, {"session": session.pk, "action": "attendance", **posted}, follow=True
    )
    assert "Nothing was saved" in response.content.decode()
    assert not Attendance.objects.exists()
    # A good batch is stored whole, in one go.
    good = {first.pk: "present", second.pk: "excused"}
    saved = services.mark_attendance_batch(actor=coach, session=session, marks=good)
    assert saved.saved == 2 and not saved.conflicts
    assert dict(Attendance.objects.values_list("enrolment_id", "status")) == good
