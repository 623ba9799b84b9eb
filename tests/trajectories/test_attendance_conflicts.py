"""Two coaches marking one session never silently undo each other (issue 23).

The coach's form carries what each mark was when the page was loaded. A mark the
coach changed that someone else changed meanwhile is not overwritten: the coach
is told which rows, by whom and when; the other rows are saved. Marks the coach
left as they were are not written again, so who set them stays recorded.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of
from tests.factories import person
from tests.trajectories.concurrency import at_once
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import Attendance, CohortSession, Enrolment

pytestmark = pytest.mark.django_db

NOT_SAVED = "because someone else changed"


def _setting(coach: Any) -> tuple[Any, CohortSession, list[Enrolment], Any]:
    """A cohort with two coaches and six participants; its first session."""
    other_coach = person(Role.COACH, username="coach-b")
    cohort = make_cohort(coaches=(coach, other_coach))
    enrolments = [
        services.enrol(user=person(Role.LECTURER, username=f"p{i}"), cohort=cohort)
        for i in range(6)
    ]
    return cohort, cohort.sessions.get(number=1), enrolments, other_coach


@pytest.fixture
def setting(coach: Any) -> tuple[Any, CohortSession, list[Enrolment], Any]:
    return _setting(coach)


def open_page(client: Client, cohort: Any, session: CohortSession) -> dict[str, str]:
    """Load the coach's page as a coach does: the `was-` values the session's
    attendance form carries (enrolment id -> mark as shown)."""
    html = client.get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
    forms = html.content.decode().split(f'name="session" value="{session.pk}">')
    form = next(part.split("</form>")[0] for part in forms[1:] if "was-" in part)
    return dict(re.findall(r'name="(was-\d+)" value="(\w*)"', form))


def mark(
    client: Client,
    cohort: Any,
    session: CohortSession,
    loaded: dict[str, str],
    marks: dict[Enrolment, str],
) -> str:
    """Send the session's form as the browser does: every mark as loaded, with
    the coach's changes; the page it lands on."""
    data = {"session": session.pk, "action": "attendance", **loaded}
    for name, value in loaded.items():
        if value:  # a recorded mark is a checked radio button
            data[name.replace("was-", "attendance-")] = value
    data.update({f"attendance-{e.pk}": status for e, status in marks.items()})
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    return response.content.decode()


def marks_of(session: CohortSession) -> dict[int, tuple[str, int | None]]:
    return {
        a.enrolment_id: (a.status, a.recorded_by_id)
        for a in Attendance.objects.filter(session=session)
    }


def name(user: Any) -> str:
    return str(profile_of(user).display_name)


def shown(user: Any) -> str:
    """The person's name as the page shows it (escaped: "O'Brien")."""
    return str(escape(name(user)))


def test_the_second_coach_is_told_which_marks_changed_and_by_whom(
    setting: Any, coach: Any, client_for: Any
) -> None:
    cohort, session, people, coach_b = setting
    a, b = client_for(coach), client_for(coach_b)
    loaded_a, loaded_b = open_page(a, cohort, session), open_page(b, cohort, session)
    assert set(loaded_a.values()) == {""}  # nothing recorded yet
    page_a = mark(a, cohort, session, loaded_a, dict.fromkeys(people[:4], "present"))
    assert "Attendance saved for 4 participants" in page_a
    # Coach B marks rows 2–5 absent; rows 2 and 3 coach A marked meanwhile.
    page_b = mark(b, cohort, session, loaded_b, dict.fromkeys(people[2:], "absent"))
    assert "Not saved for 2 participants" in page_b and NOT_SAVED in page_b
    for overlapping in people[2:4]:
        assert shown(overlapping.user) in page_b
    assert f"set by {shown(coach)}" in page_b
    assert "Attendance saved for 2 participants" in page_b
    stored = marks_of(session)
    assert stored == {
        **{e.pk: ("present", coach.pk) for e in people[:4]},
        **{e.pk: ("absent", coach_b.pk) for e in people[4:]},
    }


def test_marks_a_coach_left_as_loaded_are_not_written_back(
    setting: Any, coach: Any, client_for: Any
) -> None:
    cohort, session, people, coach_b = setting
    services.mark_attendance_batch(
        actor=coach,
        session=session,
        marks=dict.fromkeys((e.pk for e in people), "present"),
    )
    a, b = client_for(coach), client_for(coach_b)
    loaded_a, loaded_b = open_page(a, cohort, session), open_page(b, cohort, session)
    assert set(loaded_b.values()) == {"present"}
    mark(a, cohort, session, loaded_a, {people[0]: "absent", people[1]: "excused"})
    # B's browser sends every row (checked radios); B changed only row 5.
    page_b = mark(b, cohort, session, loaded_b, {people[5]: "absent"})
    assert NOT_SAVED not in page_b
    assert "Attendance saved for 1 participant." in page_b
    stored = marks_of(session)
    assert stored[people[0].pk] == ("absent", coach.pk)  # A's marks survive
    assert stored[people[1].pk] == ("excused", coach.pk)
    assert stored[people[5].pk] == ("absent", coach_b.pk)
    assert stored[people[3].pk] == ("present", coach.pk)  # who set it stays


