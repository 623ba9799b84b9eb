"""The certificate holder, as one story through the site: finds their
certificate under Certification, shares the public verification link, and
someone without an account opens it and sees a valid certificate in the
holder's name; the PDF downloads. Every page is axe-clean."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import override_settings
from playwright.sync_api import Browser, expect

from certification import services
from tests.browser.conftest import Visit
from tests.browser.journeys.people import (
    assert_no_server_error,
    click,
    follow_menu,
    other_browser,
    sign_in,
)
from tests.certification.factories import World, make_world
from tests.certification.issuing_world import KEYS, award, holder_name
from tests.factories import FacultyFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def holder(
    django_db_serialized_rollback: Any, transactional_db: Any, live_server: Any
) -> Iterator[World]:
    """A lecturer holding a certificate issued by the site the browser sees."""
    with override_settings(
        ENGAGE_SITE_URL=live_server.url,
        ENGAGE_CERTIFICATION_KEYS=KEYS,
        ENGAGE_CERTIFICATION_ISSUER_NAME="Engage PD — University of Examples",
        ENGAGE_CERTIFICATION_ISSUER_ID="",
    ):
        world = make_world(FacultyFactory(code="arts", name_en="Faculty of Arts"))
        holder_name(world, "Zoë", "Ünal")
        services.issue_credential(decision=award(world))
        yield world


def test_the_holder_shares_a_certificate_anyone_can_verify(
    visit: Visit, browser: Browser, holder: World
) -> None:
    page = visit.page
    sign_in(visit, holder.lecturer)
    visit.check_accessibility()
    follow_menu(visit, "Certification")
    certificate = page.locator("[data-certificates] article.certificate").first
    expect(certificate).to_have_attribute("data-certificate", "valid")
    expect(certificate).to_contain_text("Certificate Inclusive Teaching")
    visit.check_accessibility()

    pdf_link = certificate.get_by_role("link", name="Download PDF")
    pdf = page.request.get(visit.base_url + str(pdf_link.get_attribute("href")))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"

    # What the holder copies and sends: the public verification link.
    shared = str(certificate.locator("a.share-link").get_attribute("href"))
    assert shared.startswith(visit.base_url + "/certificates/")
    expect(certificate.locator("a.share-link")).to_have_text(shared)

    with other_browser(browser, visit.base_url) as stranger:
        stranger.page.goto(shared)  # the link as received, signed in as no one
        assert_no_server_error(stranger)
        verdict = stranger.page.locator("[data-verdict]")
        expect(verdict).to_have_attribute("data-verdict", "valid")
        expect(stranger.page.locator("[data-holder]")).to_have_text("Zoë Ünal")
        expect(stranger.page.locator("main")).to_contain_text(
            "Certificate Inclusive Teaching"
        )
        stranger.check_accessibility()
        click(
            stranger,
            stranger.page.get_by_role(
                "link", name="Verify a credential file you received"
            ),
        )
        expect(stranger.page.locator("h1")).to_have_text("Verify a credential")
        stranger.check_accessibility()
