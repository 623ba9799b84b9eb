from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from lms.xapi.models import Statement
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import JournalEntry, JournalRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(lecturer: Any, coach: Any) -> dict[str, Any]:
    cohort = make_cohort(coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    peer = person(Role.LECTURER, username="peer")
    peer_enrolment = services.enrol(user=peer, cohort=cohort)
    outsider = person(Role.LECTURER, username="outsider")
    services.enrol(user=outsider, cohort=cohort)
    services.form_peer_groups(
        actor=coach,
        cohort=cohort,
        assignment={enrolment.pk: "Group 1", peer_enrolment.pk: "Group 1"},
    )
    entry = services.save_entry(
        author=lecturer,
        enrolment=enrolment,
        title="Week 1",
        sections={"what": "<p>I rewrote <script>x</script>the rubric.</p>"},
    )
    return {"entry": entry, "enrolment": enrolment, "peer": peer, "outsider": outsider}


def test_entry_is_private_until_shared(
    setting: dict[str, Any], lecturer: Any, coach: Any, coordinator: Any,
    programme_admin: Any, client_for: Any,
) -> None:  # fmt: skip
    entry = setting["entry"]
    assert "<script>" not in entry.sections["what"]
    url = reverse("engage_trajectories:entry", args=[entry.pk])
    readers = {
        "author": lecturer, "coach": coach, "peer": setting["peer"],
        "outsider": setting["outsider"], "coordinator": coordinator,
        "admin": programme_admin,
    }  # fmt: skip

    def who_reads() -> set[str]:
        return {
            name for name, user in readers.items()
            if client_for(user).get(url).status_code == 200
        }  # fmt: skip

    assert who_reads() == {"author"}
    assert Client().get(url).status_code == 302  # to sign in
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    assert who_reads() == {"author", "coach"}
    services.share_entry(author=lecturer, entry=entry, visibility="peers")
    assert who_reads() == {"author", "coach", "peer"}
    assert (
        Statement.objects.filter(
            payload__verb__id__endswith="submitted-reflection"
        ).count()
        == 1
    )


def test_feedback_thread_and_permissions(
    setting: dict[str, Any], lecturer: Any, coach: Any
) -> None:
    entry = setting["entry"]
    with pytest.raises(NotAllowed):
        services.give_feedback(author=coach, entry=entry, body="Too early")
    services.share_entry(author=lecturer, entry=entry, visibility="coach")
    services.give_feedback(
        author=coach, entry=entry, body="<p>Nice <b>work</b><script>x()</script></p>"
    )
    services.give_feedback(author=lecturer, entry=entry, body="Thanks!")
    # Feedback has an editor: it is stored as cleaned HTML.
    assert [f.body for f in entry.feedback.all()] == [
        "<p>Nice <b>work</b></p>",
        "Thanks!",
    ]
    with pytest.raises(NotAllowed):
        services.give_feedback(author=setting["outsider"], entry=entry, body="Hi")


def test_autosave_returns_json_and_coalesces_revisions(
    setting: dict[str, Any], lecturer: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    new_url = reverse("engage_trajectories:entry_new", args=[setting["enrolment"].pk])
    reply = client.post(
        new_url, {"title": "Draft", "section_what": "first"}, HTTP_X_AUTOSAVE="1"
    ).json()
    entry = JournalEntry.objects.get(pk=reply["id"])
    assert reply["version"] == 1
    for text in ("second", "third"):
        # Each autosave sends the version the previous one answered.
        reply = client.post(
            reply["edit_url"],
            {"title": "Draft", "section_what": text, "version": reply["version"]},
            HTTP_X_AUTOSAVE="1",
        ).json()
    assert reply["version"] == 3
    entry.refresh_from_db()
    assert "third" in entry.sections["what"]
    assert JournalRevision.objects.filter(entry=entry).count() == 1
    bad = client.post(reply["edit_url"], {"title": ""}, HTTP_X_AUTOSAVE="1")
    assert bad.status_code == 400 and "errors" in bad.json()


def test_nobody_edits_someone_elses_entry(
    setting: dict[str, Any], coach: Any, client_for: Any
) -> None:
    entry = setting["entry"]
    url = reverse("engage_trajectories:entry_edit", args=[entry.pk])
    assert client_for(coach).get(url).status_code == 404
    assert client_for(setting["peer"]).post(url, {"title": "x"}).status_code == 404
    with pytest.raises(NotAllowed):
        services.save_entry(
            author=coach, enrolment=setting["enrolment"], entry=entry, title="x",
            sections={}, version=entry.version,
        )  # fmt: skip


def test_journal_pages_render(
    setting: dict[str, Any], lecturer: Any, coach: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    enrolment = setting["enrolment"]
    assert (
        "Week 1"
        in client.get(
            reverse("engage_trajectories:journal", args=[enrolment.pk])
        ).content.decode()
    )
    form = client.get(reverse("engage_trajectories:entry_new", args=[enrolment.pk]))
    assert "So what?" in form.content.decode()
    services.share_entry(author=lecturer, entry=setting["entry"], visibility="coach")
    overview = client_for(coach).get(
        reverse("engage_trajectories:cohort", args=[enrolment.cohort_id])
    )
    assert "Week 1" in overview.content.decode()  # awaiting feedback
