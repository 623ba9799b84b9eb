"""One journal entry open in two tabs (issue 23): the second autosave is refused,
the page says so and keeps the text; "keep mine" saves it, "load theirs" shows
the other tab's text. Axe-clean with the message showing."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import sign_in
from trajectories import services
from trajectories.models import Enrolment, JournalEntry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SAVED = 15_000  # ms: autosave waits two seconds after typing stops


def _type(page: Page, text: str) -> None:
    # The rich text editor stands in front of the (hidden) textarea.
    page.locator("#id_section_what_editor").fill(text)


def _saved(page: Page) -> None:
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Saved", timeout=SAVED
    )


def test_the_second_tab_is_told_and_keeps_or_drops_its_text(
    visit: Visit, demo_data: Any
) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    entry = services.save_entry(
        author=enrolment.user, enrolment=enrolment, title="Two tabs", sections={}
    )
    sign_in(visit, "lecturer")
    url = f"/journal/{entry.pk}/edit/"
    tab_b = visit.page
    tab_a = tab_b.context.new_page()
    tab_a.goto(visit.base_url + url)
    visit.goto(url)

    _type(tab_a, "Written in tab A.")
    _saved(tab_a)
    _type(tab_b, "Written in tab B.")
    conflict = tab_b.locator("[data-conflict]")
    expect(conflict).to_be_visible(timeout=SAVED)
    expect(tab_b.get_by_role("alert")).to_contain_text("changed in another window")
    visit.check_accessibility()
    entry.refresh_from_db()
    assert "Written in tab A." in entry.sections["what"]
    # The typed text is still on the page and kept on this device.
    expect(tab_b.locator("#id_section_what_editor")).to_have_text("Written in tab B.")
    kept = tab_b.evaluate(f"localStorage.getItem('engage-journal-{entry.pk}')")
    assert kept and "Written in tab B." in kept

    tab_b.get_by_role("button", name="Keep mine").click()
    expect(conflict).to_be_hidden()
    _saved(tab_b)
    entry.refresh_from_db()
    assert "Written in tab B." in entry.sections["what"]
    assert entry.version == 3
    # The server has it now: the copy on the device is gone.
    assert tab_b.evaluate(f"localStorage.getItem('engage-journal-{entry.pk}')") is None

    # Tab A still holds version 2: its next autosave is refused; it loads theirs.
    _type(tab_a, "Tab A again.")
    expect(tab_a.locator("[data-conflict]")).to_be_visible(timeout=SAVED)
    tab_a.get_by_role("button", name="Load theirs").click()
    tab_a.wait_for_load_state()
    expect(tab_a.locator("#id_section_what_editor")).to_contain_text("Written in tab B")
    expect(tab_a.locator("[data-conflict]")).to_be_hidden()
    entry = JournalEntry.objects.get(pk=entry.pk)
    assert "Tab A again." not in entry.sections["what"]
    tab_a.close()


def test_a_new_entry_keeps_autosaving_with_the_version_each_save_answers(
    visit: Visit, demo_data: Any
) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    sign_in(visit, "lecturer")
    visit.goto(f"/trajectory/{enrolment.pk}/journal/new/")
    visit.page.locator("#id_title").fill("Saved twice")
    _type(visit.page, "First thoughts.")
    _saved(visit.page)
    entry = JournalEntry.objects.get(title="Saved twice")
    assert entry.version == 1
    status = visit.page.locator("[data-autosave-status]")
    first = status.text_content() or ""
    _type(visit.page, "Second thoughts.")
    # The status names the time of the save: a later one replaces it.
    expect(status).not_to_have_text(first, timeout=SAVED)
    _saved(visit.page)
    entry.refresh_from_db()
    assert "Second thoughts." in entry.sections["what"] and entry.version == 2
    expect(visit.page.locator("[data-conflict]")).to_be_hidden()
