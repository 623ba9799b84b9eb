"""The coach runs a session, as one story through the site, in English and in
Dutch: opens the cohort and a session, projects the check-in code, sees a
participant check in from their phone, marks attendance, posts a session summary
and answers a shared journal entry. Every page is axe-clean; the attendance and
the summary are reopened after saving and show what was entered."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from lms.accounts.roles import Role
from tests.browser.conftest import Visit
from tests.browser.journeys.people import (
    assert_no_raw_html,
    click,
    follow_menu,
    other_browser,
    sign_in,
)
from tests.factories import FacultyFactory, person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import (
    Attendance,
    CohortSession,
    Enrolment,
    JournalEntry,
    SessionSummary,
    Visibility,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def session_world(
    django_db_serialized_rollback: Any, transactional_db: Any
) -> dict[str, Any]:
    """A cohort whose first session runs now, two participants, and one entry
    shared with the coach."""
    faculty = FacultyFactory(code="arts", name_en="Faculty of Arts")
    coach = person(Role.COACH, username="j-coach", faculty=faculty)
    lecturer = person(
        Role.LECTURER,
        username="j-lecturer",
        faculty=faculty,
        first_name="Noor",
        last_name="Visser",
    )
    other = person(
        Role.LECTURER,
        username="j-other",
        faculty=faculty,
        first_name="Bram",
        last_name="de Wit",
    )
    cohort = make_cohort(coaches=(coach,))
    now = timezone.now()
    session = cohort.sessions.get(number=1)
    CohortSession.objects.filter(pk=session.pk).update(
        starts_at=now - timedelta(minutes=20), ends_at=now + timedelta(hours=2)
    )
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    other_enrolment = services.enrol(user=other, cohort=cohort)
    entry = services.save_entry(
        author=lecturer,
        enrolment=enrolment,
        title="Quiet students",
        sections={"what": "<p>Nobody spoke in <strong>week 1</strong>.</p>"},
    )
    services.share_entry(author=lecturer, entry=entry, visibility=Visibility.COACH)
    return {
        "coach": coach,
        "lecturer": lecturer,
        "cohort": cohort,
        "session": session,
        "enrolment": enrolment,
        "other_enrolment": other_enrolment,
        "entry": entry,
    }


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_coach_runs_a_session_and_gives_feedback(
    visit: Visit, browser: Browser, session_world: dict[str, Any], language: str
) -> None:
    cohort = session_world["cohort"]
    session = session_world["session"]
    enrolment: Enrolment = session_world["enrolment"]
    other: Enrolment = session_world["other_enrolment"]
    entry: JournalEntry = session_world["entry"]
    page = visit.page
    sign_in(visit, session_world["coach"], language=language)
    visit.check_accessibility()

    follow_menu(visit, "/coach/")
    visit.check_accessibility()
    click(visit, page.locator(f"main a[href='/coach/cohorts/{cohort.pk}/']"))
    expect(page.locator("[data-awaiting]")).to_contain_text("Quiet students")
    visit.check_accessibility()

    # The check-in screen, projected in the room.
    sessions = page.locator("details.card")
    sessions.first.locator("summary").click()
    click(visit, page.locator(f"a[href='/coach/sessions/{session.pk}/check-in/']"))
    visit.check_accessibility()
    click(visit, page.locator("main form button[type=submit]"))
    code_box = page.locator("[data-checkin-code]")
    expect(code_box).to_be_visible()
    code = "".join(code_box.inner_text().split())
    assert len(code) == 6
    expect(page.locator(".checkin-screen__count")).to_contain_text("0")
    visit.check_accessibility()

    # A participant checks in on their phone with the code on the screen.
    with other_browser(
        browser, visit.base_url, viewport={"width": 390, "height": 844}
    ) as phone:
        sign_in(phone, session_world["lecturer"], check=False, language=language)
        follow_menu(phone, "/trajectory/")
        phone.page.locator("#id_code").fill(code)
        click(phone, phone.page.locator("main form button[type=submit]").first)
        expect(phone.page.locator(".message--success").first).to_be_visible()
        phone.check_accessibility()
    assert Attendance.objects.get(session=session, enrolment=enrolment).checked_in

    click(visit, page.locator(".checkin-screen__count a"))
    expect(page.locator(".checkin-screen__count")).to_contain_text("1")
    expect(page.locator(".checkin-screen__count")).to_contain_text("2")

    # Attendance: the check-in shows as present; the other participant is excused.
    click(visit, page.locator(".breadcrumb a"))
    details = page.locator("details.card").first
    details.locator("summary").click()
    expect(
        details.locator(f"input[name='attendance-{enrolment.pk}'][value=present]")
    ).to_be_checked()
    details.locator(f"input[name='attendance-{other.pk}'][value=excused]").check()
    click(visit, details.locator("button[name=action][value=attendance]"))
    assert Attendance.objects.get(session=session, enrolment=other).status == "excused"
    details = page.locator("details.card").first
    details.locator("summary").click()
    expect(
        details.locator(f"input[name='attendance-{other.pk}'][value=excused]")
    ).to_be_checked()
    expect(
        details.locator(f"input[name='attendance-{enrolment.pk}'][value=present]")
    ).to_be_checked()
    visit.check_accessibility()

    # The session summary: post it, reopen it, the text comes back formatted.
    click(visit, details.locator(f"a[href='/coach/sessions/{session.pk}/summary/']"))
    visit.check_accessibility()
    page.locator("#id_body_editor").click()
    page.keyboard.type("We practised ")
    page.keyboard.press("Control+b")
    page.keyboard.type("turn-taking")
    page.keyboard.press("Control+b")
    page.keyboard.type(" in pairs.")
    click(visit, page.locator("main form button[type=submit]"))
    assert "turn-taking" in SessionSummary.objects.get(session=session).body
    details = page.locator("details.card").first
    details.locator("summary").click()
    click(visit, details.locator(f"a[href='/coach/sessions/{session.pk}/summary/']"))
    editor = page.locator("#id_body_editor")
    expect(editor).to_have_text("We practised turn-taking in pairs.")
    expect(editor.locator("b, strong")).to_have_text("turn-taking")
    assert_no_raw_html(editor)
    current = page.locator("main section.card .rich-text")
    expect(current.locator("b, strong")).to_have_text("turn-taking")
    visit.check_accessibility()

    # Feedback on the shared entry, from the cohort's waiting list.
    click(visit, page.locator(".breadcrumb a"))
    click(visit, page.locator(f"[data-awaiting] a[href='/journal/{entry.pk}/']"))
    expect(page.locator("main .rich-text strong").first).to_have_text("week 1")
    visit.check_accessibility()
    page.locator("#id_body_editor").click()
    page.keyboard.type("Try a ")
    page.keyboard.press("Control+i")
    page.keyboard.type("think-pair-share")
    page.keyboard.press("Control+i")
    page.keyboard.type(" next week.")
    click(visit, page.locator("main form button[type=submit]").last)
    thread = page.locator(".timeline")
    expect(thread).to_contain_text("Try a think-pair-share next week.")
    expect(thread.locator(".comment em, .comment i")).to_have_text("think-pair-share")
    assert_no_raw_html(thread)
    visit.check_accessibility()
    click(visit, page.locator(".breadcrumb a", has_text=cohort.title))
    expect(page.locator("[data-awaiting]")).to_have_count(0)  # answered
