"""Peer groups, session summaries, lessons per session, journal attachments and
the dashboard panels in a real browser: axe-clean, working without surprises."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from tests import upload_samples as samples
from tests.browser.conftest import Visit
from tests.browser.test_roles import choose_language, sign_in
from trajectories.models import (
    Cohort,
    Enrolment,
    JournalAttachment,
    JournalEntry,
    PeerGroup,
    SessionSummary,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PDF = samples.pdf()


@pytest.fixture
def private_files(tmp_path: Path) -> Any:
    from django.core.files.storage import FileSystemStorage

    field = JournalAttachment._meta.get_field("file")
    original = field.storage
    field.storage = FileSystemStorage(location=tmp_path)
    yield tmp_path
    field.storage = original


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_coach_groups_and_sums_up(
    visit: Visit, demo_data: Any, language: str
) -> None:
    cohort = Cohort.objects.get(enrolments__user__username="lecturer")
    enrolment = Enrolment.objects.get(user__username="lecturer")
    sign_in(visit, "coach")
    choose_language(visit, language)
    visit.check_accessibility()  # the dashboard with the coach's cohorts
    visit.goto(f"/coach/cohorts/{cohort.pk}/")
    visit.page.locator(f"#id_group-{enrolment.pk}").fill("Tafel 1")
    visit.page.locator("form[action$='/peer-groups/'] button[type=submit]").click()
    visit.page.wait_for_url("**#peer-groups")
    visit.check_accessibility()
    assert PeerGroup.objects.get().name == "Tafel 1"

    session = cohort.sessions.get(number=2)
    visit.goto(f"/coach/sessions/{session.pk}/summary/")
    visit.check_accessibility()
    visit.page.locator("#id_body_editor").fill(
        "We read texts aloud.\n\nBring one next time."
    )
    visit.page.locator("main form button[type=submit]").click()
    visit.page.wait_for_url(f"**/coach/cohorts/{cohort.pk}/")
    assert "We read texts aloud." in SessionSummary.objects.get(session=session).body


def test_the_lecturer_reads_summaries_lessons_and_attaches_a_file(
    visit: Visit, demo_data: Any, private_files: Path, tmp_path: Path
) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    sign_in(visit, "lecturer")
    panel = visit.page.locator("[data-lecturer-panel]")
    expect(panel).to_contain_text("Next: session")
    visit.check_accessibility()

    visit.goto("/trajectory/")
    first = enrolment.cohort.sessions.get(number=1)
    section = visit.page.locator(f"#session-{first.pk}")
    expect(section.locator("[data-summary]")).to_contain_text("first in their family")
    expect(section.locator("[data-content]")).to_contain_text("done")
    visit.check_accessibility()

    entry = JournalEntry.objects.filter(enrolment=enrolment).first()
    assert entry is not None
    upload = tmp_path / "lesson plan.pdf"
    upload.write_bytes(PDF)
    visit.goto(f"/journal/{entry.pk}/")
    visit.page.locator("#id_file").set_input_files(str(upload))
    visit.page.get_by_role("button", name="Attach", exact=True).click()
    expect(visit.page.locator(".message--success")).to_contain_text("is attached")
    link = visit.page.locator("[data-attachments] a[download]")
    expect(link).to_have_text("lesson plan.pdf")
    visit.check_accessibility()
    with visit.page.expect_download() as download:
        link.click()
    assert Path(download.value.path()).read_bytes() == PDF
