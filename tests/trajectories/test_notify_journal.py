"""Notifications from the journal: shared entries reach the cohort's coaches,
feedback the author, and the author's reply the others in the thread — never
anyone who may not read the entry."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from lms.accounts.roles import Role
from lms.notifications.models import Notification
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any) -> Any:
    second_coach = person(Role.COACH, username="second-coach")
    cohort = make_cohort(coaches=(coach, second_coach))
    other_coach = person(Role.COACH, username="other-coach")
    make_cohort(coaches=(other_coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    peer = person(Role.LECTURER, username="peer", first_name="Pim", last_name="Peer")
    peer_enrolment = services.enrol(user=peer, cohort=cohort)
    outsider = person(Role.LECTURER, username="outsider")
    services.enrol(user=outsider, cohort=cohort)
    services.form_peer_groups(
        actor=coach,
        cohort=cohort,
        assignment={enrolment.pk: "Group 1", peer_enrolment.pk: "Group 1"},
    )
    lecturer.first_name, lecturer.last_name = "Noor", "Lecturer"
    lecturer.save(update_fields=["first_name", "last_name"])
    coach.first_name, coach.last_name = "Cas", "Coach"
    coach.save(update_fields=["first_name", "last_name"])
    entry = services.save_entry(
        author=lecturer, enrolment=enrolment, title="Week 1", sections={}
    )

    return SimpleNamespace(
        lecturer=lecturer, coach=coach, second_coach=second_coach,
        other_coach=other_coach, peer=peer, outsider=outsider,
        coordinator=coordinator, admin=programme_admin, entry=entry,
    )  # fmt: skip


def received(user: Any, kind: str | None = None) -> list[Notification]:
    notifications = Notification.objects.filter(recipient=user)
    if kind:
        notifications = notifications.filter(kind=kind)
    return list(notifications.order_by("pk"))


def recipients(kind: str) -> set[str]:
    return set(
        Notification.objects.filter(kind=kind).values_list(
            "recipient__username", flat=True
        )
    )


def test_writing_a_private_entry_notifies_nobody(world: Any) -> None:
    assert not Notification.objects.exists()


def test_sharing_with_the_coach_notifies_the_cohorts_coaches(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")

    assert recipients("entry-shared") == {"coach", "second-coach"}
    notification = received(world.coach)[0]
    assert notification.title == "Noor Lecturer shared “Week 1” with you"
    assert notification.url == reverse(
        "engage_trajectories:entry", args=[world.entry.pk]
    )
    assert notification.read_at is None


def test_sharing_with_peers_also_notifies_the_coaches(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")
    assert recipients("entry-shared") == {"coach", "second-coach"}


def test_widening_or_unsharing_notifies_nobody_again(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="private")
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="private")

    assert Notification.objects.count() == 2  # the first share, once per coach


def test_sharing_again_after_unsharing_tells_the_coaches_again(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="private")
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")

    assert len(received(world.coach, "entry-shared")) == 2


def test_a_refused_share_notifies_nobody(world: Any) -> None:
    with pytest.raises(NotAllowed):
        services.share_entry(author=world.peer, entry=world.entry, visibility="coach")
    assert not Notification.objects.exists()


def test_coach_feedback_notifies_the_author_only(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    Notification.objects.all().delete()

    services.give_feedback(author=world.coach, entry=world.entry, body="Good start")

    assert recipients("feedback") == {"lecturer"}
    notification = received(world.lecturer)[0]
    assert notification.title == "Cas Coach gave feedback on “Week 1”"
    assert notification.url == reverse(
        "engage_trajectories:entry", args=[world.entry.pk]
    )
    assert "Good start" not in notification.title + notification.body


def test_peer_feedback_notifies_the_author(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")

    services.give_feedback(author=world.peer, entry=world.entry, body="Same here")

    assert recipients("feedback") == {"lecturer"}
    assert received(world.lecturer)[0].title == "Pim Peer gave feedback on “Week 1”"


def test_the_authors_reply_notifies_the_others_in_the_thread(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")
    services.give_feedback(author=world.coach, entry=world.entry, body="Good")
    services.give_feedback(author=world.peer, entry=world.entry, body="Agreed")
    services.give_feedback(author=world.coach, entry=world.entry, body="And more")

    services.give_feedback(author=world.lecturer, entry=world.entry, body="Thanks")

    assert recipients("feedback-reply") == {"coach", "peer"}
    assert len(received(world.coach, "feedback-reply")) == 1  # once, not per post
    reply = received(world.peer, "feedback-reply")[0]
    assert reply.title == "Noor Lecturer replied on “Week 1”"
    assert not received(world.lecturer, "feedback-reply")


def test_a_reply_reaches_only_who_may_still_read_the_entry(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")
    services.give_feedback(author=world.coach, entry=world.entry, body="Good")
    services.give_feedback(author=world.peer, entry=world.entry, body="Agreed")
    # The author narrows the audience to the coach: the peer no longer reads it.
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")

    services.give_feedback(author=world.lecturer, entry=world.entry, body="Thanks")
    assert recipients("feedback-reply") == {"coach"}

    # Private again: nobody but the author reads it, so nobody is told.
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="private")
    Notification.objects.all().delete()
    services.give_feedback(author=world.lecturer, entry=world.entry, body="Note")
    assert not Notification.objects.exists()


def test_a_reply_without_a_thread_notifies_nobody(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    Notification.objects.all().delete()

    services.give_feedback(author=world.lecturer, entry=world.entry, body="Note")

    assert not Notification.objects.exists()


def test_refused_feedback_notifies_nobody(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    Notification.objects.all().delete()

    with pytest.raises(NotAllowed):
        services.give_feedback(author=world.coach, entry=world.entry, body="   ")
    with pytest.raises(NotAllowed):
        services.give_feedback(author=world.outsider, entry=world.entry, body="Hi")

    assert not Notification.objects.exists()


def test_no_notification_leaks_to_anyone_else(world: Any) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="peers")
    services.give_feedback(author=world.coach, entry=world.entry, body="Good")
    services.give_feedback(author=world.peer, entry=world.entry, body="Agreed")
    services.give_feedback(author=world.lecturer, entry=world.entry, body="Thanks")

    for outsider in (world.outsider, world.other_coach, world.coordinator, world.admin):
        assert not received(outsider), outsider.username


def test_feedback_through_the_page_notifies_the_author(
    world: Any, client_for: Any
) -> None:
    services.share_entry(author=world.lecturer, entry=world.entry, visibility="coach")
    url = reverse("engage_trajectories:entry_feedback", args=[world.entry.pk])

    response = client_for(world.coach).post(url, {"body": "Well observed"})

    assert response.status_code == 302
    assert [n.kind for n in received(world.lecturer)] == ["feedback"]
    # The lecturer sees it on their notifications page and in the header badge.
    html = client_for(world.lecturer).get("/notifications/").content.decode()
    assert "Cas Coach gave feedback on “Week 1”" in html
    assert "(1 unread notification)" in html


def test_sharing_through_the_page_notifies_the_coaches(
    world: Any, client_for: Any
) -> None:
    url = reverse("engage_trajectories:entry_share", args=[world.entry.pk])

    client_for(world.lecturer).post(url, {"visibility": "coach"})

    assert recipients("entry-shared") == {"coach", "second-coach"}
    html = client_for(world.coach).get("/notifications/").content.decode()
    assert "Noor Lecturer shared “Week 1” with you" in html
    assert (
        "Week 1" not in client_for(world.peer).get("/notifications/").content.decode()
    )
