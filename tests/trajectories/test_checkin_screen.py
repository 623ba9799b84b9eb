"""The coach's check-in screen (the code large, a QR code, when it stops working)
and the participant's page a scanned QR code opens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from urllib.parse import quote

import pytest
import qrcode
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from qrcode.image.svg import SvgPathFillImage

from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import Attendance, CohortSession
from trajectories.rules.checkin import checkin_window, normalised_code, spaced

pytestmark = pytest.mark.django_db


def _current_session(coach: Any) -> CohortSession:
    cohort = make_cohort(coaches=(coach,))
    session = cohort.sessions.get(number=1)
    session.starts_at = timezone.now() - timedelta(minutes=30)
    session.ends_at = timezone.now() + timedelta(hours=2)
    session.save()
    return session


def test_rules_normalise_what_was_typed_or_scanned() -> None:
    assert normalised_code(" ab c\tdef ") == "ABCDEF"
    assert normalised_code("x" * 10_000) == "X" * 16
    assert spaced("ABCDEF") == "ABC DEF" and spaced("") == ""
    start = timezone.now()
    opens, closes = checkin_window(start, start + timedelta(hours=3))
    assert (start - opens, closes - start) == (
        timedelta(minutes=15),
        timedelta(hours=3, minutes=15),
    )


def test_the_coach_makes_a_code_and_projects_it(
    coach: Any, lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    session = _current_session(coach)
    services.enrol(user=lecturer, cohort=session.cohort)
    client = client_for(coach)
    url = reverse("engage_trajectories:checkin_screen", args=[session.pk])
    page = client.get(url).content.decode()
    assert "This session has no check-in code yet." in page
    assert reverse("engage_trajectories:checkin_qr", args=[session.pk]) not in page

    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == url
    session.refresh_from_db()
    code = session.checkin_code
    assert len(code) == 6
    with django_assert_max_num_queries(12):
        page = client.get(url).content.decode()
    assert spaced(code) in page
    closes = timezone.localtime(session.ends_at + timedelta(minutes=15))
    assert f"The code works until {closes:%H:%M}." in page
    assert "0 of 1 participants have checked in." in page
    assert reverse("engage_trajectories:checkin_qr", args=[session.pk]) in page

    # The participant checks in with the code; the count follows.
    client_for(lecturer).post(reverse("engage_trajectories:check_in"), {"code": code})
    assert Attendance.objects.get(session=session).checked_in
    assert "1 of 1 participants have checked in." in client.get(url).content.decode()

    # A new code replaces the old one.
    client.post(url)
    session.refresh_from_db()
    assert session.checkin_code != code


def test_a_future_session_says_from_when_the_code_works(
    coach: Any, client_for: Any
) -> None:
    cohort = make_cohort(coaches=(coach,), first_session_in_days=7)
    session = cohort.sessions.get(number=1)
    client = client_for(coach)
    url = reverse("engage_trajectories:checkin_screen", args=[session.pk])
    client.post(url)
    page = client.get(url).content.decode()
    assert "The code works from" in page and "The code works until" not in page


def test_the_qr_code_opens_check_in_with_the_code(coach: Any, client_for: Any) -> None:
    session = _current_session(coach)
    client = client_for(coach)
    qr_url = reverse("engage_trajectories:checkin_qr", args=[session.pk])
    assert client.get(qr_url).status_code == 404  # no code yet
    client.post(reverse("engage_trajectories:checkin_screen", args=[session.pk]))
    session.refresh_from_db()
    response = client.get(qr_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert "no-store" in response["Cache-Control"]
    address = (
        "http://testserver"
        + reverse("engage_trajectories:check_in")
        + f"?code={session.checkin_code}"
    )
    expected = qrcode.make(address, image_factory=SvgPathFillImage, border=2)
    assert response.content == expected.to_string()


def test_the_old_cohort_page_button_lands_on_the_screen(
    coach: Any, client_for: Any
) -> None:
    session = _current_session(coach)
    cohort_url = reverse("engage_trajectories:cohort", args=[session.cohort.pk])
    screen_url = reverse("engage_trajectories:checkin_screen", args=[session.pk])
    client = client_for(coach)
    assert screen_url in client.get(cohort_url).content.decode()
    response = client.post(cohort_url, {"session": session.pk, "action": "code"})
    assert response["Location"] == screen_url


def test_only_the_cohorts_coaches_see_or_change_the_code(
    coach: Any, lecturer: Any, coordinator: Any, programme_admin: Any, client_for: Any
) -> None:
    session = _current_session(coach)
    client_for(coach).post(
        reverse("engage_trajectories:checkin_screen", args=[session.pk])
    )
    session.refresh_from_db()
    code = session.checkin_code
    other_coach = person(Role.COACH, username="other-coach")
    services.enrol(user=lecturer, cohort=session.cohort)
    for name in ("checkin_screen", "checkin_qr"):
        url = reverse(f"engage_trajectories:{name}", args=[session.pk])
        for user in (other_coach, lecturer, coordinator, programme_admin):
            client = client_for(user)
            assert client.get(url).status_code == 404, (name, user)
            assert client.post(url).status_code in (404, 405), (name, user)
        anonymous = Client().get(url)
        assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    session.refresh_from_db()
    assert session.checkin_code == code
    missing = reverse("engage_trajectories:checkin_screen", args=[999_999])
    assert client_for(coach).get(missing).status_code == 404


def test_a_scanned_code_is_shown_to_confirm_never_checked_in_by_the_scan(
    coach: Any, lecturer: Any, client_for: Any
) -> None:
    session = _current_session(coach)
    services.enrol(user=lecturer, cohort=session.cohort)
    client = client_for(lecturer)
    url = reverse("engage_trajectories:check_in")
    page = client.get(url + "?code=abc%20def").content.decode()
    assert 'value="ABCDEF"' in page
    assert not Attendance.objects.exists()
    # Hostile and oversized codes: escaped, cut, never a 500.
    hostile = client.get(url + "?code=" + quote('"><script>alert(1)</script>'))
    assert hostile.status_code == 200
    assert "<script>alert(1)" not in hostile.content.decode()
    assert client.get(url + "?code=" + "A" * 100_000).status_code == 200
    assert client.get(url + "?code=%00%ff").status_code == 200
    # Signed out: sign in first, then back to the same code.
    anonymous = Client().get(url + "?code=ABCDEF")
    assert anonymous.status_code == 302
    assert quote(url + "?code=ABCDEF", safe="/") in anonymous.url
