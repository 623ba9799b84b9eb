"""The insight dashboards in a real browser, in both languages: axe-clean with
every chart, table and filter; the filters end up in the URL."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_programme_team_filters_the_dashboard(
    visit: Visit, demo_data: Any, language: str
) -> None:
    sign_in(visit, "admin")
    choose_language(visit, language)
    visit.goto("/insight/")
    visit.check_accessibility()
    assert visit.page.locator("figure.chart-figure svg").count() >= 5
    first_programme = visit.page.locator("#filter-programme option").nth(1)
    visit.page.select_option(
        "#filter-programme", first_programme.get_attribute("value")
    )
    visit.page.locator("form[data-insight-filters] button[type=submit]").click()
    visit.page.wait_for_load_state()
    assert "programme=" in visit.page.url
    visit.check_accessibility()
    # Every chart's table alternative opens and stays accessible.
    for summary in visit.page.locator("details.chart-data summary").all():
        summary.click()
    visit.check_accessibility()


def test_a_coordinator_sees_their_faculty(visit: Visit, demo_data: Any) -> None:
    sign_in(visit, "coordinator")
    visit.page.get_by_role("link", name="Faculty insight").click()
    visit.page.wait_for_url("**/insight/faculty/")
    visit.check_accessibility()
    assert visit.page.locator("#filter-faculty").count() == 0
    assert visit.page.locator("[data-reviews-waiting]").count() == 1
