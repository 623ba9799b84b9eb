"""The certification pages in a real browser: the lecturer's portfolio flow, then
allocation and blind scoring, axe-clean on every page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from certification.models import Assessment, CertificationScheme, Portfolio
from tests import upload_samples as samples
from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = samples.pdf()


def _only_evidence_for_c3() -> CertificationScheme:
    """The demo scheme asks for sessions still to come; keep the flow short."""
    scheme = CertificationScheme.objects.get()
    scheme.mandatory_sessions = []
    scheme.min_attendance_percent = 0
    scheme.required_assignments = []
    scheme.min_reflections = 0
    scheme.evidence_for_every_competency = False
    scheme.save()
    return scheme


def test_lecturer_builds_and_submits_a_portfolio(
    visit: Visit, demo_data: Any, tmp_path: Path
) -> None:
    sign_in(visit, "lecturer")
    visit.goto("/certification/")
    expect(visit.page.locator("[data-missing]")).to_contain_text(
        "Link evidence to competency C1 'Awareness of student diversity'"
    )
    visit.check_accessibility()
    _only_evidence_for_c3()

    visit.page.get_by_role("link", name="Work on your portfolio").click()
    expect(visit.page.locator("h1")).to_contain_text("Work on your portfolio")
    visit.check_accessibility()

    visit.page.get_by_role("link", name="C3 Inclusive language").click()
    expect(visit.page.locator("h1")).to_have_text("C3 Inclusive language")
    visit.check_accessibility()

    # A file that is not what it claims is refused with a message.
    fake = tmp_path / "syllabus.pdf"
    fake.write_bytes(b"<html>not a pdf</html>")
    visit.page.locator("#id_upload-file").set_input_files(str(fake))
    visit.page.get_by_role("button", name="Upload", exact=True).click()
    expect(visit.page.locator(".error-summary")).to_be_visible()
    visit.check_accessibility()

    real = tmp_path / "revised-syllabus.pdf"
    real.write_bytes(PDF)
    visit.page.locator("#id_upload-file").set_input_files(str(real))
    visit.page.locator("#id_upload-note").fill("The revised first-year syllabus")
    visit.page.get_by_role("button", name="Upload", exact=True).click()
    expect(visit.page.locator(".message--success")).to_contain_text("File added")
    expect(visit.page.locator(".evidence-list")).to_contain_text("revised-syllabus.pdf")

    visit.page.locator("#id_link-item").select_option(
        label_contains(visit, "Who speaks")
    )
    visit.page.get_by_role("button", name="Link evidence").click()
    expect(visit.page.locator(".evidence-list")).to_contain_text("Who speaks")

    visit.page.locator("input[name=self-level][value=advanced]").check()
    visit.page.locator("#id_self-text").fill("My texts are plain now; students agree.")
    visit.page.get_by_role("button", name="Save self-assessment").click()
    expect(visit.page.locator(".message--success")).to_contain_text("Self-assessment")
    visit.check_accessibility()

    portfolio = Portfolio.objects.get(user__username="lecturer")
    visit.goto(f"/certification/portfolios/{portfolio.pk}/submit/")
    visit.check_accessibility()
    visit.page.get_by_role("button", name="Submit and freeze my portfolio").click()
    expect(visit.page.locator(".error-summary")).to_be_visible()  # not confirmed
    visit.check_accessibility()
    visit.page.locator("#id_confirm").check()
    visit.page.get_by_role("button", name="Submit and freeze my portfolio").click()
    expect(visit.page.locator(".message--success")).to_contain_text("frozen")
    visit.check_accessibility()
    assert Portfolio.objects.get(user__username="lecturer").status == "submitted"

    visit.page.get_by_role("link", name="Version 1", exact=False).click()
    expect(visit.page.locator("[data-self-assessment]").first).to_be_visible()
    visit.check_accessibility()
    choose_language(visit, "nl")
    visit.check_accessibility()


def label_contains(visit: Visit, text: str) -> str:
    """The full label of the option of #id_link-item that contains `text`."""
    return str(
        visit.page.locator("#id_link-item option", has_text=text).first.text_content()
    ).strip()


def test_programme_team_allocates_and_an_assessor_scores(
    visit: Visit, demo_data: Any
) -> None:
    from certification import services
    from certification.models import EvidenceLink

    _only_evidence_for_c3()
    portfolio = Portfolio.objects.get(user__username="lecturer")
    assert EvidenceLink.objects.filter(portfolio=portfolio).exists()
    services.submit_portfolio(user=portfolio.user, portfolio=portfolio)

    sign_in(visit, "admin")
    visit.goto("/certification/manage/")
    choose_language(visit, "en")  # the demo admin may read Dutch
    expect(visit.page.locator("main table")).to_contain_text("Allocate two assessors")
    visit.check_accessibility()
    visit.goto(f"/certification/manage/portfolios/{portfolio.pk}/")
    visit.check_accessibility()
    visit.page.locator("#id_first").select_option(label="Sanne Bakker (assessor)")
    visit.page.locator("#id_second").select_option(label="Joost van der Meer (coach)")
    visit.page.get_by_role("button", name="Allocate").click()
    # A refusal shows on the form that was sent (lms.forms.add_domain_error).
    expect(visit.page.locator(".error-summary")).to_contain_text(
        "coaches the candidate"
    )
    visit.check_accessibility()
    visit.page.locator("#id_first").select_option(label="Joost van der Meer (coach)")
    visit.page.locator("#id_second").select_option(label="Sanne Bakker (assessor)")
    visit.page.get_by_role("button", name="Allocate").click()
    expect(visit.page.locator(".message--success")).to_contain_text(
        "Assessors allocated"
    )
    visit.check_accessibility()

    visit.page.context.clear_cookies()
    sign_in(visit, "assessor")
    visit.goto("/certification/assessments/")
    visit.check_accessibility()
    # The demo also leaves the candidate's portfolio waiting for `assessor`.
    assessment = Assessment.objects.get(
        assessor__username="assessor",
        submitted_at=None,
        version__portfolio__user__username="lecturer",
    )
    visit.goto(f"/certification/assessments/{assessment.pk}/")
    expect(visit.page.locator("h1")).to_contain_text("Noor El Amrani")
    visit.check_accessibility()
    for fieldset in visit.page.locator("form .criterion fieldset").all():
        fieldset.locator("input[type=radio]").nth(2).check()
    visit.page.locator("#id_comment").fill("Clear evidence of plain-language work.")
    visit.page.get_by_role("button", name="Submit my assessment").click()
    expect(visit.page.locator(".message--success")).to_contain_text("submitted")
    expect(visit.page.locator("main")).to_contain_text("has not submitted yet")
    visit.check_accessibility()
    assessment.refresh_from_db()
    assert assessment.outcome == "pass"
