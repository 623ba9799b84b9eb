"""The site header: the main menu in one row at 1280 px for every demo role, in
English and Dutch; behind a Menu button on a phone and at 200% zoom."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROLES = ("lecturer", "coach", "coordinator", "admin", "assessor", "holder")


def _link_rows(visit: Visit) -> int:
    tops = visit.page.locator(".main-nav a").evaluate_all(
        "links => links.map(a => Math.round(a.getBoundingClientRect().top))"
    )
    return len(set(tops))


def _sign_out(visit: Visit) -> None:
    visit.page.locator(".site-header form[action$='/logout/'] button").click()
    visit.page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_menu_fits_one_row_at_1280_px_for_every_role(
    visit: Visit, demo_data: Any, language: str
) -> None:
    visit.page.set_viewport_size({"width": 1280, "height": 800})
    for username in ROLES:
        sign_in(visit, username)
        choose_language(visit, language)
        expect(visit.page.locator(".menu-toggle")).to_be_hidden()
        links = visit.page.locator(".main-nav a")
        expect(links.first).to_be_visible()
        assert _link_rows(visit) == 1, (username, links.all_inner_texts())
        visit.check_accessibility()
        _sign_out(visit)


@pytest.mark.parametrize("width", [390, 640])  # a phone; 1280 px at 200% zoom
def test_on_narrow_screens_the_menu_opens_from_a_button(
    visit: Visit, demo_data: Any, width: int
) -> None:
    visit.page.set_viewport_size({"width": width, "height": 800})
    sign_in(visit, "admin")
    choose_language(visit, "nl")
    toggle = visit.page.locator(".menu-toggle")
    nav_list = visit.page.locator("#main-menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(nav_list).to_be_hidden()
    visit.check_accessibility()
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(nav_list).to_be_visible()
    visit.check_accessibility()
    # Escape closes it and gives focus back to the button.
    visit.page.keyboard.press("Escape")
    expect(nav_list).to_be_hidden()
    expect(toggle).to_be_focused()
    # The header itself stays compact: brand and tools, no wall of links.
    height = visit.page.locator(".site-header").evaluate(
        "h => h.getBoundingClientRect().height"
    )
    assert height < 200, height


def test_without_javascript_the_menu_is_simply_there(
    browser: Any, live_server: Any, demo_data: Any
) -> None:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 390, "height": 800}
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/practices/")
        expect(page.locator(".menu-toggle")).to_be_hidden()
        expect(page.locator("#main-menu a").first).to_be_visible()
    finally:
        context.close()
