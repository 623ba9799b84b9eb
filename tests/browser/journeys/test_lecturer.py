"""The lecturer's first hour, as one story through the site: a journal entry that
autosaves, is edited, shared with the coach and answered; an assignment with a
file; a practice shared, sent back with changes requested and submitted again.

Every page reached is axe-clean; every edit form is reopened after saving and
shows what was typed, formatted, never as raw HTML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from lms.accounts.roles import Role
from practices_db import services as practice_services
from practices_db.models import PracticePage
from practices_db.selectors import Status, status_of
from tests import upload_samples
from tests.browser.conftest import Visit
from tests.browser.journeys.people import (
    assert_no_raw_html,
    click,
    follow_menu,
    sign_in,
)
from tests.factories import FacultyFactory, person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import AssignmentRecord, Enrolment, JournalEntry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def cohort_world(
    django_db_serialized_rollback: Any, transactional_db: Any
) -> dict[str, Any]:
    faculty = FacultyFactory(code="arts", name_en="Faculty of Arts")
    coach = person(Role.COACH, username="j-coach", faculty=faculty)
    lecturer = person(Role.LECTURER, username="j-lecturer", faculty=faculty)
    coordinator = person(
        Role.FACULTY_COORDINATOR, username="j-coordinator", faculty=faculty
    )
    cohort = make_cohort(coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    return {
        "faculty": faculty,
        "coach": coach,
        "lecturer": lecturer,
        "coordinator": coordinator,
        "enrolment": enrolment,
    }


def type_formatted(page: Page, editor_id: str, plain: str, bold: str) -> None:
    """Type a paragraph, a bold phrase and a two-item list into a rich text editor."""
    page.locator(editor_id).click()
    page.keyboard.type(plain)
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    page.keyboard.type(bold)
    page.keyboard.press("Control+b")
    page.keyboard.type(" matter.")
    page.keyboard.press("Enter")
    page.locator(
        f".rich-text-editor:has({editor_id}) .rich-text-editor__button--bulleted"
    ).click()
    page.keyboard.type("first step")
    page.keyboard.press("Enter")
    page.keyboard.type("second step")


def expect_formatted(page: Page, editor_id: str, plain: str, bold: str) -> None:
    """The reopened editor shows the same text with the same formatting."""
    editor = page.locator(editor_id)
    expect(editor).to_contain_text(plain)
    expect(editor.locator("b, strong")).to_have_text(bold)
    expect(editor.locator("ul li")).to_have_text(["first step", "second step"])
    assert_no_raw_html(editor)


def test_the_lecturer_writes_shares_does_an_assignment_and_answers_a_review(
    visit: Visit, cohort_world: dict[str, Any], tmp_path: Path
) -> None:
    lecturer = cohort_world["lecturer"]
    enrolment: Enrolment = cohort_world["enrolment"]
    page = visit.page
    sign_in(visit, lecturer)
    visit.check_accessibility()

    # --- The journal: write, autosave, save, edit, share. ---
    follow_menu(visit, "My trajectory")
    expect(page.locator("h1")).to_be_visible()
    visit.check_accessibility()
    click(visit, page.locator("main a", has_text="My journal"))
    expect(page.get_by_role("link", name="New entry")).to_be_visible()
    visit.check_accessibility()
    click(visit, page.locator(".breadcrumb a"))
    # "What remains" asks for a reflection on the session that was held; its
    # link opens a new entry about that session.
    remaining = page.locator(".remaining-list")
    ask = "Share a reflection on session 1"
    click(visit, remaining.locator("a", has_text=ask))
    session_one = enrolment.cohort.sessions.get(number=1)
    expect(page.locator("#id_session")).to_have_value(str(session_one.pk))
    visit.check_accessibility()
    page.locator("#id_title").fill("Who speaks in my seminar")
    type_formatted(page, "#id_section_what_editor", "I counted turns.", "Half of them")
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Saved", timeout=15_000
    )
    entry = JournalEntry.objects.get(title="Who speaks in my seminar")
    click(visit, page.locator("main form button[type=submit]", has_text="Save"))
    page.wait_for_url(f"**/journal/{entry.pk}/")
    shown = page.locator("main .rich-text").first
    expect(shown.locator("b, strong")).to_have_text("Half of them")
    assert_no_raw_html(page.locator("main"))
    visit.check_accessibility()

    click(visit, page.get_by_role("link", name="Edit", exact=True))
    expect_formatted(
        page, "#id_section_what_editor", "I counted turns.", "Half of them"
    )
    expect(page.locator("#id_title")).to_have_value("Who speaks in my seminar")
    visit.check_accessibility()
    page.locator("#id_section_what_editor").click()
    page.keyboard.press("Control+Home")
    page.keyboard.type("Week 2. ")
    click(visit, page.locator("main form button[type=submit]", has_text="Save"))
    page.wait_for_url(f"**/journal/{entry.pk}/")
    click(visit, page.get_by_role("link", name="Edit", exact=True))
    expect_formatted(
        page, "#id_section_what_editor", "Week 2. I counted turns.", "Half of them"
    )
    page.go_back()

    expect(page.locator("main")).to_contain_text(
        "Share the entry with your coach or peers to get feedback."
    )
    page.get_by_label("Me and my coach").check()
    click(visit, page.get_by_role("button", name="Save who can read it"))
    expect(page.get_by_label("Me and my coach")).to_be_checked()
    assert JournalEntry.objects.get(pk=entry.pk).visibility == "coach"
    visit.check_accessibility()
    follow_menu(visit, "My trajectory")
    expect(page.locator(".remaining-list")).not_to_contain_text(ask)
    expect(page.locator("[data-progress]")).to_contain_text(
        "Sessions with a shared reflection: 1 of 3"
    )
    page.go_back()

    # The coach answers (their own journey does it through the browser).
    services.give_feedback(
        author=cohort_world["coach"],
        entry=JournalEntry.objects.get(pk=entry.pk),
        body="<p>Good start. <strong>Try</strong> a seating change.</p>",
    )
    page.reload()
    thread = page.locator(".timeline")
    expect(thread).to_contain_text("Good start. Try a seating change.")
    expect(thread.locator(".comment strong")).to_have_text("Try")
    assert_no_raw_html(thread)
    visit.check_accessibility()

    # --- An assignment with a file. ---
    follow_menu(visit, "My trajectory")
    click(
        visit, page.locator("main a", has_text="Plain-language assignment texts").first
    )
    visit.check_accessibility()
    assignment_url = page.url
    click(visit, page.locator("main .message a", has_text="My courses"))
    visit.check_accessibility()
    page.locator("#id_name").fill("Sociology 101")
    click(visit, page.locator("main form button[type=submit]").first)
    # Registering the course leads back to the assignment.
    assert page.url == assignment_url, page.url
    visit.check_accessibility()
    page.locator("#id_course").select_option(label="Sociology 101")
    type_formatted(page, "#id_planned_change_editor", "Shorter sentences.", "No jargon")
    click(visit, page.get_by_role("button", name="Save draft"))
    assert page.url == assignment_url, "Save draft stays where the upload is"
    expect(page.locator("#id_course")).to_have_value(
        str(enrolment.user.own_courses.get().pk)
    )
    expect_formatted(
        page, "#id_planned_change_editor", "Shorter sentences.", "No jargon"
    )
    visit.check_accessibility()

    # Files are optional: the upload does not say "(required)".
    expect(
        page.locator("[data-assignment-files] label[for=id_file]")
    ).not_to_contain_text("required")
    before = tmp_path / "reader-before.pdf"
    before.write_bytes(upload_samples.pdf())
    page.locator("#id_file").set_input_files(str(before))
    click(visit, page.get_by_role("button", name="Upload", exact=True))
    assert page.url == assignment_url
    expect(page.locator("[data-assignment-files]")).to_contain_text("reader-before.pdf")
    expect_formatted(
        page, "#id_planned_change_editor", "Shorter sentences.", "No jargon"
    )
    visit.check_accessibility()

    page.locator("#id_actual_change_editor").click()
    page.keyboard.type("Rewrote the reader.")
    page.locator("#id_effect_editor").click()
    page.keyboard.type("Fewer questions by e-mail.")
    click(visit, page.get_by_role("button", name="Submit", exact=True))
    record = AssignmentRecord.objects.get(enrolment=enrolment)
    assert record.submitted_at is not None
    follow_menu(visit, "My trajectory")
    click(
        visit, page.locator("main a", has_text="Plain-language assignment texts").first
    )
    expect(page.locator("main")).to_contain_text("You submitted this assignment")
    expect(page.locator("main")).to_contain_text("Rewrote the reader.")
    assert_no_raw_html(page.locator("main"))
    visit.check_accessibility()

    # --- A practice: share, changes requested, answer, resubmit. ---
    follow_menu(visit, "My practices")
    visit.check_accessibility()
    click(visit, page.get_by_role("link", name="Share a practice"))
    visit.check_accessibility()
    page.locator("#id_title").fill("Glossary built with students")
    page.locator("#id_summary").fill("Students co-wrote the glossary.")
    type_formatted(page, "#id_body_editor", "We built it together.", "Every student")
    click(visit, page.locator("main button[name=submit]"))
    practice = PracticePage.objects.get(title="Glossary built with students")
    assert status_of(practice).code == Status.IN_REVIEW
    expect(page.locator(".status-card")).to_contain_text("In review")
    visit.check_accessibility()

    practice_services.review_practice(
        actor=cohort_world["coordinator"],
        page=practice,
        action="reject",
        comment="Please add what students said.",
    )
    page.reload()
    card = page.locator(".status-card")
    expect(card).to_contain_text("Changes requested")
    expect(card).to_contain_text("Edit your practice and submit it again.")
    expect(page.locator("main")).to_contain_text("Please add what students said.")
    expect(page.locator("main")).not_to_contain_text("Rejected")
    visit.check_accessibility()

    click(visit, page.locator(".status-card a", has_text="Edit"))
    expect(page.locator("#id_title")).to_have_value("Glossary built with students")
    expect(page.locator("#id_summary")).to_have_value("Students co-wrote the glossary.")
    expect_formatted(page, "#id_body_editor", "We built it together.", "Every student")
    visit.check_accessibility()
    page.locator("#id_evidence_editor").click()
    page.keyboard.type("Students said the glossary helped them.")
    click(visit, page.locator("main button[name=submit]"))
    practice.refresh_from_db()
    assert status_of(practice).code == Status.IN_REVIEW
    expect(page.locator(".status-card")).to_contain_text("In review")
    visit.check_accessibility()
