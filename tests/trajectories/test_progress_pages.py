"""Progress, gating and "gone quiet" through the site's pages, for every role."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from tests.trajectories.progress_world import make_rules_programme, make_trajectory
from trajectories import services
from trajectories.exceptions import AssignmentLocked, InvalidEntry
from trajectories.models import AssignmentRecord, Enrolment, JournalEntry
from trajectories.rules.assignments import day_label

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(lecturer: Any, coach: Any) -> Any:
    """Session 1 a week ago, the others still to come: assignment 2 is locked."""
    cohort = make_cohort(
        make_rules_programme(), coaches=(coach,), sessions=5, first_session_in_days=-7
    )
    return make_trajectory(cohort=cohort, lecturer=lecturer, coach=coach)


def _html(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_lecturer_page_shows_progress_and_what_remains(
    running: Any, client_for: Any
) -> None:
    running.attend(1)
    html = _html(client_for(running.lecturer), reverse("engage_trajectories:mine"))
    assert '<progress max="100" value="9"' in html
    assert "9% of what the trajectory asks is done." in html
    assert "What remains to complete the trajectory" in html
    session_2 = running.cohort.sessions.get(number=2)
    assert (
        f"Attend mandatory session 2, Session 2, on {day_label(session_2.starts_at)}."
        in html
    )
    session_3 = running.cohort.sessions.get(number=3)
    reason = f"Opens after session 3 on {day_label(session_3.ends_at)}."
    assert f"<strong>Locked.</strong> {reason}" in html
    assert "Share a reflection on session 1, Session 1, with your coach" in html
    assert "You completed this trajectory" not in html


def test_lecturer_page_shows_the_completed_state(client_for: Any) -> None:
    t = make_trajectory()
    t.everything()
    html = _html(client_for(t.lecturer), reverse("engage_trajectories:mine"))
    date = timezone.localtime(t.refresh().completed_at)
    assert f"You completed this trajectory on {date:%-d %B %Y}." in html
    assert '<progress max="100" value="100"' in html
    assert "What remains to complete the trajectory" not in html
    assert "Completed" in html  # the status


def test_nobody_else_sees_a_lecturers_progress(
    running: Any, coach: Any, coordinator: Any, programme_admin: Any, client_for: Any
) -> None:
    running.attend(1)
    url = reverse("engage_trajectories:mine")
    other = person(Role.LECTURER, username="other-lecturer")
    for user in (other, coach, coordinator, programme_admin):
        html = _html(client_for(user), url)
        assert "What remains" not in html and "data-progress" not in html
    assert Client().get(url).status_code == 302


def test_locked_assignment_page_says_why_and_refuses_to_save(
    running: Any, client_for: Any
) -> None:
    key = running.assignment_keys()[1]
    url = reverse("engage_trajectories:assignment", args=[running.enrolment.pk, key])
    client = client_for(running.lecturer)
    session_3 = running.cohort.sessions.get(number=3)
    reason = f"Opens after session 3 on {day_label(session_3.ends_at)}."
    html = _html(client, url)
    assert f"<strong>Locked.</strong> {reason}" in html
    assert 'name="submit"' not in html  # nothing to fill in yet
    course = services.register_course(owner=running.lecturer, name="Law 1")
    typed = "My careful plan that must not be lost"
    response = client.post(
        url, {"course": course.pk, "planned_change": typed, "submit": "1"}
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert 'class="error-summary"' in body and reason in body
    assert typed in body  # what was typed is kept
    assert not AssignmentRecord.objects.exists()


def test_the_service_refuses_a_locked_assignment(running: Any) -> None:
    key = running.assignment_keys()[1]
    with pytest.raises(AssignmentLocked) as refused:
        services.save_assignment(
            user=running.lecturer, enrolment=running.enrolment, key=key, course=None,
            planned_change="plan", actual_change="", effect="", submit=False,
        )  # fmt: skip
    session_3 = running.cohort.sessions.get(number=3)
    assert str(refused.value) == (
        f"Opens after session 3 on {day_label(session_3.ends_at)}."
    )
    assert not AssignmentRecord.objects.exists()
    # Once its session has ended, it opens.
    now = timezone.now()
    session_3.starts_at, session_3.ends_at = now - timedelta(hours=3), now
    session_3.save()
    services.save_assignment(
        user=running.lecturer, enrolment=running.enrolment, key=key, course=None,
        planned_change="plan", actual_change="", effect="", submit=False,
    )  # fmt: skip
    assert AssignmentRecord.objects.get().planned_change == "plan"


def test_day_label_names_the_year_only_when_it_differs() -> None:
    now = timezone.localtime()
    this_year = now.replace(month=3, day=12, hour=12)
    assert day_label(this_year) == "12 March"
    assert day_label(this_year.replace(year=now.year + 1)) == f"12 March {now.year + 1}"


def test_assignment_pages_are_only_for_their_lecturer(
    running: Any, coach: Any, coordinator: Any, programme_admin: Any, client_for: Any
) -> None:
    key = running.assignment_keys()[1]
    url = reverse("engage_trajectories:assignment", args=[running.enrolment.pk, key])
    other = person(Role.LECTURER, username="other-lecturer")
    for user in (other, coach, coordinator, programme_admin):
        assert client_for(user).get(url).status_code == 404
        assert client_for(user).post(url, {"planned_change": "x"}).status_code == 404
    assert Client().get(url).status_code == 302
    assert not AssignmentRecord.objects.exists()


@pytest.mark.parametrize(
    "key", ["nope", "x" * 5000, "..%2F..%2Fetc", "%00", "<script>alert(1)</script>"]
)
def test_malformed_assignment_keys_are_not_found(
    running: Any, client_for: Any, key: str
) -> None:
    url = f"/trajectory/{running.enrolment.pk}/assignments/{key}/"
    assert client_for(running.lecturer).get(url).status_code == 404


def test_reflections_can_be_about_an_assignment(running: Any, client_for: Any) -> None:
    first = running.assignment_keys()[0]
    client = client_for(running.lecturer)
    new = reverse("engage_trajectories:entry_new", args=[running.enrolment.pk])
    html = _html(client, f"{new}?assignment={first}")
    assert f'<option value="{first}" selected>' in html
    hostile = _html(client, new + "?assignment=%22%3E%3Cscript%3Ex%3C/script%3E")
    assert "<script>x</script>" not in hostile
    response = client.post(
        new, {"title": "On the texts", "section_what": "x", "assignment": "bogus"}
    )
    assert response.status_code == 400 and not JournalEntry.objects.exists()
    response = client.post(
        new,
        {"title": "On the texts", "section_what": "x", "assignment": "y" * 10_000},
    )
    assert response.status_code == 400 and not JournalEntry.objects.exists()
    response = client.post(
        new, {"title": "On the texts", "section_what": "x", "assignment": first}
    )
    assert response.status_code == 302
    entry = JournalEntry.objects.get()
    assert entry.assignment_key == first
    # The service refuses a key that is not one of the programme's assignments.
    with pytest.raises(InvalidEntry) as refused:
        services.save_entry(
            author=running.lecturer, enrolment=running.enrolment, entry=entry,
            title="t", sections={}, assignment_key="not-an-assignment",
            version=entry.version,
        )  # fmt: skip
    assert refused.value.field == "assignment"
    entry.refresh_from_db()
    assert entry.assignment_key == first and entry.title == "On the texts"


def _coach_world(coach: Any, size: int) -> Any:
    cohort = make_cohort(
        make_rules_programme(), capacity=size, coaches=(coach,), sessions=5,
        first_session_in_days=-100,
    )  # fmt: skip
    t = make_trajectory(
        cohort=cohort, coach=coach, lecturer=person(Role.LECTURER, username="l")
    )
    for n in range(size - 1):
        enrolment = services.enrol(
            user=person(Role.LECTURER, username=f"p{n}"), cohort=t.cohort
        )
        services.mark_attendance(
            actor=coach, session=t.cohort.sessions.first(), enrolment=enrolment,
            status="present",
        )  # fmt: skip
        entry = services.save_entry(
            author=enrolment.user, enrolment=enrolment, title="t", sections={},
            session_id=t.cohort.sessions.first().pk,
        )  # fmt: skip
        services.share_entry(author=enrolment.user, entry=entry, visibility="coach")
    return t


def test_coach_sees_progress_and_who_went_quiet(
    coach: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    t = _coach_world(coach, 30)
    t.everything()
    quiet = Enrolment.objects.get(user__username="p3")
    Enrolment.objects.filter(pk=quiet.pk).update(
        status_changed_at=timezone.now() - timedelta(days=30)
    )
    JournalEntry.objects.filter(enrolment=quiet).update(
        updated_at=timezone.now() - timedelta(days=25)
    )
    url = reverse("engage_trajectories:cohort", args=[t.cohort.pk])
    client = client_for(coach)
    # Sign-in, menu (and the course listing's address, on this cold request)
    # and notifications; attendance, feedback awaited, progress per participant,
    # who went quiet and the peer groups: the same for 3 or 300 participants.
    with django_assert_max_num_queries(18):
        response = client.get(url)
    html = response.content.decode()
    assert html.count("<progress ") == 30
    assert "in the last 21 days" in html
    quiet_list = html.split("data-quiet>", 1)[1].split("</ul>", 1)[0]
    name = escape(quiet.user.engage_profile.display_name)
    assert name in quiet_list and quiet_list.count("<li>") == 1
    assert "25 days ago" in quiet_list
    completed_name = escape(t.lecturer.engage_profile.display_name)
    row = html.split(f'<th scope="row">{completed_name}</th>', 1)[1].split("</tr>")[0]
    assert 'value="100"' in row and "completed" in row
    assert "nothing: completed" in row


def test_cohort_page_with_nobody_quiet(coach: Any, client_for: Any) -> None:
    t = make_trajectory(coach=coach)
    url = reverse("engage_trajectories:cohort", args=[t.cohort.pk])
    html = _html(client_for(coach), url)
    assert "Everyone has been active recently." in html


def test_only_the_cohorts_coaches_see_the_cohort_page(
    coach: Any, coordinator: Any, programme_admin: Any, client_for: Any
) -> None:
    t = make_trajectory(coach=coach)
    url = reverse("engage_trajectories:cohort", args=[t.cohort.pk])
    other_coach = person(Role.COACH, username="other-coach")
    make_cohort(make_rules_programme(), coaches=(other_coach,))
    other_lecturer = person(Role.LECTURER, username="other-lecturer")
    expected = {
        "coach": 200,
        "lecturer": 404,
        "other_lecturer": 404,
        "other_coach": 404,
        "coordinator": 404,
        "programme_admin": 404,
    }
    users = {
        "coach": coach,
        "lecturer": t.lecturer,
        "other_lecturer": other_lecturer,
        "other_coach": other_coach,
        "coordinator": coordinator,
        "programme_admin": programme_admin,
    }
    session = t.cohort.sessions.first()
    for role, user in users.items():
        client = client_for(user)
        assert client.get(url).status_code == expected[role], role
        if role != "coach":
            posted = client.post(
                url,
                {"session": session.pk, f"attendance-{t.enrolment.pk}": "absent"},
            )
            assert posted.status_code == 404, role
    assert not t.enrolment.attendances.exists()
    assert Client().get(url).status_code == 302
    assert (
        client_for(coach)
        .get(reverse("engage_trajectories:cohort", args=[999_999]))
        .status_code
        == 404
    )


def test_lecturer_page_queries_do_not_grow_with_the_year(
    running: Any, client_for: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(running.lecturer)
    url = reverse("engage_trajectories:mine")
    client.get(url)  # warm the per-session caches (menu, language)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    running.attend(1)
    running.submit(running.assignment_keys()[0])
    for n in range(12):
        running.reflect(1 + n % 5, visibility="coach" if n % 2 else "peers")
    with CaptureQueriesContext(connection) as after:
        html = client.get(url).content.decode()
    assert "Sessions with a shared reflection: 5 of 5" in html
    # 12 reflections on 5 sessions: the page says why it shows 5, and how a
    # certificate counts them instead (issue 16).
    assert "each session counts once here; a certificate counts every" in html
    assert len(after) == len(before)


def test_programme_admin_edits_the_completion_rules(
    programme_admin: Any, client_for: Any
) -> None:
    page = make_rules_programme()
    client = client_for(programme_admin)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Completion" in html and "completion_min_attendance" in html
    page.completion_min_attendance = 101
    with pytest.raises(ValidationError) as invalid:
        page.full_clean()
    assert "completion_min_attendance" in invalid.value.message_dict
