"""The rich text editor in a real browser: bold and a list typed in a journal
entry survive saving and reloading, no raw <p> shows, the page stays axe-clean
under the site's CSP."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import Visit
from tests.browser.test_roles import sign_in
from trajectories.models import Enrolment, JournalEntry

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_bold_and_a_list_survive_save_and_reload(visit: Visit, demo_data: Any) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    entry = enrolment.journal_entries.order_by("pk").first()
    assert entry is not None and "<p>" in entry.sections["what"]  # seeded as HTML
    sign_in(visit, "lecturer")
    visit.goto(f"/journal/{entry.pk}/edit/")
    page = visit.page
    editor = page.get_by_role("textbox", name=entry_label(entry), exact=True)
    expect(editor).to_be_visible()
    expect(page.locator("#id_section_what")).to_be_hidden()
    expect(editor).not_to_contain_text("<p>")
    visit.check_accessibility()

    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.press("Control+b")
    bold = page.locator(".rich-text-editor__button--bold").first
    expect(bold).to_have_attribute("aria-pressed", "true")
    page.keyboard.type("Strongly agreed")
    page.keyboard.press("Control+b")
    page.keyboard.type(" afterwards.")
    page.keyboard.press("Enter")
    page.locator(".rich-text-editor__button--bulleted").first.click()
    page.keyboard.type("first item")
    page.keyboard.press("Enter")
    page.keyboard.type("second item")
    expect(page.locator(".rich-text-editor__button--bulleted").first).to_have_attribute(
        "aria-pressed", "true"
    )
    visit.check_accessibility()
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/journal/{entry.pk}/")

    saved = JournalEntry.objects.get(pk=entry.pk).sections["what"]
    assert "Strongly agreed</b>" in saved or "Strongly agreed</strong>" in saved
    assert "<ul><li>first item</li><li>second item</li></ul>" in saved
    shown = page.locator("main .rich-text").first
    expect(shown.locator("b, strong")).to_have_text("Strongly agreed")
    expect(shown.locator("li")).to_have_text(["first item", "second item"])

    visit.goto(f"/journal/{entry.pk}/edit/")
    page.reload()
    editor = page.get_by_role("textbox", name=entry_label(entry), exact=True)
    expect(editor.locator("b, strong")).to_have_text("Strongly agreed")
    expect(editor.locator("ul li")).to_have_text(["first item", "second item"])
    expect(editor).not_to_contain_text("<p>")
    expect(editor).not_to_contain_text("<ul>")
    visit.check_accessibility()


def test_autosave_sends_the_editor_html(visit: Visit, demo_data: Any) -> None:
    enrolment = Enrolment.objects.get(user__username="lecturer")
    sign_in(visit, "lecturer")
    visit.goto(f"/trajectory/{enrolment.pk}/journal/new/")
    page = visit.page
    page.locator("#id_title").fill("Formatted autosave")
    page.locator("#id_section_what_editor").click()
    page.keyboard.press("Control+i")
    page.keyboard.type("slanted")
    page.keyboard.press("Control+i")
    page.keyboard.press("Enter")
    # Pasted HTML keeps its structure, never its scripts, handlers or images.
    page.locator("#id_section_what_editor").evaluate(
        """(area) => {
          const data = new DataTransfer();
          data.setData("text/html", '<div onclick="evil()">Pasted <b>bold</b>' +
            '<script>evil()</script><img src=x onerror="evil()">' +
            '<a href="javascript:evil()">bad link</a></div>');
          area.dispatchEvent(new ClipboardEvent("paste", {
            clipboardData: data, bubbles: true, cancelable: true}));
        }"""
    )
    expect(page.locator("#id_section_what_editor strong")).to_have_text("bold")
    expect(page.locator("[data-autosave-status]")).to_contain_text(
        "Saved", timeout=15_000
    )
    saved = ""
    for _attempt in range(30):  # the autosave after the paste may still be on its way
        saved = JournalEntry.objects.get(title="Formatted autosave").sections["what"]
        if "Pasted" in saved:
            break
        page.wait_for_timeout(500)
    assert saved.startswith(("<p><i>slanted</i></p>", "<p><em>slanted</em></p>"))
    assert "Pasted <strong>bold</strong>bad link" in saved
    for bad in ("evil", "<img", "onclick", "<div"):
        assert bad not in saved


def entry_label(entry: JournalEntry) -> str:
    from trajectories.rules.reflection import sections_for

    model = entry.enrolment.cohort.programme.reflection_model
    return str(next(s.label for s in sections_for(model) if s.key == "what"))


def test_links_are_added_changed_and_removed_without_a_prompt(
    visit: Visit, demo_data: Any
) -> None:
    """The Link button opens a form of the page's own (no `window.prompt`, which
    some browsers block and screen readers announce poorly): keyboard only,
    Escape cancels, Enter applies, and the saved entry keeps the link."""
    enrolment = Enrolment.objects.get(user__username="lecturer")
    entry = enrolment.journal_entries.order_by("pk").first()
    assert entry is not None
    sign_in(visit, "lecturer")
    visit.goto(f"/journal/{entry.pk}/edit/")
    page = visit.page
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    editor = page.get_by_role("textbox", name=entry_label(entry), exact=True)
    address = page.get_by_label("Link address").first

    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    page.keyboard.type("See the guide")
    page.keyboard.press("Shift+Home")
    page.keyboard.press("Control+k")
    expect(address).to_be_focused()
    expect(page.get_by_role("button", name="Remove link").first).to_be_hidden()
    visit.check_accessibility()
    page.keyboard.press("Escape")  # cancel: nothing changes, the text has focus
    expect(address).to_be_hidden()
    expect(editor).to_be_focused()
    assert editor.locator("a").count() == 0

    page.keyboard.press("Control+k")
    page.keyboard.type("example.org/guide")
    page.keyboard.press("Enter")  # applies; never submits the entry's form
    link = editor.locator("a", has_text="See the guide")
    expect(link).to_have_attribute("href", "https://example.org/guide")
    expect(editor).to_be_focused()

    link.click()
    page.keyboard.press("Control+k")
    expect(address).to_have_value("https://example.org/guide")
    page.keyboard.press("Control+a")
    page.keyboard.type("https://example.org/new-guide")
    page.get_by_role("button", name="Apply link").first.click()
    expect(link).to_have_attribute("href", "https://example.org/new-guide")

    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/journal/{entry.pk}/")
    saved = JournalEntry.objects.get(pk=entry.pk).sections["what"]
    assert 'href="https://example.org/new-guide"' in saved
    assert ">See the guide</a>" in saved

    visit.goto(f"/journal/{entry.pk}/edit/")
    link = page.get_by_role("textbox", name=entry_label(entry), exact=True).locator("a")
    link.click()
    page.keyboard.press("Control+k")
    page.get_by_role("button", name="Remove link").first.click()
    expect(link).to_have_count(0)
    assert dialogs == []
