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
    cohort = Cohort.objects.select_related("programme").get(
        enrolments__user__username="lecturer"
    )
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


def test_journal_autosaves_and_shares(visit: Visit, demo_data: Any) -> None:
    from trajectories.models import Enrolment, JournalEntry

    enrolment = Enrolment.objects.get(user__username="lecturer")
    sign_in(visit, "lecturer")
    visit.goto(f"/trajectory/{enrolment.pk}/journal/")
    visit.check_accessibility()
    visit.goto(f"/trajectory/{enrolment.pk}/journal/new/")
    visit.check_accessibility()
    visit.page.locator("#id_title").fill("Autosaved thoughts")
    visit.page.locator("#id_section_what_editor").fill(
        "Students asked better questions."
    )
    # No save button pressed: the autosave stores it on the server.
    expect(visit.page.locator("[data-autosave-status]")).to_contain_text(
        "Saved", timeout=15_000
    )
    entry = JournalEntry.objects.get(title="Autosaved thoughts")
    assert "better questions" in entry.sections["what"]
    visit.goto(f"/journal/{entry.pk}/")
    visit.check_accessibility()
    visit.page.locator("input[name=visibility][value=coach]").check()
    visit.page.get_by_role("button", name="Save who can read it").click()
    visit.page.wait_for_load_state()
    entry.refresh_from_db()
    assert entry.visibility == "coach"
