"""Trajectory pages in a real browser: axe-clean in English and Dutch."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in
from trajectories.models import Cohort

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_lecturer_and_coach_pages(visit: Visit, demo_data: Any, language: str) -> None:
    cohort = Cohort.objects.select_related("programme").get()
    sign_in(visit, "lecturer")
    choose_language(visit, language)
    visit.goto(cohort.programme.url)
    visit.check_accessibility()
    visit.goto("/trajectory/")
    expect(visit.page.locator("main table")).to_be_visible()
    visit.check_accessibility()
    visit.page.locator("#id_code").fill("NOPE12")
    visit.page.locator("main form button[type=submit]").first.click()
    expect(visit.page.locator(".message--error")).to_be_visible()
    visit.check_accessibility()

    visit.page.context.clear_cookies()
    sign_in(visit, "coach")
    choose_language(visit, language)
    visit.goto("/coach/")
    visit.check_accessibility()
    visit.goto(f"/coach/cohorts/{cohort.pk}/")
    visit.page.locator("details summary").first.click()
    visit.check_accessibility()
