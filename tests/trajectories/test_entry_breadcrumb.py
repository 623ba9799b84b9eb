"""A coach who opens a shared entry from the cohort page has a way back to the
cohort (found by the coach's journey test: the entry page had no breadcrumb for
anyone but the author); a peer reading the same entry gets no link to a coach's
page they may not open."""

from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services

pytestmark = pytest.mark.django_db


def test_the_breadcrumb_suits_the_reader(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    cohort = make_cohort(coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    peer = person(Role.LECTURER, username="peer")
    peer_enrolment = services.enrol(user=peer, cohort=cohort)
    services.form_peer_groups(
        actor=coach,
        cohort=cohort,
        assignment={enrolment.pk: "G", peer_enrolment.pk: "G"},
    )
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )
    services.share_entry(author=lecturer, entry=entry, visibility="peers")
    url = f"/journal/{entry.pk}/"
    cohort_link = f'<p class="breadcrumb"><a href="/coach/cohorts/{cohort.pk}/">'
    journal_link = (
        f'<p class="breadcrumb"><a href="/trajectory/{enrolment.pk}/journal/">'
    )

    as_coach = client_for(coach).get(url).content.decode()
    as_author = client_for(lecturer).get(url).content.decode()
    as_peer = client_for(peer).get(url).content.decode()

    assert cohort_link in as_coach and journal_link not in as_coach
    assert journal_link in as_author and cohort_link not in as_author
    assert 'class="breadcrumb"' not in as_peer
