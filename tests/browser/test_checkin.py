"""The coach projects a check-in code; a participant opens the QR address on their
phone, confirms and is checked in; the coach's screen counts them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in
from trajectories.models import Attendance, CohortSession, Enrolment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_coach_projects_the_code_and_a_phone_checks_in(
    visit: Visit, browser: Browser, demo_data: Any, language: str
) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    session = enrolment.cohort.sessions.get(number=1)
    now = timezone.now()
    CohortSession.objects.filter(pk=session.pk).update(
        starts_at=now - timedelta(minutes=20), ends_at=now + timedelta(hours=2)
    )
    Attendance.objects.filter(session=session).delete()

    sign_in(visit, "coach")
    choose_language(visit, language)
    visit.goto(f"/coach/cohorts/{enrolment.cohort_id}/")
    visit.page.locator("details summary").first.click()
    visit.page.locator(f"a[href$='/coach/sessions/{session.pk}/check-in/']").click()
    visit.check_accessibility()
    visit.page.locator("main form button[type=submit]").click()
    code_box = visit.page.locator("[data-checkin-code]")
    expect(code_box).to_be_visible()
    code = "".join(code_box.inner_text().split())
    assert len(code) == 6
    visit.check_accessibility()
    qr = visit.page.locator("img.checkin-screen__qr")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")

    # A phone: another browser context, signed in as the participant.
    phone_context = browser.new_context(
        locale="en-GB", viewport={"width": 390, "height": 844}
    )
    phone = Visit(page=phone_context.new_page(), base_url=visit.base_url)
    try:
        sign_in(phone, "lecturer")
        choose_language(phone, language)
        phone.goto(f"/trajectory/check-in/?code={code.lower()}")
        expect(phone.page.locator("#id_code")).to_have_value(code)
        phone.check_accessibility()
        assert not Attendance.objects.filter(session=session).exists()
        phone.page.locator("main form button[type=submit]").click()
        phone.page.wait_for_url("**/trajectory/")
        expect(phone.page.locator(".message--success").first).to_be_visible()
    finally:
        phone_context.close()
    assert Attendance.objects.get(session=session, enrolment=enrolment).checked_in

    visit.page.reload()
    expect(visit.page.locator(".checkin-screen__count")).to_contain_text("1")
