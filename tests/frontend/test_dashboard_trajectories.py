"""The lecturer's and the coach's panels on the dashboard, from the trajectories
selectors, in a fixed number of queries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from lms.accounts.roles import Role
from lms.accounts.services import assign_role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from tests.trajectories.progress_world import make_rules_programme
from trajectories import services
from trajectories.models import Cohort, Enrolment, Feedback, JournalEntry

pytestmark = pytest.mark.django_db

DASHBOARD = "/dashboard/"


def _panel(html: str, marker: str) -> str:
    return html.split(marker, 1)[1].split("</section>", 1)[0]


def _lecturer_panel(client: Any) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return _panel(response.content.decode(), "data-lecturer-panel")


def _coach_panel(client: Any) -> str:
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return _panel(response.content.decode(), "data-coach-panel")


def _running(coach: Any, **kwargs: Any) -> Cohort:
    """Five sessions, the first one ended a week ago: assignment 1 is open."""
    return make_cohort(
        make_rules_programme(), coaches=(coach,), sessions=5,
        first_session_in_days=-7, **kwargs,
    )  # fmt: skip


def test_the_lecturer_sees_next_session_due_work_feedback_and_progress(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    cohort = _running(coach)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    services.mark_attendance(
        actor=coach, session=cohort.sessions.get(number=1), enrolment=enrolment,
        status="present",
    )  # fmt: skip
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="On session 1", sections={}
    )
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    services.give_feedback(author=coach, entry=entry, body="Well observed.")
    services.give_feedback(author=lecturer, entry=entry, body="My own reply")

    panel = _lecturer_panel(client_for(lecturer))
    session_2 = cohort.sessions.get(number=2)
    assert f"Next: session 2, {session_2.title}" in panel
    assert '<progress max="100" value="' in panel
    assert "% of what the trajectory asks is done." in panel
    due = panel.split("data-due>", 1)[1].split("</ul>", 1)[0]
    assert "Plain-language assignment texts" in due  # open after session 1
    assert "A fairer assessment" not in due  # locked until session 3
    feedback = panel.split("data-new-feedback>", 1)[1].split("</ul>", 1)[0]
    name = escape(coach.engage_profile.display_name)
    assert f"{name} on “On session 1”" in feedback
    assert reverse("engage_trajectories:entry", args=[entry.pk]) in feedback
    assert "My own reply" not in panel and feedback.count("<li>") == 1
    assert reverse("engage_trajectories:mine") in panel


def test_old_feedback_is_not_new_and_submitted_work_is_not_due(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    cohort = _running(coach)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Old", sections={}
    )
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    services.give_feedback(author=coach, entry=entry, body="Long ago")
    Feedback.objects.update(created_at=timezone.now() - timedelta(days=15))
    key = services_assignments(lecturer)[0].key
    course = services.register_course(owner=lecturer, name="Law 1")
    services.save_assignment(
        user=lecturer, enrolment=enrolment, key=key, course=course,
        planned_change="", actual_change="<p>Done</p>", effect="", submit=True,
    )  # fmt: skip
    panel = _lecturer_panel(client_for(lecturer))
    assert "No new feedback in the last two weeks." in panel
    assert "data-due" not in panel


def services_assignments(user: Any) -> list[Any]:
    from trajectories.selectors import my_assignments

    return [assignment for _enrolment, assignment in my_assignments(user)]


def test_the_waiting_list_and_nothing_at_all(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    assert "You are not enrolled in a trajectory yet." in _lecturer_panel(client)
    cohort = _running(coach, capacity=1)
    services.enrol(user=person(Role.LECTURER, username="first"), cohort=cohort)
    services.enrol(user=lecturer, cohort=cohort)
    panel = _lecturer_panel(client)
    assert "You are on the waiting list" in panel
    assert "<progress" not in panel and "data-due" not in panel


def test_nobody_sees_anothers_trajectory_or_feedback(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    cohort = _running(coach)
    other = person(Role.LECTURER, username="other")
    enrolment = services.enrol(user=other, cohort=cohort)
    entry = services.save_entry(
        author=other, enrolment=enrolment, title="Private matter", sections={}
    )
    services.share_entry(author=other, entry=entry, visibility="coach")
    services.give_feedback(author=coach, entry=entry, body="Secret feedback")
    panel = _lecturer_panel(client_for(lecturer))
    assert "Private matter" not in panel and cohort.title not in panel
    # The coach's dashboard counts it, without its text.
    coach_panel = _coach_panel(client_for(coach))
    assert "Private matter" not in coach_panel


def test_the_coach_sees_each_cohort_with_awaiting_and_quiet_counts(
    coach: Any, client_for: Any
) -> None:
    first = _running(coach)
    second = make_cohort(first.programme, coaches=(coach,))
    second.title = 'Cohort <script>alert("B")</script>'
    second.save()
    co_coach = person(Role.COACH, username="co-coach")
    first.coaches.add(co_coach)
    people = [person(Role.LECTURER, username=f"p{n}") for n in range(4)]
    enrolments = [services.enrol(user=p, cohort=first) for p in people]
    entries = [
        services.save_entry(author=e.user, enrolment=e, title=f"E{n}", sections={})
        for n, e in enumerate(enrolments)
    ]
    for entry in entries[:3]:
        services.share_entry(
            author=entry.enrolment.user, entry=entry, visibility="coach"
        )
    services.give_feedback(author=co_coach, entry=entries[0], body="Answered")
    services.give_feedback(  # a peer's word is not a coach's answer
        author=entries[1].enrolment.user, entry=entries[1], body="Own reply"
    )
    Enrolment.objects.filter(pk__in=[enrolments[2].pk, enrolments[3].pk]).update(
        status_changed_at=timezone.now() - timedelta(days=40)
    )
    JournalEntry.objects.filter(enrolment__in=enrolments[2:]).update(
        updated_at=timezone.now() - timedelta(days=30)
    )
    Feedback.objects.update(created_at=timezone.now() - timedelta(days=30))
    services.enrol(user=person(Role.LECTURER, username="q"), cohort=second)

    panel = _coach_panel(client_for(coach))
    first_item = panel.split(f'href="/coach/cohorts/{first.pk}/"', 1)[1].split(
        "</ul>", 1
    )[0]
    assert "4 participants" in first_item
    assert 'data-awaiting="2"' in first_item  # E1 and E2; E0 has a coach's answer
    assert "2 entries await your feedback" in first_item
    assert 'data-quiet="2"' in first_item  # p2 and p3
    second_item = panel.split(f'href="/coach/cohorts/{second.pk}/"', 1)[1]
    assert 'data-awaiting="0"' in second_item and 'data-quiet="0"' in second_item
    assert "<script>" not in panel and escape(second.title) in panel

    # Another coach sees only their own cohort.
    other = person(Role.COACH, username="other-coach")
    assert "You do not coach a cohort yet." in _coach_panel(client_for(other))


def test_the_dashboard_takes_a_fixed_number_of_queries(
    lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    assign_role(user=lecturer, role=Role.COACH)  # both panels at once
    client = client_for(lecturer)

    def grow(cohorts: int) -> None:
        """Cohorts the person follows and coaches, each with three others'
        entries awaiting feedback and feedback on the person's own entry."""
        for n in range(cohorts):
            cohort = _running(lecturer)
            enrolment = services.enrol(user=lecturer, cohort=cohort)
            coach = person(Role.COACH, username=f"k{cohort.pk}")
            cohort.coaches.add(coach)
            for m in range(3):
                p = person(Role.LECTURER, username=f"c{cohort.pk}-{m}")
                other = services.enrol(user=p, cohort=cohort)
                entry = services.save_entry(
                    author=p, enrolment=other, title="t", sections={}
                )
                services.share_entry(author=p, entry=entry, visibility="coach")
            mine = services.save_entry(
                author=lecturer, enrolment=enrolment, title=f"Mine {n}", sections={}
            )
            services.share_entry(author=lecturer, entry=mine, visibility="coach")
            services.give_feedback(author=coach, entry=mine, body="ok")

    grow(2)
    client.get(DASHBOARD)  # warm the caches that are not per request
    with django_assert_max_num_queries(30) as captured:
        client.get(DASHBOARD)
    few = len(captured)  # now: the query log is a ring that growing overwrites
    grow(6)
    client.get(DASHBOARD)  # the unread badge was dropped by the new feedback
    with django_assert_max_num_queries(few):
        response = client.get(DASHBOARD)
    html = response.content.decode()
    assert html.count("<progress") == 8
    assert html.count('data-awaiting="3"') == 8
    assert _panel(html, "data-new-feedback>").count("<li>") == 5  # the latest five
