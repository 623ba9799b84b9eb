"""Notifications in a real browser: the header badge, the list, opening one,
marking all read and the e-mail settings — axe-clean in English and Dutch."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from lms.notifications.models import Notification, NotificationPreference
from lms.notifications.services import notify
from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_lecturer_reads_notifications_and_chooses_a_weekly_digest(
    visit: Visit, demo_data: Any, language: str
) -> None:
    from django.contrib.auth import get_user_model

    lecturer = get_user_model().objects.get(username="lecturer")
    # The demo also announced the coach's summary of session 1; this test is
    # about one notification the demo gave (feedback) and one it adds.
    Notification.objects.filter(recipient=lecturer, kind="session-summary").delete()
    # The demo's coach gave feedback already; one more with a link.
    notify(
        recipient=lecturer,
        kind="status",
        title="Session 3 moved to room 2.14",
        body="Same time, other room.",
        url="/trajectory/",
    )
    unread = Notification.objects.filter(recipient=lecturer, read_at=None).count()
    assert unread == 2

    sign_in(visit, "lecturer")
    choose_language(visit, language)
    badge = visit.page.locator(".notifications-link")
    expect(badge).to_be_visible()
    expect(badge.locator(".visually-hidden")).to_have_count(1)
    if language == "en":
        expect(badge).to_contain_text("(2 unread notifications)")
    visit.check_accessibility()

    badge.click()
    visit.page.wait_for_url("**/notifications/")
    items = visit.page.locator("main li.notification")
    expect(items).to_have_count(2)
    expect(visit.page.locator("main li.notification--unread")).to_have_count(2)
    visit.check_accessibility()

    with visit.page.expect_navigation(url="**/trajectory/"):
        visit.page.get_by_role("button", name="Session 3 moved to room 2.14").click()
    visit.check_accessibility()
    assert Notification.objects.get(title__startswith="Session 3").read_at is not None

    visit.goto("/notifications/")
    expect(visit.page.locator("main li.notification--unread")).to_have_count(1)
    if language == "en":
        expect(badge).to_contain_text("(1 unread notification)")
        with visit.page.expect_navigation():
            visit.page.get_by_role("button", name="Mark all as read").click()
        expect(visit.page.locator(".message--success")).to_contain_text(
            "1 notification marked as read."
        )
        expect(visit.page.locator("main li.notification--unread")).to_have_count(0)
        expect(badge.locator(".notifications-count")).to_have_count(0)
        visit.check_accessibility()

    visit.goto("/notifications/preferences/")
    expect(visit.page.locator("input[name=digest][value=daily]")).to_be_checked()
    visit.check_accessibility()
    visit.page.locator("input[name=digest][value=weekly]").check()
    with visit.page.expect_navigation():
        visit.page.locator("main form button[type=submit]").click()
    expect(visit.page.locator(".message--success")).to_be_visible()
    expect(visit.page.locator("input[name=digest][value=weekly]")).to_be_checked()
    visit.check_accessibility()
    assert NotificationPreference.objects.get(user=lecturer).digest == "weekly"


def test_a_refused_preference_is_explained_accessibly(
    visit: Visit, demo_data: Any
) -> None:
    sign_in(visit, "coach")
    choose_language(visit, "en")
    visit.goto("/notifications/preferences/")
    # A tampered form: a value the page never offered.
    visit.page.evaluate(
        "document.querySelector('input[name=digest][value=off]').value = 'hourly'"
    )
    visit.page.locator("input[name=digest][value=hourly]").check()
    with visit.page.expect_navigation():
        visit.page.locator("main form button[type=submit]").click()
    expect(visit.page.locator(".error-summary")).to_contain_text("There is a problem")
    visit.check_accessibility()
    assert not NotificationPreference.objects.filter(user__username="coach").exists()
