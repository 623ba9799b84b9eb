"""Session evaluations in a real browser: the lecturer answers from the trajectory
page, the coach reads the results (chart and table); every page axe-clean."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in
from trajectories.models import CohortSession, Enrolment, EvaluationResponse

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_lecturer_evaluates_and_the_coach_reads_the_results(
    visit: Visit, demo_data: Any, language: str
) -> None:
    enrolment = Enrolment.objects.select_related("cohort").get(
        user__username="lecturer"
    )
    cohort = enrolment.cohort
    # Session 3 (which the lecturer attended and three others evaluated) ended
    # two hours ago: its evaluation is open.
    third = cohort.sessions.get(number=3)
    ends = timezone.now() - timedelta(hours=2)
    CohortSession.objects.filter(pk=third.pk).update(
        starts_at=ends - timedelta(hours=3), ends_at=ends
    )
    before = EvaluationResponse.objects.count()

    sign_in(visit, "lecturer")
    choose_language(visit, language)
    visit.goto("/trajectory/")
    panel = visit.page.locator("[data-evaluations]")
    expect(panel).to_be_visible()
    visit.check_accessibility()
    panel.locator(f"a[href='/trajectory/evaluations/{third.pk}/']").click()
    visit.page.wait_for_url(f"**/trajectory/evaluations/{third.pk}/")
    expect(visit.page.locator("[data-anonymity]")).to_be_visible()
    visit.check_accessibility()

    # Sending without the required statement: the error names it, text is kept.
    textarea = visit.page.locator("main form textarea")
    textarea.fill("More <b>time</b> for the case studies.")
    visit.page.locator("main form button[type=submit]").click()
    expect(visit.page.locator(".error-summary")).to_be_visible()
    expect(textarea).to_have_value("More <b>time</b> for the case studies.")
    visit.check_accessibility()

    fieldsets = visit.page.locator("main form fieldset")
    fieldsets.nth(0).locator("input[type=radio]").nth(3).check()  # 4
    fieldsets.nth(1).locator("input[type=radio]").nth(4).check()  # 5
    visit.page.locator("main form button[type=submit]").click()
    expect(visit.page.locator("[data-received]")).to_be_visible()
    visit.check_accessibility()
    assert EvaluationResponse.objects.count() == before + 1

    visit.page.context.clear_cookies()
    sign_in(visit, "coach")
    choose_language(visit, language)
    visit.goto(f"/coach/cohorts/{cohort.pk}/")
    visit.page.locator("[data-evaluations-link]").click()
    visit.page.wait_for_url(f"**/coach/cohorts/{cohort.pk}/evaluations/")
    expect(visit.page.locator("[data-sessions-table]")).to_be_visible()
    expect(visit.page.locator("svg.chart").first).to_be_visible()
    visit.check_accessibility()

    first = cohort.sessions.get(number=1)
    visit.goto(f"/coach/sessions/{first.pk}/evaluation/")
    expect(visit.page.locator("[data-results-table]")).to_be_visible()
    visit.page.locator("details.chart-data summary").first.click()
    expect(visit.page.locator("details.chart-data table").first).to_be_visible()
    expect(visit.page.locator("[data-texts]")).to_be_visible()
    visit.check_accessibility()

    # Session 3 now has four answers: below the minimum of five.
    visit.goto(f"/coach/sessions/{third.pk}/evaluation/")
    expect(visit.page.locator("[data-suppressed]")).to_be_visible()
    expect(visit.page.locator("svg.chart")).to_have_count(0)
    visit.check_accessibility()


def test_the_programme_team_reads_the_programme_summary(
    visit: Visit, demo_data: Any
) -> None:
    cohort = (
        Enrolment.objects.select_related("cohort").get(user__username="lecturer").cohort
    )
    sign_in(visit, "admin")
    choose_language(visit, "en")
    visit.goto(f"/coach/programmes/{cohort.programme_id}/evaluations/")
    expect(visit.page.locator("[data-cohorts-table]")).to_be_visible()
    expect(visit.page.locator("svg.chart").first).to_be_visible()
    visit.check_accessibility()
    visit.page.locator("[data-cohorts-table] a").first.click()
    visit.page.wait_for_url("**/evaluations/")
    expect(visit.page.locator("[data-sessions-table]")).to_be_visible()
    visit.check_accessibility()
