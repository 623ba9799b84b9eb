"""The practices database in a real browser: every page axe-clean, in both
languages, with and without JavaScript, through the journeys people make."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from practices_db.models import PracticePage
from practices_db.selectors import Status, status_of
from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_anyone_searches_filters_and_reads_a_practice(
    visit: Visit, demo_data: Any, language: str
) -> None:
    visit.goto("/practices/")
    choose_language(visit, language)
    visit.check_accessibility()
    total = visit.page.locator("#results-count").inner_text()

    # A facet narrows the results in place (JavaScript) and the URL follows.
    visit.page.locator(".facet__value").first.click()
    expect(visit.page.locator(".active-filters")).to_be_visible()
    assert "?" in visit.page.url
    assert visit.page.locator("#results-count").inner_text() != total
    visit.check_accessibility()

    visit.page.locator("#practice-q").fill("feedback")
    visit.page.locator(".search-form button[type=submit]").click()
    visit.page.wait_for_load_state()
    visit.check_accessibility()

    visit.page.locator(".result__title a").first.click()
    visit.page.wait_for_load_state()
    expect(visit.page.locator(".licence-badge")).to_be_visible()
    visit.check_accessibility()


def test_search_works_without_javascript(
    browser: Any, live_server: Any, demo_data: Any
) -> None:
    context = browser.new_context(java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/practices/?q=taal")
    first = page.locator(".facet__value").first
    first.click()
    page.wait_for_load_state()
    assert page.locator(".active-filters").count() == 1
    context.close()


def test_misspelt_search_is_corrected_and_empty_search_helps(
    visit: Visit, demo_data: Any
) -> None:
    visit.goto("/practices/?q=feedbak")
    expect(visit.page.locator(".search-results")).to_contain_text("Showing results for")
    visit.check_accessibility()
    visit.goto("/practices/?q=zzzzqqqq")
    expect(visit.page.locator(".empty-state")).to_be_visible()
    visit.check_accessibility()


def test_lecturer_shares_and_the_faculty_then_the_programme_team_review(
    visit: Visit, demo_data: Any
) -> None:
    sign_in(visit, "lecturer")
    visit.goto("/practices/share/")
    visit.check_accessibility()
    visit.page.locator("main button[name=submit]").click()  # empty: errors
    expect(visit.page.locator(".error-summary")).to_be_visible()
    visit.check_accessibility()

    visit.page.locator("#id_title").fill("Glossary built with students")
    visit.page.locator("#id_summary").fill("Students co-wrote the glossary.")
    visit.page.locator("#id_body_editor").fill("We built it together.\n\nIt helped.")
    visit.page.locator("main button[name=submit]").click()
    visit.page.wait_for_url("**/practices/mine/*/")
    visit.check_accessibility()
    visit.goto("/practices/mine/")
    visit.check_accessibility()
    page = PracticePage.objects.get(title="Glossary built with students")
    assert status_of(page).code == Status.IN_REVIEW

    visit.page.context.clear_cookies()
    sign_in(visit, "coordinator")
    visit.goto("/practices/reviews/")
    visit.check_accessibility()
    visit.page.locator(f"a[href='/practices/reviews/{page.pk}/']").click()
    visit.check_accessibility()
    visit.page.locator("input[name=action][value=approve]").first.check()
    visit.page.locator("main form button[type=submit]").click()
    visit.page.wait_for_url("**/practices/reviews/")

    visit.page.context.clear_cookies()
    sign_in(visit, "admin")
    visit.goto(f"/practices/reviews/{page.pk}/")
    visit.page.locator("input[name=action][value=approve]").first.check()
    visit.page.locator("main form button[type=submit]").click()
    visit.page.wait_for_url("**/practices/reviews/")
    page.refresh_from_db()
    assert page.live
    visit.goto(page.url)
    visit.check_accessibility()


def test_coordinator_curates_a_collection_for_a_meeting(
    visit: Visit, demo_data: Any
) -> None:
    sign_in(visit, "coordinator")
    visit.goto("/practices/collections/")
    visit.check_accessibility()
    visit.page.locator("#id_title").fill("Arts education meeting, March")
    visit.page.locator("main form button[type=submit]").click()
    visit.page.wait_for_url("**/practices/collections/*/")
    visit.check_accessibility()

    practice = PracticePage.objects.live().first()
    visit.goto(practice.url)
    visit.check_accessibility()
    visit.page.locator("#id_note").last.fill("Discuss in round 2")
    visit.page.get_by_role("button", name="Add to collection").click()
    visit.page.wait_for_load_state()
    visit.goto("/practices/collections/")
    visit.page.get_by_role("link", name="Arts education meeting, March").click()
    expect(visit.page.locator(".collection-items")).to_contain_text(practice.title)
    visit.check_accessibility()
    visit.page.get_by_role("link", name="Open the shared view").click()
    expect(visit.page.locator(".note")).to_contain_text("Discuss in round 2")
    visit.check_accessibility()
