"""Progress of an enrolment and of a cohort (selectors), and who has gone quiet."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from django.utils import timezone

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from tests.trajectories.progress_world import (
    make_rules_programme,
    make_trajectory,
)
from trajectories import services
from trajectories.models import (
    AssignmentRecord,
    Attendance,
    Cohort,
    Enrolment,
    JournalEntry,
)
from trajectories.rules.assignments import day_label
from trajectories.selectors import (
    gone_quiet,
    my_trajectories,
    progress_of,
    progress_of_cohort,
)

pytestmark = pytest.mark.django_db


def test_a_new_enrolment_has_everything_still_to_do() -> None:
    t = make_trajectory()
    progress = progress_of(t.enrolment)
    assert progress.percent == 0 and not progress.rules_met
    assert (progress.sessions_total, progress.sessions_held) == (5, 5)
    assert (progress.sessions_attended, progress.sessions_required) == (0, 4)
    assert (progress.mandatory_total, progress.mandatory_attended) == (1, 0)
    assert (progress.assignments_total, progress.assignments_submitted) == (2, 0)
    assert progress.reflections_by_session == tuple((n, 0) for n in range(1, 6))
    texts = [item.text for item in progress.remaining]
    assert texts[0] == (
        "You missed mandatory session 2, Session 2. "
        "Ask your coach how to make up for it."
    )
    assert (
        "Too few sessions are left to attend as many as the programme asks."
        in (texts[1])
    )
    assert texts[2].startswith("Submit the assignment “Plain-language assignment")
    assert "it was due" in texts[2]
    assert texts[-1] == (
        "Share a reflection on session 5, Session 5, with your coach or peer group."
    )
    assert [item.kind for item in progress.remaining].count("reflection") == 5


def test_counts_and_percent_follow_what_the_rules_ask() -> None:
    t = make_trajectory()
    t.attend(1)  # 1 of the 11 units: 4 sessions, 2 assignments, 5 reflections
    assert progress_of(t.enrolment).percent == 9
    t.attend(3, status="excused")  # excused does not count as attended
    t.attend(4, status="absent")
    assert progress_of(t.enrolment).sessions_attended == 1
    t.attend(3, 4, 5)  # 4 attended, but only 3 of the non-mandatory ones count
    progress = progress_of(t.enrolment)
    assert (progress.sessions_attended, progress.percent) == (4, 27)
    assert [i.kind for i in progress.remaining][:1] == ["mandatory_session"]
    t.submit(t.assignment_keys()[0])
    t.reflect(1, 2)
    t.reflect(3, visibility="private")  # private is not a reflection yet
    progress = progress_of(t.enrolment)
    assert progress.assignments_submitted == 1
    assert progress.reflections_by_session == ((1, 1), (2, 1), (3, 0), (4, 0), (5, 0))
    assert (progress.sessions_reflected, progress.percent) == (2, 54)


def test_reflections_per_assignment_are_counted() -> None:
    t = make_trajectory()
    first, second = t.assignment_keys()
    for visibility in ("coach", "peers", "private"):
        entry = services.save_entry(
            author=t.lecturer, enrolment=t.enrolment, title="On the texts",
            sections={"what": "<p>x</p>"}, assignment_key=first,
        )  # fmt: skip
        services.share_entry(author=t.lecturer, entry=entry, visibility=visibility)
    progress = progress_of(t.enrolment)
    assert progress.reflections_by_assignment == ((first, 2), (second, 0))
    assert progress.reflections_on_assignment(first) == 2


def test_future_sessions_and_locked_assignments_say_when() -> None:
    t = make_trajectory(
        cohort=make_cohort(make_rules_programme(), sessions=5, first_session_in_days=-7)
    )
    progress = progress_of(t.enrolment)
    assert progress.sessions_held == 1
    items = {(item.kind, item.key): item for item in progress.remaining}
    session_2 = t.cohort.sessions.get(number=2)
    mandatory = items[("mandatory_session", "2")]
    assert mandatory.locked and not mandatory.missed
    assert mandatory.text == (
        f"Attend mandatory session 2, Session 2, on {day_label(session_2.starts_at)}."
    )
    attendance = items[("attendance", "")]
    assert attendance.text == "Attend 3 more sessions besides the mandatory ones."
    locked = [i for i in progress.remaining if i.kind == "assignment" and i.locked]
    session_3 = t.cohort.sessions.get(number=3)
    assert [i.text for i in locked] == [
        "Submit the assignment “A fairer assessment”. Opens after session 3 on "
        f"{day_label(session_3.ends_at)}."
    ]
    later = items[("reflection", "")]
    assert later.locked
    assert later.text == (
        "After each of the 4 sessions still to come, share a reflection on it."
    )


def test_without_mandatory_rule_and_with_a_lower_share() -> None:
    t = make_trajectory(
        make_rules_programme(
            min_attendance=40, mandatory_sessions=False, reflection_per_session=False
        )
    )
    progress = progress_of(t.enrolment)
    assert progress.sessions_required == 2  # 40 % of 5
    assert {i.kind for i in progress.remaining} == {"attendance", "assignment"}


def test_an_empty_cohort_does_not_break_progress() -> None:
    cohort = make_cohort(make_rules_programme(), sessions=0)
    enrolment = services.enrol(user=person(Role.LECTURER), cohort=cohort)
    progress = progress_of(enrolment)
    assert progress.sessions_total == 0 and progress.sessions_required == 0
    assert [i.kind for i in progress.remaining] == ["assignment", "assignment"]
    assert all(i.locked for i in progress.remaining)  # their sessions never come


def _busy_cohort(size: int) -> Cohort:
    """`size` participants, each with attendance, assignment work and reflections."""
    coach = person(Role.COACH, username=f"busy-coach-{size}")
    cohort = make_cohort(
        make_rules_programme(), coaches=(coach,), sessions=5, first_session_in_days=-100
    )
    sessions = list(cohort.sessions.all())
    keys = [str(block.id) for block in cohort.programme.assignments]
    for n in range(size):
        enrolment = Enrolment.objects.create(
            cohort=cohort, user=person(Role.LECTURER), status="enrolled"
        )
        Attendance.objects.bulk_create(
            Attendance(session=s, enrolment=enrolment, status="present")
            for s in sessions[: n % 5 + 1]
        )
        AssignmentRecord.objects.create(
            enrolment=enrolment, assignment_key=keys[0], status="submitted"
        )
        JournalEntry.objects.bulk_create(
            JournalEntry(
                enrolment=enrolment, title="x", session=s, visibility="coach",
                assignment_key=keys[1],
            )
            for s in sessions[:2]
        )  # fmt: skip
    return Cohort.objects.get(pk=cohort.pk)


def test_cohort_progress_takes_a_fixed_number_of_queries(
    django_assert_num_queries: Any,
) -> None:
    small, large = _busy_cohort(3), _busy_cohort(30)
    with django_assert_num_queries(6):
        rows = progress_of_cohort(large)
    with django_assert_num_queries(6):
        progress_of_cohort(small)
    assert len(rows) == 30
    by_id = {row.enrolment.pk: row.progress for row in rows}
    for row in rows:
        assert by_id[row.enrolment.pk] == progress_of(row.enrolment)
    assert {p.sessions_attended for p in by_id.values()} == {1, 2, 3, 4, 5}
    assert {p.assignments_submitted for p in by_id.values()} == {1}


def test_lecturer_overview_takes_a_fixed_number_of_queries(
    lecturer: Any, django_assert_num_queries: Any
) -> None:
    cohort = _busy_cohort(1)
    enrolment = Enrolment.objects.create(
        cohort=cohort, user=lecturer, status="enrolled"
    )
    # Enrolments, sessions (with summaries), attendance, assignment records,
    # shared entries and peer groups (their members only once there is a group).
    with django_assert_num_queries(6) as few:
        my_trajectories(lecturer)
    for session in cohort.sessions.all():
        JournalEntry.objects.create(
            enrolment=enrolment, title="x", session=session, visibility="peers"
        )
        services.mark_attendance(
            actor=cohort.coaches.get(), session=session, enrolment=enrolment,
            status="present",
        )  # fmt: skip
    with django_assert_num_queries(len(few)):
        (overview,) = my_trajectories(lecturer)
    assert overview.progress is not None
    assert overview.progress.sessions_reflected == 5
    assert [line.reflections for line in overview.sessions] == [1] * 5
    assert [line.mandatory for line in overview.sessions] == [
        False, True, False, False, False
    ]  # fmt: skip


def test_waiting_list_has_no_progress(lecturer: Any) -> None:
    cohort = make_cohort(make_rules_programme(), capacity=1)
    services.enrol(user=person(Role.LECTURER), cohort=cohort)
    assert services.enrol(user=lecturer, cohort=cohort).status == "waitlisted"
    (overview,) = my_trajectories(lecturer)
    assert overview.progress is None


def _backdate(enrolment: Enrolment, days: int) -> None:
    Enrolment.objects.filter(pk=enrolment.pk).update(
        status_changed_at=timezone.now() - timedelta(days=days)
    )


def test_gone_quiet_lists_who_did_nothing_lately() -> None:
    t = make_trajectory()
    old = timezone.now() - timedelta(days=40)
    people = {
        name: services.enrol(user=person(Role.LECTURER, username=name), cohort=t.cohort)
        for name in ("writer", "checker", "worker", "replier", "silent", "new")
    }
    for name, enrolment in people.items():
        if name != "new":
            _backdate(enrolment, 60)
    _backdate(t.enrolment, 60)
    services.save_entry(
        author=people["writer"].user, enrolment=people["writer"], title="t",
        sections={},
    )  # fmt: skip
    Attendance.objects.create(
        session=t.cohort.sessions.first(), enrolment=people["checker"],
        status="present", checked_in=True,
    )  # fmt: skip
    AssignmentRecord.objects.create(enrolment=people["worker"], assignment_key="k")
    entry = services.save_entry(
        author=people["replier"].user, enrolment=people["replier"], title="t",
        sections={},
    )  # fmt: skip
    services.share_entry(author=people["replier"].user, entry=entry, visibility="coach")
    services.give_feedback(author=t.coach, entry=entry, body="Nice")
    JournalEntry.objects.filter(pk=entry.pk).update(updated_at=old)
    services.give_feedback(author=people["replier"].user, entry=entry, body="Thanks")
    # Marked by the coach long ago and an old entry: quiet all the same.
    t.attend(1)
    Attendance.objects.filter(enrolment=t.enrolment).update(recorded_at=old)
    services.save_entry(
        author=t.lecturer, enrolment=t.enrolment, title="x", sections={}
    )
    JournalEntry.objects.filter(enrolment=t.enrolment).update(updated_at=old)

    quiet = gone_quiet(t.cohort)
    assert [q.enrolment.user.username for q in quiet] == ["silent", "progress-lecturer"]
    assert [q.days for q in quiet] == [60, 40]
    assert [q.enrolment.user.username for q in gone_quiet(t.cohort, days=50)] == [
        "silent"
    ]
    with override_settings(ENGAGE_TRAJECTORIES_QUIET_DAYS=70):
        assert gone_quiet(t.cohort) == []


def test_completed_and_withdrawn_participants_are_not_quiet() -> None:
    t = make_trajectory()
    t.everything()
    _backdate(t.enrolment, 90)
    other = services.enrol(user=person(Role.LECTURER), cohort=t.cohort)
    _backdate(other, 90)
    services.withdraw(user=other.user, enrolment=other)
    _backdate(other, 90)
    assert gone_quiet(t.cohort) == []


def test_gone_quiet_takes_one_query(django_assert_num_queries: Any) -> None:
    cohort = _busy_cohort(30)
    with django_assert_num_queries(1):
        assert len(gone_quiet(cohort)) == 0


@pytest.mark.parametrize("value", [0, -3, "21", 3.5, True, 366])
def test_a_bad_quiet_days_setting_is_a_check_error(value: Any) -> None:
    with override_settings(ENGAGE_TRAJECTORIES_QUIET_DAYS=value):
        ids = {message.id for message in run_checks()}
    assert "engage_trajectories.E001" in ids


def test_a_good_quiet_days_setting_passes_the_check() -> None:
    with override_settings(ENGAGE_TRAJECTORIES_QUIET_DAYS=14):
        ids = {message.id for message in run_checks()}
    assert "engage_trajectories.E001" not in ids
