"""The coach's cohort page at scale: the longest-waiting entries first with the
total, hostile names escaped in the markup built in Python."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.selectors import awaiting_feedback_oldest

pytestmark = pytest.mark.django_db


def test_the_page_lists_the_twenty_longest_waiting_entries_and_the_total(
    coach: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    cohort = make_cohort(capacity=5, coaches=(coach,))
    lecturer = person(Role.LECTURER, username="busy")
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    entries = []
    for n in range(23):
        entry = services.save_entry(
            author=lecturer, enrolment=enrolment, title=f"Entry {n:02d}",
            sections={"what": "<p>x</p>"},
        )  # fmt: skip
        entries.append(
            services.share_entry(author=lecturer, entry=entry, visibility="coach")
        )
    services.give_feedback(author=coach, entry=entries[0], body="Thanks")
    waiting = awaiting_feedback_oldest(cohort)
    assert (len(waiting.entries), waiting.total, waiting.more) == (20, 22, 2)
    assert waiting.entries[0].title == "Entry 01"
    client = client_for(coach)
    url = reverse("engage_trajectories:cohort", args=[cohort.pk])
    client.get(url)
    with django_assert_max_num_queries(18):
        page = client.get(url).content.decode()
    assert "22 entries are waiting; the 20 that have waited longest come first." in page
    assert "Entry 20" in page and "Entry 21" not in page and "Entry 00" not in page


def test_names_in_the_attendance_and_group_fields_are_escaped(
    coach: Any, client_for: Any
) -> None:
    cohort = make_cohort(capacity=5, coaches=(coach,), first_session_in_days=-7)
    hostile = person(
        Role.LECTURER, username="x", first_name='<img src=x onerror="alert(1)">',
        last_name="&amp;",
    )  # fmt: skip
    enrolment = services.enrol(user=hostile, cohort=cohort)
    services.form_peer_groups(
        actor=coach, cohort=cohort, assignment={enrolment.pk: '"><script>x</script>'}
    )
    page = (
        client_for(coach)
        .get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
        .content.decode()
    )
    assert "<img src=x" not in page and "<script>x</script>" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    # The service keeps the text of a group name; the markup escapes what is left.
    assert f'name="group-{enrolment.pk}" value="&quot;&gt;"' in page
    assert f'for="id_group-{enrolment.pk}"' in page
