"""The coach's session summary: cleaned rich text, shown with the session on every
participant's trajectory page, announced once by a notification."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from lms.notifications.models import Notification
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import Cohort, CohortSession, SessionSummary

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort(coach: Any) -> Cohort:
    return make_cohort(capacity=2, coaches=(coach,))


def _session(cohort: Cohort, number: int = 1) -> CohortSession:
    return cohort.sessions.get(number=number)


def _url(session: CohortSession) -> str:
    return reverse("engage_trajectories:session_summary", args=[session.pk])


def _mine(client: Client) -> str:
    response = client.get(reverse("engage_trajectories:mine"))
    assert response.status_code == 200
    return response.content.decode()


def test_participants_read_it_with_the_session_and_are_told_once(
    cohort: Cohort, coach: Any, lecturer: Any, client_for: Any
) -> None:
    services.enrol(user=lecturer, cohort=cohort)
    gone = services.enrol(user=person(Role.LECTURER, username="two"), cohort=cohort)
    moved_up = services.enrol(
        user=person(Role.LECTURER, username="three"), cohort=cohort
    )
    services.withdraw(user=gone.user, enrolment=gone)
    moved_up.refresh_from_db()
    assert moved_up.status == "enrolled"  # took the place "two" left
    extra = services.enrol(user=person(Role.LECTURER, username="four"), cohort=cohort)
    assert extra.status == "waitlisted"
    session = _session(cohort)

    client = client_for(coach)
    assert client.get(_url(session)).status_code == 200
    response = client.post(
        _url(session), {"body": "We practised plain language.\n\nNext: bring a text."}
    )
    assert response.status_code == 302
    summary = SessionSummary.objects.get()
    assert summary.body == (
        "<p>We practised plain language.</p><p>Next: bring a text.</p>"
    )
    told = Notification.objects.filter(kind="session-summary")
    assert {n.recipient.username for n in told} == {lecturer.username, "three"}
    (mine,) = told.filter(recipient=lecturer)
    assert mine.title == "Summary of session 1: Session 1"
    assert mine.url == f"/trajectory/#session-{session.pk}"

    html = _mine(client_for(lecturer))
    section = html.split(f'id="session-{session.pk}"', 1)[1].split("</section>")[0]
    assert "Summary by your coach" in section
    assert "<p>We practised plain language.</p>" in section
    assert "We practised" not in _mine(client_for(extra.user))  # waiting list
    assert "We practised" not in _mine(client_for(gone.user))
    cohort_page = client.get(reverse("engage_trajectories:cohort", args=[cohort.pk]))
    assert "Edit the session summary" in cohort_page.content.decode()

    # An edit replaces the text and tells nobody again.
    client.post(_url(session), {"body": "Corrected."})
    assert SessionSummary.objects.get().body == "<p>Corrected.</p>"
    assert Notification.objects.filter(kind="session-summary").count() == 2


def test_hostile_html_is_cleaned_and_empty_or_oversized_refused(
    cohort: Cohort, coach: Any, lecturer: Any, client_for: Any
) -> None:
    services.enrol(user=lecturer, cohort=cohort)
    session = _session(cohort)
    client = client_for(coach)
    client.post(
        _url(session),
        {
            "body": '<p onclick="x()">Hi <script>alert(1)</script>'
            '<a href="javascript:alert(2)">link</a> <iframe src="//evil"></iframe>'
            '<a href="https://example.org">ok</a></p>',
            "body__format": "html",  # as the editor sends it
        },
    )
    body = SessionSummary.objects.get().body
    assert "script" not in body and "onclick" not in body and "iframe" not in body
    assert "javascript:" not in body and 'href="https://example.org"' in body
    assert "alert(1)" not in _mine(client_for(lecturer))

    for bad in ("", "   ", "<script>alert(1)</script>", "<p></p>"):
        response = client.post(_url(session), {"body": bad, "body__format": "html"})
        assert response.status_code == 400, bad
    response = client.post(_url(session), {"body": "x" * 20_001})
    assert response.status_code == 400
    assert "at most 20000 characters" in response.content.decode()
    assert SessionSummary.objects.get().body == body  # unchanged
    with pytest.raises(NotAllowed):
        services.post_session_summary(actor=coach, session=session, body="<p> </p>")


def test_only_the_cohorts_coaches_write_it(
    cohort: Cohort, lecturer: Any, coordinator: Any, programme_admin: Any,
    client_for: Any,
) -> None:  # fmt: skip
    services.enrol(user=lecturer, cohort=cohort)
    session = _session(cohort)
    others = [
        lecturer, coordinator, programme_admin,
        person(Role.COACH, username="other-coach"),
        person(Role.LECTURER, username="other-lecturer"),
    ]  # fmt: skip
    for user in others:
        client = client_for(user)
        assert client.get(_url(session)).status_code == 404
        assert client.post(_url(session), {"body": "Mine"}).status_code == 404
        with pytest.raises(NotAllowed):
            services.post_session_summary(actor=user, session=session, body="Mine")
    anonymous = Client().post(_url(session), {"body": "Mine"})
    assert anonymous.status_code == 302
    assert not SessionSummary.objects.exists()
    assert not Notification.objects.filter(kind="session-summary").exists()
    missing = reverse("engage_trajectories:session_summary", args=[10**18 - 1])
    assert client_for(others[0]).get(missing).status_code == 404


def test_another_cohorts_participants_never_see_it(
    cohort: Cohort, coach: Any, lecturer: Any, client_for: Any
) -> None:
    other = make_cohort(cohort.programme, coaches=(coach,))
    services.enrol(user=lecturer, cohort=other)
    services.post_session_summary(
        actor=coach, session=_session(cohort), body="Only for cohort A"
    )
    assert "Only for cohort A" not in _mine(client_for(lecturer))
    assert not Notification.objects.filter(recipient=lecturer).exists()
