"""Edits never silently undo each other (issue 23): a journal entry open in two
tabs, a share while a tab autosaves, the same through the API.

An entry carries a version that goes up with every save of its content, never
with sharing. A save names the version it started from; over a newer one it is
refused with 409 and nothing is stored, and the person's text is kept.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.trajectories.api_world import api_client, entry_url
from tests.trajectories.concurrency import at_once
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import JournalEntry, JournalRevision

pytestmark = pytest.mark.django_db

CHANGED = "changed in another window"


@pytest.fixture
def entry(lecturer: Any, coach: Any) -> JournalEntry:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort(coaches=(coach,)))
    return services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={"what": "Hi"}
    )


def edit_url(entry: JournalEntry) -> str:
    return reverse("engage_trajectories:entry_edit", args=[entry.pk])


def open_tab(client: Client, entry: JournalEntry) -> int:
    """Open the edit page as a tab does: the version its form carries."""
    html = client.get(edit_url(entry)).content.decode()
    found = re.search(r'name="version" value="(\d+)"', html)
    assert found, "the edit form carries no version"
    return int(found.group(1))


def save(
    client: Client, entry: JournalEntry, version: Any, text: str, autosave: bool
) -> Any:
    """The form as the page posts it: by the autosave, or by the Save button."""
    data = {"title": "Week 1", "section_what": text}
    if version is not None:
        data["version"] = version
    headers = {"HTTP_X_AUTOSAVE": "1"} if autosave else {}
    return client.post(edit_url(entry), data, **headers)


def stored_everywhere(entry: JournalEntry, text: str) -> bool:
    """Whether `text` is in the entry or any of its revisions."""
    entry.refresh_from_db()
    return text in str(entry.sections) or any(
        text in str(r.sections) for r in JournalRevision.objects.filter(entry=entry)
    )


@pytest.mark.parametrize("autosave", [True, False], ids=["autosave", "save button"])
def test_a_share_survives_a_save_from_a_tab_opened_before_it(
    entry: JournalEntry, lecturer: Any, coach: Any, client_for: Any, autosave: bool
) -> None:
    tab_a, tab_b = client_for(lecturer), client_for(lecturer)
    loaded = open_tab(tab_b, entry)
    shared = tab_a.post(
        reverse("engage_trajectories:entry_share", args=[entry.pk]),
        {"visibility": "coach"},
    )
    assert shared.status_code == 302
    entry.refresh_from_db()
    # Sharing is not an edit of the content: the version tab B holds still holds.
    assert entry.visibility == "coach" and entry.version == loaded
    saved = save(tab_b, entry, loaded, "Typed in tab B", autosave)
    assert saved.status_code == (200 if autosave else 302)
    entry.refresh_from_db()
    assert entry.visibility == "coach" and entry.shared_at is not None
    assert "Typed in tab B" in entry.sections["what"]
    assert entry.version == loaded + 1
    page = client_for(coach).get(reverse("engage_trajectories:entry", args=[entry.pk]))
    assert page.status_code == 200 and "Typed in tab B" in page.content.decode()


def test_the_second_of_two_tabs_saving_one_version_gets_409_and_keeps_its_text(
    entry: JournalEntry, lecturer: Any, client_for: Any
) -> None:
    tab_a, tab_b = client_for(lecturer), client_for(lecturer)
    loaded = open_tab(tab_a, entry)
    assert open_tab(tab_b, entry) == loaded
    first = save(tab_a, entry, loaded, "Text of tab A", autosave=True)
    assert first.status_code == 200 and first.json()["version"] == loaded + 1
    second = save(tab_b, entry, loaded, "Text of tab B", autosave=True)
    assert second.status_code == 409
    refusal = second.json()
    assert CHANGED in refusal["errors"]["version"][0]["message"]
    assert refusal["version"] == loaded + 1  # what "keep mine" sends again
    assert stored_everywhere(entry, "Text of tab A")
    assert not stored_everywhere(entry, "Text of tab B")
    assert entry.version == loaded + 1
    # "Keep mine": tab B sends its text again over the version it was told.
    kept = save(tab_b, entry, refusal["version"], "Text of tab B", autosave=True)
    assert kept.status_code == 200 and kept.json()["version"] == loaded + 2
    entry.refresh_from_db()
    assert "Text of tab B" in entry.sections["what"]


def test_a_stale_save_button_shows_the_form_again_with_the_text_kept(
    entry: JournalEntry, lecturer: Any, client_for: Any
) -> None:
    tab_a, tab_b = client_for(lecturer), client_for(lecturer)
    loaded = open_tab(tab_b, entry)
    save(tab_a, entry, loaded, "Text of tab A", autosave=True)
    page = save(tab_b, entry, loaded, "Words typed in tab B", autosave=False)
    assert page.status_code == 409  # not a 500, not a silent overwrite
    html = page.content.decode()
    assert "Words typed in tab B" in html and CHANGED in html
    assert "data-conflict-notice" in html
    # The form now carries the version the entry has: saving again is a choice.
    assert f'name="version" value="{loaded + 1}"' in html
    assert stored_everywhere(entry, "Text of tab A")
    assert not stored_everywhere(entry, "Words typed in tab B")
    again = save(tab_b, entry, loaded + 1, "Words typed in tab B", autosave=False)
    assert again.status_code == 302
    entry.refresh_from_db()
    assert "Words typed in tab B" in entry.sections["what"]


BAD_VERSIONS = {
    "missing": None,
    "empty": "",
    "text": "abc",
    "negative": "-1",
    "zero": "0",
    "a fraction": "1.5",
    "huge": "9" * 30,
    "a list": "[1]",
}


@pytest.mark.parametrize("version", BAD_VERSIONS.values(), ids=BAD_VERSIONS)
@pytest.mark.parametrize("autosave", [True, False], ids=["autosave", "save button"])
def test_a_bad_version_on_the_page_is_a_400_naming_it(
    entry: JournalEntry, lecturer: Any, client_for: Any, version: Any, autosave: bool
) -> None:
    response = save(client_for(lecturer), entry, version, "Hostile", autosave)
    assert response.status_code == 400
    if autosave:
        assert list(response.json()["errors"]) == ["version"]
    else:
        assert "Hostile" in response.content.decode()  # the text is kept
        assert "did not say which version" in response.content.decode()
    assert not stored_everywhere(entry, "Hostile")


def test_the_api_keeps_the_share_and_refuses_a_stale_version(
    entry: JournalEntry, lecturer: Any
) -> None:
    author = api_client(lecturer)
    url = entry_url(entry)
    loaded = author.get(url).json()["version"]
    shared = author.post(
        entry_url(entry, "share/"), {"visibility": "coach"}, format="json"
    )
    assert shared.status_code == 200 and shared.json()["version"] == loaded
    patched = author.patch(
        url, {"version": loaded, "sections": {"what": "By the API"}}, format="json"
    )
    assert patched.status_code == 200
    assert patched.json()["visibility"] == "coach"
    assert patched.json()["version"] == loaded + 1
    for method in ("put", "patch"):
        stale = getattr(author, method)(
            url,
            {"version": loaded, "title": "Stale", "sections": {"what": "Stale"}},
            format="json",
        )
        assert stale.status_code == 409, method
        assert list(stale.json()) == ["version"]
        assert CHANGED in stale.json()["version"][0]
    assert not stored_everywhere(entry, "Stale")
    assert entry.visibility == "coach" and "By the API" in entry.sections["what"]


API_BAD_VERSIONS = {
    "missing": ...,
    "null": None,
    "text": "abc",
    "negative": -1,
    "zero": 0,
    "a fraction": 1.5,
    "true": True,
    "huge": 10**30,
    "a list": [1],
}


@pytest.mark.parametrize("version", API_BAD_VERSIONS.values(), ids=API_BAD_VERSIONS)
@pytest.mark.parametrize("method", ["put", "patch"])
def test_a_bad_version_in_the_api_is_a_400_naming_it(
    entry: JournalEntry, lecturer: Any, version: Any, method: str
) -> None:
    body: dict[str, Any] = {"title": "Hostile", "sections": {"what": "Hostile"}}
    if version is not ...:
        body["version"] = version
    response = getattr(api_client(lecturer), method)(
        entry_url(entry), body, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["version"]
    assert not stored_everywhere(entry, "Hostile")


def test_the_service_refuses_an_update_without_a_version(
    entry: JournalEntry, lecturer: Any
) -> None:
    from trajectories.exceptions import InvalidEntry, StaleEntry

    with pytest.raises(InvalidEntry) as missing:
        services.save_entry(
            author=lecturer, enrolment=entry.enrolment, entry=entry, title="t",
            sections={},
        )  # fmt: skip
    assert missing.value.field == "version"
    with pytest.raises(StaleEntry) as stale:
        services.save_entry(
            author=lecturer, enrolment=entry.enrolment, entry=entry, title="t",
            sections={}, version=entry.version + 1,
        )  # fmt: skip
    assert stale.value.status_code == 409
    assert stale.value.current_version == entry.version


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_autosaves_at_the_same_moment_one_is_stored_one_refused(
    lecturer: Any, coach: Any
) -> None:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort(coaches=(coach,)))
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )
    tabs = [api_client(lecturer), api_client(lecturer)]
    texts = ["Text of tab A", "Text of tab B"]

    def autosave(tab: Any, text: str) -> Any:
        return lambda: tab.post(
            edit_url(entry),
            {"title": "Week 1", "section_what": text, "version": entry.version},
            HTTP_X_AUTOSAVE="1",
        )

    replies = at_once(
        *(autosave(tab, text) for tab, text in zip(tabs, texts, strict=True))
    )
    assert sorted(r.status_code for r in replies) == [200, 409]
    stored, refused = (0, 1) if replies[0].status_code == 200 else (1, 0)
    assert replies[refused].json()["version"] == entry.version + 1
    entry.refresh_from_db()
    assert texts[stored] in entry.sections["what"]
    assert not stored_everywhere(entry, texts[refused])
    assert entry.version == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_share_and_an_autosave_at_the_same_moment_both_hold(
    lecturer: Any, coach: Any
) -> None:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort(coaches=(coach,)))
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )
    tab_a, tab_b = api_client(lecturer), api_client(lecturer)
    shared, saved = at_once(
        lambda: tab_a.post(
            entry_url(entry, "share/"), {"visibility": "peers"}, format="json"
        ),
        lambda: tab_b.post(
            edit_url(entry),
            {"title": "Week 1", "section_what": "Typed", "version": 1},
            HTTP_X_AUTOSAVE="1",
        ),
    )
    assert (shared.status_code, saved.status_code) == (200, 200)
    entry.refresh_from_db()
    assert entry.visibility == "peers" and "Typed" in entry.sections["what"]
    assert entry.version == 2
