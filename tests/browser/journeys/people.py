"""What every journey does: sign in through the login form as a person the test
factories made, follow the main menu, open a second browser for another person,
and reopen an edit form to check that what was typed comes back unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, Locator, expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language
from tests.factories import PASSWORD


def sign_in(
    visit: Visit, user: Any, *, check: bool = True, language: str = "en"
) -> None:
    """The real login form (in `language`), then the dashboard: the only address
    a journey types."""
    visit.goto("/accounts/login/")
    if language != "en":
        choose_language(visit, language)
    if check:
        visit.check_accessibility()
    visit.page.locator("input[name=username]").fill(user.get_username())
    visit.page.locator("input[name=password]").fill(PASSWORD)
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_url("**/dashboard/")
    if visit.page.locator("html").get_attribute("lang") != language:
        choose_language(visit, language)


def follow_menu(visit: Visit, label: str) -> None:
    """Click an entry of the main menu (opening it first on a narrow screen), by
    its label, or by its address when `label` starts with "/" (any language)."""
    toggle = visit.page.locator(".menu-toggle")
    if toggle.is_visible():
        toggle.click()
    if label.startswith("/"):
        link = visit.page.locator(f".main-nav a[href='{label}']")
    else:
        link = visit.page.locator(".main-nav a", has_text=label)
    link.first.click()
    visit.page.wait_for_load_state()
    assert_no_server_error(visit)


def click(visit: Visit, locator: Locator) -> None:
    """Follow a link or press a button that loads a new page, and check it."""
    locator.click()
    visit.page.wait_for_load_state()
    assert_no_server_error(visit)


def assert_no_server_error(visit: Visit) -> None:
    text = visit.page.locator("body").inner_text()
    assert "Server Error" not in text and "Serverfout" not in text, visit.page.url


def assert_no_raw_html(locator: Locator) -> None:
    """Text a person reads never shows markup as characters."""
    for tag in ("<p>", "</p>", "<ul>", "<li>", "<strong>", "<br>", "&lt;"):
        expect(locator).not_to_contain_text(tag)


@contextmanager
def other_browser(
    browser: Browser, base_url: str, *, locale: str = "en-GB", **options: Any
) -> Iterator[Visit]:
    """Another person's browser (its own cookies), closed afterwards."""
    context = browser.new_context(locale=locale, **options)
    try:
        yield Visit(page=context.new_page(), base_url=base_url)
    finally:
        context.close()
