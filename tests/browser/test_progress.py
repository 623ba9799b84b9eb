"""Trajectory progress in a real browser: the lecturer's progress and what remains,
a locked assignment, the coach's progress table and "gone quiet" list; axe-clean."""

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


def test_progress_for_lecturer_and_coach(visit: Visit, demo_data: Any) -> None:
    cohort = Cohort.objects.get(
        enrolments__user__username="lecturer"
    )  # not the holder's of last year
    sign_in(visit, "lecturer")
    visit.goto("/trajectory/")
    progress = visit.page.locator("[data-progress]")
    expect(progress.locator("progress")).to_be_visible()
    expect(progress).to_contain_text("of what the trajectory asks is done")
    expect(progress.get_by_role("heading", name="What remains")).to_be_visible()
    expect(progress.locator(".remaining-list li").first).to_be_visible()
    visit.check_accessibility()
    # The assignment in what remains leads to its page.
    progress.locator(".remaining-list a[href*='/assignments/']").first.click()
    visit.page.wait_for_load_state()
    expect(visit.page.locator("main h1")).to_be_visible()
    visit.check_accessibility()

    visit.page.context.clear_cookies()
    sign_in(visit, "coach")
    visit.goto(f"/coach/cohorts/{cohort.pk}/")
    choose_language(visit, "en")  # the demo coach reads Dutch
    table = visit.page.locator("[data-progress-table]")
    expect(table.locator("tbody tr").first).to_be_visible()
    expect(table.locator("progress").first).to_have_attribute(
        "aria-label", "Progress of Noor El Amrani"
    )
    expect(visit.page.get_by_role("heading", name="Gone quiet")).to_be_visible()
    visit.check_accessibility()
