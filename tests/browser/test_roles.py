"""Each role signs in through the real login form and reaches its home, in English
and Dutch, with zero axe-core violations and no CSP violation on any page."""

from __future__ import annotations

from typing import Any

import pytest

from lms.accounts.demo import DEMO_PASSWORD
from tests.browser.conftest import Visit

# Serialized rollback keeps what migrations created (Wagtail's root page, locale,
# collection) across the flush that ends every transactional test.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROLE_HOMES = {
    # username: (heading text on the dashboard, panel only that role sees)
    "lecturer": ("Your trajectory", "Je traject"),
    "coach": ("Your cohorts", "Je cohorten"),
    "coordinator": (
        "People of the Faculty of Arts",
        "Mensen van de Faculteit der Letteren",
    ),
    "admin": ("Programme administration", "Programmabeheer"),
    "assessor": ("Portfolios to assess", "Te beoordelen portfolio's"),
}


def sign_in(visit: Visit, username: str) -> None:
    visit.goto("/accounts/login/")
    visit.check_accessibility()
    visit.page.locator("input[name=username]").fill(username)
    visit.page.locator("input[name=password]").fill(DEMO_PASSWORD)
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_url("**/dashboard/")


def choose_language(visit: Visit, language: str) -> None:
    visit.page.select_option("#language-select", language)
    visit.page.locator(".language-switch button").click()
    visit.page.wait_for_load_state()
    assert visit.page.locator("html").get_attribute("lang") == language


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("username", list(ROLE_HOMES))
def test_role_signs_in_and_reaches_home(
    visit: Visit, demo_data: Any, username: str, language: str
) -> None:
    visit.goto("/")
    choose_language(visit, language)
    visit.check_accessibility()

    sign_in(visit, username)
    # Demo people have a preferred language; switching on the dashboard keeps
    # the person's choice for the rest of the visit.
    choose_language(visit, language)
    heading = ROLE_HOMES[username][0 if language == "en" else 1]
    assert visit.page.get_by_role("heading", name=heading).is_visible()
    visit.check_accessibility()

    visit.goto("/accounts/profile/")
    assert visit.page.locator("html").get_attribute("lang") == language
    visit.check_accessibility()

    visit.goto("/")
    visit.check_accessibility()

    visit.page.locator("header .inline-form button").click()
    visit.page.wait_for_load_state()
    visit.check_accessibility()


def test_programme_admin_reaches_wagtail_admin(visit: Visit, demo_data: Any) -> None:
    sign_in(visit, "admin")
    visit.page.locator("main a[href='/admin/']").click()
    visit.page.wait_for_url("**/admin/")
    # Wagtail's dashboard, not a login page.
    assert visit.page.locator("#wagtail-sidebar, [data-wagtail-sidebar]").count() >= 1
    assert "/login" not in visit.page.url


def test_lecturer_cannot_open_wagtail_admin(visit: Visit, demo_data: Any) -> None:
    sign_in(visit, "lecturer")
    visit.goto("/admin/")
    assert "/accounts/login/" in visit.page.url
    assert visit.page.locator("#wagtail-sidebar, [data-wagtail-sidebar]").count() == 0
    assert visit.page.get_by_text("You are signed in as lecturer").count() == 1 or (
        visit.page.get_by_text("Je bent ingelogd als lecturer").count() == 1
    )
    visit.check_accessibility()


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(
    "path", ["/", "/accounts/login/", "/accounts/password/reset/", "/no-such-page/"]
)
def test_public_pages_are_accessible(
    visit: Visit, demo_data: Any, path: str, language: str
) -> None:
    visit.goto("/")
    choose_language(visit, language)
    visit.goto(path)
    visit.check_accessibility()


def test_login_errors_are_announced_and_accessible(
    visit: Visit, demo_data: Any
) -> None:
    visit.goto("/accounts/login/")
    visit.page.locator("input[name=username]").fill("lecturer")
    visit.page.locator("input[name=password]").fill("wrong password")
    visit.page.locator("main button[type=submit]").click()
    visit.page.wait_for_load_state()
    assert visit.page.get_by_role("alert").is_visible()
    visit.check_accessibility()
