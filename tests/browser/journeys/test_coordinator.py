"""The faculty coordinator's review and curation, as one story through the site:
a practice waits for their review; they read its preview and approve it; the
programme team previews it in Wagtail's workflow preview and publishes it; the
coordinator curates a collection for an education meeting and prints it (the
shared view and the PDF handout contain the practice). Every page is axe-clean;
the collection's forms are reopened after saving and show what was typed."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from lms.accounts.roles import Role
from practices_db import services as practice_services
from practices_db.models import PracticeCollection, PracticePage
from practices_db.selectors import Status, status_of
from tests.browser.conftest import Visit
from tests.browser.journeys.people import (
    assert_no_raw_html,
    click,
    follow_menu,
    other_browser,
    sign_in,
)
from tests.certification.pdf_text import pdf_text
from tests.factories import FacultyFactory, person
from tests.practices_db.factories import make_practice

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Glossary built with students"


@pytest.fixture
def review_world(
    django_db_serialized_rollback: Any, transactional_db: Any
) -> dict[str, Any]:
    faculty = FacultyFactory(code="arts", name_en="Faculty of Arts")
    lecturer = person(Role.LECTURER, username="j-lecturer", faculty=faculty)
    practice = make_practice(
        lecturer,
        faculty,
        publish=False,
        title=TITLE,
        summary="Students co-wrote the course glossary.",
        body="<p>We rewrote the glossary with <strong>every student</strong>.</p>",
    )
    practice_services.submit_practice(actor=lecturer, page=practice)
    return {
        "practice": practice,
        "coordinator": person(
            Role.FACULTY_COORDINATOR, username="j-coordinator", faculty=faculty
        ),
        "admin": person(Role.PROGRAMME_ADMIN, username="j-admin", faculty=faculty),
    }


def test_the_coordinator_reviews_then_curates_and_prints_a_collection(
    visit: Visit, browser: Browser, review_world: dict[str, Any]
) -> None:
    practice: PracticePage = review_world["practice"]
    page = visit.page
    sign_in(visit, review_world["coordinator"])
    visit.check_accessibility()

    # --- The review: the dashboard says it waits; the preview shows it. ---
    panel = page.locator("[data-reviews-panel]")
    expect(panel).to_contain_text("1 practice waits for your review.")
    click(visit, panel.get_by_role("link", name="All practice reviews"))
    visit.check_accessibility()
    click(visit, page.locator("main table a", has_text=TITLE))
    preview = page.locator(".preview")
    expect(preview).to_contain_text("We rewrote the glossary with every student.")
    expect(preview.locator("strong")).to_have_text("every student")
    assert_no_raw_html(preview)
    expect(page.locator("main")).to_contain_text("Shared by")
    visit.check_accessibility()
    page.locator("input[name=action][value=approve]").check()
    page.locator("#id_comment").fill("Clear and useful for first-year teaching.")
    click(visit, page.locator("main form button[type=submit]"))
    expect(page.locator("h1")).to_have_text("Practice reviews")
    expect(page.locator("main")).to_contain_text("Nothing is waiting for your review")
    visit.check_accessibility()

    # --- The programme team previews it in Wagtail and publishes it. ---
    with other_browser(browser, visit.base_url) as team:
        sign_in(team, review_world["admin"], check=False)
        follow_menu(team, "Authoring (Wagtail)")
        # "Awaiting your review": the row's Actions menu holds the preview.
        row = team.page.locator("tr", has_text=TITLE).first
        row.get_by_role("button", name="Actions").click()
        link = row.locator("a[href*='/admin/pages/workflow/preview/']")
        expect(link).to_be_visible()
        with team.page.context.expect_page() as opened:
            link.click()  # Wagtail opens the preview in a new tab
        preview_page = opened.value
        preview_page.wait_for_load_state()
        body = preview_page.locator("body")
        expect(body).to_contain_text("Preview: this version is not published.")
        expect(body).to_contain_text(TITLE)
        expect(
            preview_page.locator("main strong", has_text="every student")
        ).to_be_visible()
        assert_no_raw_html(preview_page.locator("main"))
        Visit(page=preview_page, base_url=visit.base_url).check_accessibility()
        preview_page.close()

        team.page.go_back()  # from Wagtail back to the dashboard
        follow_menu(team, "Practice reviews")
        click(team, team.page.locator("main table a", has_text=TITLE))
        history = team.page.locator("main")
        expect(history).to_contain_text("Clear and useful for first-year teaching.")
        team.page.locator("input[name=action][value=approve]").check()
        click(team, team.page.locator("main form button[type=submit]"))
    practice.refresh_from_db()
    assert status_of(practice).code == Status.PUBLISHED and practice.live

    # --- A collection for the education meeting. ---
    follow_menu(visit, "Collections")
    visit.check_accessibility()
    page.locator("#id_title").fill("Arts education meeting, March")
    page.locator("#id_description").fill("Practices to discuss.\nBring a laptop.")
    click(visit, page.get_by_role("button", name="Create collection"))
    page.wait_for_url("**/practices/collections/*/")
    expect(page.locator("#id_title")).to_have_value("Arts education meeting, March")
    expect(page.locator("#id_description")).to_have_value(
        "Practices to discuss.\nBring a laptop."
    )
    visit.check_accessibility()

    follow_menu(visit, "Inspiring practices")
    click(visit, page.locator(".result__title a", has_text=TITLE))
    visit.check_accessibility()
    page.locator("form:has(button:text('Add to collection')) [name=note]").fill(
        "Discuss in round 2"
    )
    click(visit, page.get_by_role("button", name="Add to collection"))
    expect(page.locator(".message--success").first).to_be_visible()
    visit.check_accessibility()

    follow_menu(visit, "Collections")
    click(visit, page.get_by_role("link", name="Arts education meeting, March"))
    items = page.locator(".collection-items")
    expect(items).to_contain_text(TITLE)
    expect(items.locator("[name$=note]")).to_have_value("Discuss in round 2")
    items.locator("[name$=note]").fill("Discuss in round 2, with the students' quotes")
    click(visit, items.get_by_role("button", name="Save note"))
    expect(page.locator(".collection-items [name$=note]")).to_have_value(
        "Discuss in round 2, with the students' quotes"
    )
    page.locator("#id_description").fill("Practices to discuss.")
    click(visit, page.get_by_role("button", name="Save", exact=True))
    collection = PracticeCollection.objects.get()
    assert collection.description == "Practices to discuss."
    expect(page.locator("#id_description")).to_have_value("Practices to discuss.")
    visit.check_accessibility()

    # --- Print it: the shared view and the PDF handout hold the practice. ---
    click(visit, page.get_by_role("link", name="Open the shared view"))
    handout = page.locator(".handout")
    expect(handout).to_contain_text(TITLE)
    expect(handout.locator(".note")).to_contain_text("with the students' quotes")
    visit.check_accessibility()
    pdf_link = page.locator("a", has_text="Download as PDF handout")
    response = page.request.get(visit.base_url + str(pdf_link.get_attribute("href")))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    text = pdf_text(response.body())
    assert TITLE in text
    assert "with the students' quotes" in text