def test_two_coaches_choosing_the_same_mark_is_no_conflict(
    setting: Any, coach: Any
) -> None:
    _cohort, session, people, coach_b = setting
    loaded = {people[0].pk: ""}
    services.mark_attendance_batch(
        actor=coach, session=session, marks={people[0].pk: "excused"}, loaded=loaded
    )
    result = services.mark_attendance_batch(
        actor=coach_b, session=session, marks={people[0].pk: "excused"}, loaded=loaded
    )
    assert (result.saved, result.conflicts) == (0, ())
    assert marks_of(session)[people[0].pk] == ("excused", coach.pk)


def test_a_check_in_meanwhile_is_reported_as_one(coach: Any) -> None:
    cohort = make_cohort(coaches=(coach,), first_session_in_days=0)
    session = cohort.sessions.get(number=1)
    session.starts_at = timezone.now() - timedelta(minutes=30)
    session.ends_at = timezone.now() + timedelta(hours=2)
    session.save()
    participant = person(Role.LECTURER, username="early")
    enrolment = services.enrol(user=participant, cohort=cohort)
    code = services.new_checkin_code(actor=coach, session=session)
    services.check_in(user=participant, code=code)  # after the coach's page loaded
    result = services.mark_attendance_batch(
        actor=coach,
        session=session,
        marks={enrolment.pk: "absent"},
        loaded={enrolment.pk: ""},
    )
    (conflict,) = result.conflicts
    assert (conflict.status, conflict.wanted, conflict.checked_in) == (
        "present",
        "absent",
        True,
    )
    assert conflict.by == name(participant) and conflict.at is not None
    assert result.saved == 0
    assert marks_of(session)[enrolment.pk] == ("present", participant.pk)


HOSTILE = {
    "unknown loaded status": {"was-{pk}": "asleep"},
    "loaded name without an id": {"was-abc": ""},
    "loaded id too long": {"was-" + "9" * 30: ""},
}


@pytest.mark.parametrize("extra", HOSTILE.values(), ids=HOSTILE)
def test_a_malformed_loaded_mark_saves_nothing(
    setting: Any, coach: Any, client_for: Any, extra: dict[str, str]
) -> None:
    cohort, session, people, _coach_b = setting
    data = {
        "session": session.pk,
        "action": "attendance",
        f"attendance-{people[0].pk}": "present",
        **{key.format(pk=people[0].pk): value for key, value in extra.items()},
    }
    response = client_for(coach).post(
        reverse("engage_trajectories:cohort", args=[cohort.pk]), data, follow=True
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert not Attendance.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_coaches_saving_at_the_same_moment_keep_each_others_marks(
    coach: Any,
) -> None:
    cohort, session, people, coach_b = _setting(coach)
    clients = []
    for user in (coach, coach_b):
        client = Client()
        client.force_login(user)
        clients.append(client)
    loaded = [open_page(client, cohort, session) for client in clients]
    wants = [dict.fromkeys(people[:4], "present"), dict.fromkeys(people[2:], "absent")]
    pages = at_once(
        *(
            (lambda c=c, was=was, w=w: mark(c, cohort, session, was, w))
            for c, was, w in zip(clients, loaded, wants, strict=True)
        )
    )
    told = [NOT_SAVED in page for page in pages]
    assert sorted(told) == [False, True]  # whoever came second was told
    first, second = (0, 1) if told[1] else (1, 0)
    assert "Not saved for 2 participants" in pages[second]
    coaches = (coach, coach_b)
    assert f"set by {shown(coaches[first])}" in pages[second]
    stored = marks_of(session)
    # The rows both marked keep the first coach's marks; every other row is saved.
    status = ("present", "absent")
    for e in people[2:4]:
        assert stored[e.pk] == (status[first], coaches[first].pk)
    for e in people[:2]:
        assert stored[e.pk] == ("present", coach.pk)
    for e in people[4:]:
        assert stored[e.pk] == ("absent", coach_b.pk)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_coaches_marking_several_sessions_of_the_same_people_at_once_all_save(
    coach: Any,
) -> None:
    """Each mark inserts an attendance row and then locks its enrolment. On
    PostgreSQL, batches of different sessions for the same people deadlocked
    (one's insert holds a key-share lock on the enrolment that the other's lock
    for update waits for, and the other way round: a 503 for a coach) until
    every writer locked the enrolments first, in one order."""
    cohort, _first, people, coach_b = _setting(coach)
    sessions = list(cohort.sessions.order_by("number"))
    coaches = [coach, coach_b] * len(sessions)
    for status in ("present", "absent", "excused"):
        at_once(
            *(
                (
                    lambda s=s, by=by, status=status: services.mark_attendance_batch(
                        actor=by,
                        session=s,
                        marks=dict.fromkeys([e.pk for e in people], status),
                    )
                )
                for s, by in zip(sessions, coaches, strict=False)
            )
        )
        for session, by in zip(sessions, coaches, strict=False):
            assert marks_of(session) == {e.pk: (status, by.pk) for e in people}
