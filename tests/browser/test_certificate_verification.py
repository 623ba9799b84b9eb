"""The public verification page and the verify-a-credential page in a real browser,
in English and Dutch, axe-clean; and the holder's certificates on their page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from certification import services
from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language
from tests.certification.factories import make_world
from tests.certification.issuing_world import (
    award,
    holder_name,
    issuing_settings,  # noqa: F401 - a fixture
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("issuing_settings"),
]


def test_anyone_verifies_a_certificate(
    visit: Visit, faculty: Any, tmp_path: Path
) -> None:
    world = make_world(faculty)
    holder_name(world, "Zoë", "Ünal")
    credential = services.issue_credential(decision=award(world))

    visit.goto(f"/certificates/{credential.verification_code}/")
    expect(visit.page.locator("[data-verdict]")).to_have_attribute(
        "data-verdict", "valid"
    )
    expect(visit.page.locator("[data-holder]")).to_have_text("Zoë Ünal")
    expect(visit.page.locator("[data-rubric-results]")).to_contain_text("Criterion 1")
    visit.check_accessibility()
    choose_language(visit, "nl")
    expect(visit.page.locator("[data-holder]")).to_have_text("Zoë Ünal")
    visit.check_accessibility()
    choose_language(visit, "en")

    visit.page.get_by_role("link", name="Verify a credential file you received").click()
    expect(visit.page.locator("h1")).to_have_text("Verify a credential")
    visit.check_accessibility()

    # Nothing given: the error summary names what is needed.
    visit.page.get_by_role("button", name="Verify").click()
    expect(visit.page.locator(".error-summary")).to_contain_text("Paste the credential")
    visit.check_accessibility()

    visit.page.get_by_label("Paste the credential (JSON)").fill(
        json.dumps(credential.document)
    )
    visit.page.get_by_role("button", name="Verify").click()
    expect(visit.page.locator("[data-verdict]")).to_have_attribute(
        "data-verdict", "valid"
    )
    visit.check_accessibility()

    forged = dict(credential.document, name="Certificate of Excellence")
    upload = tmp_path / "certificate.json"
    upload.write_text(json.dumps(forged))
    visit.page.get_by_label("Paste the credential (JSON)").fill("")
    visit.page.get_by_label("Or upload the credential file").set_input_files(
        str(upload)
    )
    visit.page.get_by_role("button", name="Verify").click()
    expect(visit.page.locator("[data-verdict]")).to_have_attribute(
        "data-verdict", "invalid"
    )
    expect(visit.page.locator("[data-verdict]")).to_contain_text("was changed")
    visit.check_accessibility()

    visit.goto("/certificates/" + "x" * 43 + "/")
    expect(visit.page.locator("[data-verdict]")).to_have_attribute(
        "data-verdict", "not_found"
    )
    visit.check_accessibility()


def test_the_page_of_an_erased_holders_certificate(
    django_db_serialized_rollback: Any, visit: Visit, faculty: Any
) -> None:
    # Serialized rollback first: the page tree's root must be back after the
    # flush of an earlier transactional test.
    from lms.accounts.services import erase_person

    world = make_world(faculty)
    credential = services.issue_credential(decision=award(world))
    erase_person(user=world.lecturer)

    response = visit.goto(f"/certificates/{credential.verification_code}/")
    assert response is not None and response.status == 410
    verdict = visit.page.locator("[data-verdict]")
    expect(verdict).to_have_attribute("data-verdict", "erased")
    expect(visit.page.locator("[data-claims]")).to_have_count(0)
    visit.check_accessibility()
    choose_language(visit, "nl")
    expect(verdict).to_have_attribute("data-verdict", "erased")
    visit.check_accessibility()
