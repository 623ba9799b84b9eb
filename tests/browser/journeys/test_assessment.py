"""The programme admin and the assessor, as one story through the site: the
admin allocates two assessors to a submitted portfolio; the first scores; the
second opens the portfolio and scores it blind (the first assessor's scores and
comment stay hidden until they have submitted); the admin confirms the decision.
Every page is axe-clean; what was entered shows back after saving."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from certification.models import Assessment, Decision, Portfolio
from tests.browser.conftest import Visit
from tests.browser.journeys.people import (
    click,
    follow_menu,
    other_browser,
    sign_in,
)
from tests.certification.factories import World, assess, make_world
from tests.factories import FacultyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FIRST_COMMENT = (
    "Judgement at level 2"  # what tests.certification.factories.assess writes
)


@pytest.fixture
def submitted(django_db_serialized_rollback: Any, transactional_db: Any) -> World:
    world = make_world(FacultyFactory(code="arts", name_en="Faculty of Arts"))
    for user, (first, last) in (
        (world.lecturer, ("Noor", "Visser")),
        (world.coach, ("Joost", "Meer")),
        (world.assessor, ("Sanne", "Bakker")),
        (world.admin, ("Eva", "Jansen")),
    ):
        user.first_name, user.last_name = first, last
        user.save(update_fields=["first_name", "last_name"])
    world.submit()
    return world


def test_the_admin_allocates_an_assessor_scores_blind_and_the_admin_confirms(
    visit: Visit, browser: Browser, submitted: World
) -> None:
    world = submitted
    page = visit.page
    sign_in(visit, world.admin)
    visit.check_accessibility()

    # --- Allocation. ---
    follow_menu(visit, "Portfolios")
    visit.check_accessibility()
    click(visit, page.locator("main table a", has_text="Noor Visser"))
    expect(page.locator("h1")).to_contain_text("Noor Visser")
    visit.check_accessibility()
    page.locator("#id_first").select_option(str(world.coach.pk))
    page.locator("#id_second").select_option(str(world.assessor.pk))
    click(visit, page.get_by_role("button", name="Allocate"))
    expect(page.locator(".message--success")).to_contain_text("Assessors allocated")
    assessors = page.locator("section[aria-labelledby=assessors-title]")
    expect(assessors).to_contain_text("Joost Meer")
    expect(assessors).to_contain_text("Sanne Bakker")
    expect(assessors).to_contain_text("Scores stay hidden until both assessors")
    visit.check_accessibility()

    first, second = (
        Assessment.objects.get(assessor=world.coach),
        Assessment.objects.get(assessor=world.assessor),
    )
    assess(first, world.coach, 2)  # the cohort's coach scores first

    # --- The second assessor scores blind. ---
    with other_browser(browser, visit.base_url) as desk:
        sign_in(desk, world.assessor)
        badge = desk.page.locator(".notifications-count")
        expect(badge).to_have_text("1")  # "waiting for your assessment"
        follow_menu(desk, "Assessments")
        desk.check_accessibility()
        click(desk, desk.page.locator("main table a", has_text="Noor Visser"))
        main = desk.page.locator("main")
        expect(main).to_contain_text("You do not see the other assessor's scores")
        expect(main).not_to_contain_text(FIRST_COMMENT)
        # The audit trail says that the first assessor submitted, never how.
        audit = desk.page.locator("section[aria-labelledby=audit-title]")
        expect(audit).to_contain_text("Assessment submitted")
        for hidden in ("Pass", "pass", "outcome", "points", "Good"):
            expect(audit).not_to_contain_text(hidden)
        expect(desk.page.locator("#others-title")).to_have_count(0)
        desk.check_accessibility()

        # An empty form is refused with the reasons, nothing is lost.
        desk.page.locator("#id_comment").fill("Clear evidence for every criterion.")
        click(desk, desk.page.get_by_role("button", name="Submit my assessment"))
        expect(desk.page.locator(".error-summary")).to_be_visible()
        expect(desk.page.locator("#id_comment")).to_have_value(
            "Clear evidence for every criterion."
        )
        desk.check_accessibility()
        for fieldset in desk.page.locator("form .criterion fieldset").all():
            fieldset.locator("input[type=radio]").nth(2).check()
        note = desk.page.locator("form .criterion textarea").first
        note.fill("Strong syllabus revision.")
        click(desk, desk.page.get_by_role("button", name="Submit my assessment"))
        expect(desk.page.locator(".message--success")).to_contain_text("submitted")
        expect(badge).to_have_count(0)  # the request is done, not left unread
        own = desk.page.locator("section[aria-labelledby=scoring-title]")
        expect(own).to_contain_text("Good (3) — Strong syllabus revision.")
        expect(own).to_contain_text("Clear evidence for every criterion.")
        # Both have submitted: now the first assessor's judgement shows.
        expect(desk.page.locator("#others-title")).to_be_visible()
        expect(main).to_contain_text(FIRST_COMMENT)
        desk.check_accessibility()
    second.refresh_from_db()
    assert second.outcome == "pass"
    assert second.comment == "Clear evidence for every criterion."

    # --- The admin confirms the decision. ---
    page.reload()
    expect(assessors).to_contain_text("Outcome of the assessors:")
    expect(assessors).to_contain_text(FIRST_COMMENT)
    visit.check_accessibility()
    page.locator("input[name=outcome][value=award]").check()
    page.locator("#id_feedback").fill("Well done: a model for your faculty.")
    click(visit, page.get_by_role("button", name="Confirm the decision"))
    expect(page.locator(".message--success").first).to_be_visible()
    decision = Decision.objects.get()
    assert decision.outcome == "award"
    assert decision.feedback == "Well done: a model for your faculty."
    expect(page.locator("main")).to_contain_text("Well done: a model for your faculty.")
    expect(page.get_by_role("button", name="Confirm the decision")).to_have_count(0)
    visit.check_accessibility()
    assert Portfolio.objects.get(pk=world.portfolio.pk).status == "awarded"
