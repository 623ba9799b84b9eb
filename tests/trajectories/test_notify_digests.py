"""The trajectories' digest source: upcoming sessions and assignments due for the
participant, entries awaiting feedback for the coach — only their own."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.accounts.roles import Role
from lms.notifications.models import OutgoingEmail
from lms.notifications.services import send_digests
from tests.factories import person
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services
from trajectories.models import OwnCourse
from trajectories.selectors.digests import MAX_ENTRIES_PER_COHORT, digest_items

pytestmark = pytest.mark.django_db


def since() -> Any:
    return timezone.now() - timedelta(days=1)


def titles(items: list[Any], heading: str) -> list[str]:
    return [item.title for item in items if item.heading == heading]


def test_upcoming_sessions_of_the_next_week(lecturer: Any) -> None:
    # Session 1 in three days, session 2 in 17 days, session 3 in 31 days.
    cohort = make_cohort(first_session_in_days=3)
    enrolment = services.enrol(user=lecturer, cohort=cohort)

    items = digest_items(lecturer, since())

    sessions = [i for i in items if i.heading == "Upcoming sessions"]
    assert [i.title for i in sessions] == ["Session 1: Session 1 (Cohort A)"]
    assert "Room 1" in sessions[0].detail
    assert sessions[0].url == reverse("engage_trajectories:mine")
    assert enrolment.status == "enrolled"


def test_past_and_far_sessions_are_left_out(lecturer: Any) -> None:
    # Session 1 yesterday, session 2 in 13 days.
    services.enrol(user=lecturer, cohort=make_cohort(first_session_in_days=-1))
    assert titles(digest_items(lecturer, since()), "Upcoming sessions") == []


def test_waiting_and_withdrawn_people_get_no_sessions(lecturer: Any) -> None:
    cohort = make_cohort(capacity=1, first_session_in_days=3)
    services.enrol(user=person(Role.LECTURER, username="first"), cohort=cohort)
    services.enrol(user=lecturer, cohort=cohort)  # waiting list
    assert digest_items(lecturer, since()) == []

    other = person(Role.LECTURER, username="other")
    enrolment = services.enrol(user=other, cohort=make_cohort(first_session_in_days=3))
    services.withdraw(user=other, enrolment=enrolment)
    assert digest_items(other, since()) == []


def test_assignments_due_in_the_next_week_until_submitted(lecturer: Any) -> None:
    # The first assignment follows session 1 (16 days ago) and is due 21 days
    # after it: in five days. The second opens only after session 3 (in 12 days).
    cohort = make_cohort(first_session_in_days=-16)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    key = str(cohort.programme.assignments[0].id)

    items = digest_items(lecturer, since())

    due = [i for i in items if i.heading == "Assignments due"]
    assert [i.title for i in due] == ["Plain-language assignment texts"]
    assert due[0].detail.startswith("Due ")
    assert due[0].url == reverse(
        "engage_trajectories:assignment",
        kwargs={"enrolment_id": enrolment.pk, "key": key},
    )

    services.save_assignment(
        user=lecturer, enrolment=enrolment, key=key,
        course=OwnCourse.objects.create(owner=lecturer, name="Statistics 1"),
        planned_change="Plain words", actual_change="Rewrote the manual",
        effect="Fewer questions", submit=True,
    )  # fmt: skip
    assert titles(digest_items(lecturer, since()), "Assignments due") == []


def test_assignments_due_later_or_overdue_are_left_out(lecturer: Any) -> None:
    # Due in 21 - 10 = 11 days.
    services.enrol(user=lecturer, cohort=make_cohort(first_session_in_days=-10))
    assert titles(digest_items(lecturer, since()), "Assignments due") == []
    # Overdue since 9 days: on the trajectory page, not in "due".
    other = person(Role.LECTURER, username="late")
    services.enrol(user=other, cohort=make_cohort(first_session_in_days=-30))
    assert titles(digest_items(other, since()), "Assignments due") == []


@pytest.fixture
def shared_cohort(lecturer: Any, coach: Any) -> Any:
    cohort = make_cohort(coaches=(coach,), first_session_in_days=-1)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    lecturer.first_name, lecturer.last_name = "Noor", "Lecturer"
    lecturer.save(update_fields=["first_name", "last_name"])
    for title, visibility in (
        ("Shared with coach", "coach"),
        ("Shared with peers", "peers"),
        ("Still private", "private"),
        ("Answered already", "coach"),
    ):
        entry = services.save_entry(
            author=lecturer, enrolment=enrolment, title=title, sections={}
        )
        services.share_entry(author=lecturer, entry=entry, visibility=visibility)
        if title == "Answered already":
            services.give_feedback(author=coach, entry=entry, body="Thanks")
    return cohort


def test_the_coach_sees_entries_awaiting_feedback(
    shared_cohort: Any, coach: Any
) -> None:
    items = digest_items(coach, since())

    awaiting = [i for i in items if i.heading == "Entries awaiting your feedback"]
    assert sorted(i.title for i in awaiting) == [
        "“Shared with coach” by Noor Lecturer",
        "“Shared with peers” by Noor Lecturer",
    ]
    assert all(i.detail == "Cohort A" for i in awaiting)
    assert all(i.url.startswith("/journal/") for i in awaiting)


def test_nobody_else_sees_the_entries_awaiting_feedback(
    shared_cohort: Any, lecturer: Any, coordinator: Any, programme_admin: Any
) -> None:
    other_coach = person(Role.COACH, username="other-coach")
    make_cohort(coaches=(other_coach,))
    peer = person(Role.LECTURER, username="peer")
    services.enrol(user=peer, cohort=shared_cohort)

    for user in (lecturer, peer, other_coach, coordinator, programme_admin):
        assert (
            titles(digest_items(user, since()), "Entries awaiting your feedback") == []
        )


def test_many_entries_awaiting_are_counted_not_listed(
    lecturer: Any, coach: Any
) -> None:
    cohort = make_cohort(coaches=(coach,), first_session_in_days=-1)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    for n in range(MAX_ENTRIES_PER_COHORT + 3):
        entry = services.save_entry(
            author=lecturer, enrolment=enrolment, title=f"E{n}", sections={}
        )
        services.share_entry(author=lecturer, entry=entry, visibility="coach")

    awaiting = titles(digest_items(coach, since()), "Entries awaiting your feedback")

    assert len(awaiting) == MAX_ENTRIES_PER_COHORT + 1
    assert awaiting[-1] == "3 more in Cohort A"


def test_the_source_asks_a_fixed_number_of_queries(
    lecturer: Any, django_assert_max_num_queries: Any
) -> None:
    programme = make_programme()
    for _ in range(6):
        services.enrol(
            user=lecturer,
            cohort=make_cohort(programme, sessions=8, first_session_in_days=-16),
        )

    # Enrolments with programme, sessions, assignment records, coached cohorts.
    with django_assert_max_num_queries(4):
        items = digest_items(lecturer, since())
    assert len(titles(items, "Assignments due")) == 6
    assert len(titles(items, "Upcoming sessions")) == 0


def test_the_digest_emails_carry_the_trajectory(
    shared_cohort: Any, lecturer: Any, coach: Any
) -> None:
    peer = person(Role.LECTURER, username="peer")
    services.enrol(user=peer, cohort=shared_cohort)

    send_digests(frequency="daily")

    coach_mail = OutgoingEmail.objects.get(to=coach.email).body
    assert "“Shared with coach” by Noor Lecturer" in coach_mail
    assert "Still private" not in coach_mail
    lecturer_mail = OutgoingEmail.objects.get(to=lecturer.email).body
    assert "gave feedback on “Answered already”" in lecturer_mail
    # The peer has nothing of their own to hear about, and nothing of Noor's.
    assert not OutgoingEmail.objects.filter(to=peer.email).exists()
