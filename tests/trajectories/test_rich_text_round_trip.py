"""Rich text that round-trips through the trajectories' forms: what a person typed
is what the form shows when they edit again, with scripts (the editor's HTML and
its `__format=html` marker) and without (plain text)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lms.sanitizing import clean_html, html_to_text
from tests.rich_text_pages import rich_box
from tests.trajectories.api_world import api_client, entry_url
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import JournalEntry
from trajectories.selectors import my_trajectories

pytestmark = pytest.mark.django_db

TYPED = (
    "What I tried: <b>not bold</b> & more.\nSame paragraph, next line.\n\n"
    "- first point\n- second point\n\n1. step one\n2. step two"
)
EDITED = (
    "<p>Some <strong>bold</strong> and <em>italic</em> text.</p>"
    "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
    '<p><a href="https://example.org/x">a link</a></p>'
)
HOSTILE = (
    '<p onclick="steal()">Hi<script>alert(1)</script>'
    '<a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)></p>'
)


def _assert_harmless(page: str) -> None:
    """No active markup came through (escaped text of it may)."""
    for bad in ("<script>alert", ' onclick="steal', 'href="javascript:', "<img src=x"):
        assert bad not in page


@pytest.fixture
def enrolment(lecturer: Any, coach: Any) -> Any:
    cohort = make_cohort(first_session_in_days=-7, coaches=(coach,))
    return services.enrol(user=lecturer, cohort=cohort)


@pytest.fixture
def entry(lecturer: Any, enrolment: Any) -> JournalEntry:
    return services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )


def _v(entry: JournalEntry) -> dict[str, int]:
    """The version an edit starts from, as the edit form carries it."""
    return {"version": JournalEntry.objects.get(pk=entry.pk).version}


def _edit(entry: JournalEntry) -> str:
    return reverse("engage_trajectories:entry_edit", args=[entry.pk])


def test_journal_plain_text_typed_without_scripts_comes_back_as_typed(
    entry: JournalEntry, client_for: Any, lecturer: Any
) -> None:
    client = client_for(lecturer)
    response = client.post(
        _edit(entry), {**_v(entry), "title": "Week 1", "section_what": TYPED}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert "<ul><li>first point</li>" in entry.sections["what"]
    assert "&lt;b&gt;not bold&lt;/b&gt;" in entry.sections["what"]
    box = rich_box(client.get(_edit(entry)).content.decode(), "section_what")
    assert box.text == TYPED
    assert box.html == entry.sections["what"]
    assert box.format_name == "section_what__format"
    # Saved again unchanged, it stays the same.
    client.post(
        _edit(entry), {**_v(entry), "title": "Week 1", "section_what": box.text}
    )
    entry.refresh_from_db()
    assert rich_box(client.get(_edit(entry)).content.decode(), "section_what") == box


@pytest.mark.parametrize("autosave", [False, True])
def test_journal_html_from_the_editor_comes_back_to_the_editor(
    entry: JournalEntry, client_for: Any, lecturer: Any, autosave: bool
) -> None:
    client = client_for(lecturer)
    headers = {"HTTP_X_AUTOSAVE": "1"} if autosave else {}
    response = client.post(
        _edit(entry),
        {
            **_v(entry),
            "title": "Week 1",
            "section_what": EDITED,
            "section_what__format": "html",
        },
        **headers,
    )
    assert response.status_code == (200 if autosave else 302)
    page = client.get(_edit(entry)).content.decode()
    box = rich_box(page, "section_what")
    assert box.html == str(clean_html(EDITED))
    assert "<strong>bold</strong>" in box.html and "<ol><li>first</li></ol>" in box.html
    assert box.text == (
        "Some bold and italic text.\n\n- one\n- two\n\n1. first\n\n"
        "a link (https://example.org/x)"
    )
    # The entry's own page shows the formatting, not the tags.
    shown = client.get(reverse("engage_trajectories:entry", args=[entry.pk]))
    assert "<strong>bold</strong>" in shown.content.decode()
    assert "&lt;p&gt;" not in shown.content.decode()


def test_journal_hostile_html_is_cleaned_and_hostile_text_stays_text(
    entry: JournalEntry, client_for: Any, lecturer: Any
) -> None:
    client = client_for(lecturer)
    client.post(
        _edit(entry),
        {
            **_v(entry),
            "title": "Week 1",
            "section_what": HOSTILE,
            "section_what__format": "html",
            "section_so_what": "<script>alert(1)</script>",
        },
    )
    entry.refresh_from_db()
    page = client.get(_edit(entry)).content.decode()
    _assert_harmless(page)
    assert rich_box(page, "section_what").text == "Hix"
    assert rich_box(page, "section_so_what").text == "<script>alert(1)</script>"


def test_journal_refuses_a_megabyte_with_a_message_and_keeps_the_text(
    entry: JournalEntry, client_for: Any, lecturer: Any
) -> None:
    response = client_for(lecturer).post(
        _edit(entry), {**_v(entry), "title": "Week 1", "section_what": "x" * 1_000_000}
    )
    assert response.status_code == 400
    assert (
        "Ensure this value has at most 50000 characters (it has 1000000)."
        in response.content.decode()
    )


def test_seeded_html_entries_show_as_text_and_as_html(
    lecturer: Any, enrolment: Any, client_for: Any
) -> None:
    seeded = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Seeded",
        sections={"what": "<p>I <em>rewrote</em> the rubric.</p><p>Then tested.</p>"},
    )  # fmt: skip
    box = rich_box(
        client_for(lecturer).get(_edit(seeded)).content.decode(), "section_what"
    )
    assert box.text == "I rewrote the rubric.\n\nThen tested."
    assert "<p>" not in box.text
    assert box.html == "<p>I <em>rewrote</em> the rubric.</p><p>Then tested.</p>"


@pytest.mark.parametrize("marker", [False, True])
def test_assignment_texts_round_trip(
    lecturer: Any, enrolment: Any, client_for: Any, marker: bool
) -> None:
    client = client_for(lecturer)
    key = my_trajectories(lecturer)[0].assignments[0].key
    url = reverse("engage_trajectories:assignment", args=[enrolment.pk, key])
    data = {"planned_change": EDITED if marker else TYPED, "effect": HOSTILE}
    if marker:
        data |= {"planned_change__format": "html", "effect__format": "html"}
    assert client.post(url, data).status_code == 302
    page = client.get(url).content.decode()
    box = rich_box(page, "planned_change")
    if marker:
        assert box.html == str(clean_html(EDITED))
        assert box.text == html_to_text(EDITED)
    else:
        assert box.text == TYPED
    _assert_harmless(page)


@pytest.mark.parametrize("marker", [False, True])
def test_feedback_shows_as_written_on_the_site_and_in_the_api(
    lecturer: Any, coach: Any, entry: JournalEntry, client_for: Any, marker: bool
) -> None:
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    url = reverse("engage_trajectories:entry", args=[entry.pk])
    data = {"body": EDITED, "body__format": "html"} if marker else {"body": TYPED}
    client_for(coach).post(
        reverse("engage_trajectories:entry_feedback", args=[entry.pk]), data
    )
    page = client_for(lecturer).get(url).content.decode()
    (given,) = api_client(lecturer).get(entry_url(entry, "feedback/")).json()["results"]
    if marker:
        assert "<strong>bold</strong>" in page and "<ol><li>first</li></ol>" in page
        assert given["body"] == html_to_text(EDITED)
    else:
        assert "<ul><li>first point</li><li>second point</li></ul>" in page
        assert "&lt;b&gt;not bold&lt;/b&gt;" in page
        assert given["body"] == TYPED
    _assert_harmless(page)


def test_feedback_posted_through_the_api_is_plain_text_both_ways(
    lecturer: Any, coach: Any, entry: JournalEntry
) -> None:
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    url = entry_url(entry, "feedback/")
    posted = api_client(coach).post(
        url, {"body": "Two\n\nparagraphs <b>tags removed</b>"}, format="json"
    )
    assert posted.status_code == 201
    assert posted.json()["body"] == "Two\n\nparagraphs tags removed"
    assert entry.feedback.get().body == "<p>Two</p><p>paragraphs tags removed</p>"


def test_feedback_from_before_the_editor_keeps_its_paragraphs(
    lecturer: Any, coach: Any, entry: JournalEntry, client_for: Any
) -> None:
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    entry.feedback.create(author=coach, body="Old plain\n\ntext < here")
    page = client_for(lecturer).get(
        reverse("engage_trajectories:entry", args=[entry.pk])
    )
    assert "<p>Old plain</p><p>text &lt; here</p>" in page.content.decode()


def test_session_summary_round_trips(coach: Any, client_for: Any) -> None:
    cohort = make_cohort(coaches=(coach,))
    url = reverse(
        "engage_trajectories:session_summary",
        args=[cohort.sessions.get(number=1).pk],
    )
    client = client_for(coach)
    assert client.post(url, {"body": TYPED}).status_code == 302
    assert rich_box(client.get(url).content.decode(), "body").text == TYPED
