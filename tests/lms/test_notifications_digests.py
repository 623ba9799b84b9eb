"""Digests: what goes in, who gets one, in which language, and never twice."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from lms.accounts.roles import Role
from lms.accounts.services import set_preferred_language
from lms.notifications import digest_sources
from lms.notifications.data import DigestItem
from lms.notifications.exceptions import InvalidNotification
from lms.notifications.models import Notification, NotificationPreference, OutgoingEmail
from lms.notifications.services import (
    build_digest,
    notify,
    send_digests,
    set_digest_preference,
)
from tests.factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def only_test_sources(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The registry holds only what a test registers (the apps' own are restored)."""
    registry: dict[str, Any] = {}
    monkeypatch.setattr(digest_sources, "_sources", registry)
    return registry


@pytest.fixture
def calls() -> list[tuple[Any, datetime, str]]:
    return []


@pytest.fixture
def agenda(calls: list[tuple[Any, datetime, str]]) -> Iterator[None]:
    """A source with one item for everyone, recording who asked in which language."""

    def source(user: Any, since: datetime) -> list[DigestItem]:
        calls.append((user, since, translation.get_language()))
        return [
            DigestItem(
                heading=str(gettext_lazy("Notifications")),
                title=f"Agenda for {user.username}",
                url="/trajectory/",
                detail="Tuesday",
            )
        ]

    digest_sources.register_digest_source("agenda", source)
    yield
    digest_sources.unregister_digest_source("agenda")


def days_ago(days: float) -> datetime:
    return timezone.now() - timedelta(days=days)


def note(user: Any, title: str, *, days: float = 0, **fields: Any) -> Notification:
    notification = notify(recipient=user, kind="feedback", title=title, url="/x/")
    Notification.objects.filter(pk=notification.pk).update(
        created_at=days_ago(days), **fields
    )
    return notification


# --- the registry -----------------------------------------------------------------


def test_sources_register_by_key_and_can_be_replaced_and_removed() -> None:
    def first(user: Any, since: datetime) -> list[DigestItem]:
        return []

    def second(user: Any, since: datetime) -> list[DigestItem]:
        return []

    digest_sources.register_digest_source("b", first)
    digest_sources.register_digest_source("a", first)
    digest_sources.register_digest_source("b", second)

    assert digest_sources.digest_sources() == [("a", first), ("b", second)]
    digest_sources.unregister_digest_source("b")
    digest_sources.unregister_digest_source("never-registered")
    assert digest_sources.digest_sources() == [("a", first)]


def test_the_trajectories_register_their_source(
    only_test_sources: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.undo()  # the real registry, as the apps left it
    from trajectories.selectors.digests import digest_items

    assert ("trajectories", digest_items) in digest_sources.digest_sources()


# --- build_digest -----------------------------------------------------------------


def test_build_digest_takes_unread_undigested_notifications_since(
    lecturer: Any, coach: Any
) -> None:
    new = note(lecturer, "new", days=0.5)
    older = note(lecturer, "older but since", days=2)
    note(lecturer, "before since", days=4)
    note(lecturer, "read", days=0.5, read_at=timezone.now())
    note(lecturer, "in a digest", days=0.5, digest_sent_at=timezone.now())
    note(coach, "someone else's", days=0.5)

    digest = build_digest(user=lecturer, since=days_ago(3))

    assert [n.pk for n in digest.notifications] == [older.pk, new.pk]
    assert [n.title for n in digest.notifications] == ["older but since", "new"]
    assert digest.sections == ()
    assert not digest.is_empty
    assert digest.user_id == lecturer.pk


def test_build_digest_with_nothing_to_say_is_empty(lecturer: Any) -> None:
    digest = build_digest(user=lecturer, since=days_ago(1))
    assert digest.is_empty


def test_build_digest_adds_source_items_in_the_recipients_language(
    lecturer: Any, agenda: None, calls: list[Any]
) -> None:
    set_preferred_language(user=lecturer, language="nl")
    since = days_ago(1)

    digest = build_digest(user=lecturer, since=since)

    assert calls == [(lecturer, since, "nl")]
    assert len(digest.sections) == 1
    section = digest.sections[0]
    assert section.heading == "Meldingen"
    assert [item.title for item in section.items] == ["Agenda for lecturer"]
    assert translation.get_language() != "nl"


def test_items_of_several_sources_share_a_heading(lecturer: Any) -> None:
    digest_sources.register_digest_source(
        "one",
        lambda user, since: [
            DigestItem(heading="Due", title="A"),
            DigestItem(heading="Sessions", title="B"),
        ],
    )
    digest_sources.register_digest_source(
        "two", lambda user, since: [DigestItem(heading="Due", title="C")]
    )

    digest = build_digest(user=lecturer, since=days_ago(1))

    assert [(s.heading, [i.title for i in s.items]) for s in digest.sections] == [
        ("Due", ["A", "C"]),
        ("Sessions", ["B"]),
    ]


def test_a_broken_source_is_logged_and_the_rest_still_sent(
    lecturer: Any, agenda: None, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(user: Any, since: datetime) -> list[DigestItem]:
        raise ValueError("database hiccup")

    digest_sources.register_digest_source("0-broken", broken)

    digest = build_digest(user=lecturer, since=days_ago(1))

    assert [i.title for s in digest.sections for i in s.items] == [
        "Agenda for lecturer"
    ]
    assert "0-broken" in caplog.text


# --- send_digests -----------------------------------------------------------------


def test_daily_digest_goes_to_everyone_who_did_not_choose_otherwise(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any
) -> None:
    note(lecturer, "default: daily", days=0.1)
    note(coach, "chose daily", days=0.1)
    set_digest_preference(user=coach, digest="daily")
    note(coordinator, "chose weekly", days=0.1)
    set_digest_preference(user=coordinator, digest="weekly")
    note(programme_admin, "chose off", days=0.1)
    set_digest_preference(user=programme_admin, digest="off")

    assert send_digests(frequency="daily") == 2

    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == sorted(
        [lecturer.email, coach.email]
    )
    assert send_digests(frequency="weekly") == 1
    assert OutgoingEmail.objects.filter(to=coordinator.email).count() == 1
    assert not OutgoingEmail.objects.filter(to=programme_admin.email).exists()


def test_people_with_nothing_to_say_get_no_email(lecturer: Any, coach: Any) -> None:
    note(lecturer, "something", days=0.1)

    assert send_digests(frequency="daily") == 1
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [lecturer.email]
    # Nobody was given a preference row just for being looked at.
    assert not NotificationPreference.objects.filter(user=coach).exists()


def test_inactive_people_and_people_without_address_are_skipped(
    lecturer: Any, coach: Any
) -> None:
    note(lecturer, "n", days=0.1)
    note(coach, "n", days=0.1)
    lecturer.is_active = False
    lecturer.save(update_fields=["is_active"])
    coach.email = ""
    coach.save(update_fields=["email"])

    assert send_digests(frequency="daily") == 0
    assert not OutgoingEmail.objects.exists()


@override_settings(ENGAGE_SITE_URL="https://pd.example.org")
def test_the_digest_email(lecturer: Any, agenda: None) -> None:
    first = note(lecturer, "Noor gave feedback on “Week 1”", days=0.2)
    second = note(lecturer, "A place came free", days=0.1)

    send_digests(frequency="daily")

    email = OutgoingEmail.objects.get()
    assert email.to == lecturer.email
    assert email.subject == "Your daily summary from Engage PD"
    body = email.body
    assert body.index("Noor gave feedback on “Week 1”") < body.index(
        "A place came free"
    )
    assert "&ldquo;" not in body and "&amp;" not in body  # plain text, not HTML
    assert "https://pd.example.org/x/" in body
    assert "Agenda for lecturer" in body and "Tuesday" in body
    assert "https://pd.example.org/trajectory/" in body
    assert "https://pd.example.org/notifications/" in body
    assert "https://pd.example.org/notifications/preferences/" in body
    for notification in (first, second):
        notification.refresh_from_db()
        assert notification.digest_sent_at is not None
        assert notification.read_at is None  # still unread on the site


def test_the_weekly_subject(lecturer: Any) -> None:
    set_digest_preference(user=lecturer, digest="weekly")
    note(lecturer, "n", days=1)

    send_digests(frequency="weekly")

    assert OutgoingEmail.objects.get().subject == "Your weekly summary from Engage PD"


def test_the_digest_is_in_the_recipients_language(
    lecturer: Any, agenda: None, calls: list[Any]
) -> None:
    set_preferred_language(user=lecturer, language="nl")
    note(lecturer, "n", days=0.1)

    send_digests(frequency="daily")

    assert [language for _user, _since, language in calls] == ["nl"]
    assert "== Meldingen ==" in OutgoingEmail.objects.get().body


def test_running_twice_sends_nothing_twice(lecturer: Any, agenda: None) -> None:
    note(lecturer, "n", days=0.1)

    assert send_digests(frequency="daily") == 1
    assert send_digests(frequency="daily") == 0

    assert OutgoingEmail.objects.count() == 1


def test_the_next_day_sends_only_what_is_new(lecturer: Any) -> None:
    note(lecturer, "yesterday's", days=0.5)
    assert send_digests(frequency="daily") == 1
    # A day later: the last digest went out yesterday.
    NotificationPreference.objects.filter(user=lecturer).update(
        last_digest_at=days_ago(1)
    )
    note(lecturer, "today's", days=0.1)

    assert send_digests(frequency="daily") == 1

    latest = OutgoingEmail.objects.order_by("-pk").first()
    assert latest is not None
    assert "today's" in latest.body
    assert "yesterday's" not in latest.body


def test_weekly_sends_once_a_week(lecturer: Any, agenda: None) -> None:
    set_digest_preference(user=lecturer, digest="weekly")

    assert send_digests(frequency="weekly") == 1
    assert send_digests(frequency="weekly") == 0
    NotificationPreference.objects.filter(user=lecturer).update(
        last_digest_at=days_ago(7)
    )
    assert send_digests(frequency="weekly") == 1
    assert OutgoingEmail.objects.count() == 2


def test_a_first_weekly_digest_looks_back_a_week(
    lecturer: Any, agenda: None, calls: list[Any]
) -> None:
    set_digest_preference(user=lecturer, digest="weekly")
    in_week = note(lecturer, "in the week", days=5)
    note(lecturer, "before the week", days=8)

    send_digests(frequency="weekly")

    (_user, since, _language) = calls[0]
    assert days_ago(7.01) < since < days_ago(6.99)
    body = OutgoingEmail.objects.get().body
    assert "in the week" in body and "before the week" not in body
    in_week.refresh_from_db()
    assert in_week.digest_sent_at is not None


def test_a_missed_day_is_caught_up_but_not_a_missed_month(lecturer: Any) -> None:
    set_digest_preference(user=lecturer, digest="daily")
    NotificationPreference.objects.filter(user=lecturer).update(
        last_digest_at=days_ago(1.9)
    )
    note(lecturer, "from the missed day", days=1.5)
    note(lecturer, "ancient", days=20)

    send_digests(frequency="daily")

    body = OutgoingEmail.objects.get().body
    assert "from the missed day" in body
    assert "ancient" not in body


def test_a_notification_emailed_at_once_is_not_repeated(lecturer: Any) -> None:
    set_digest_preference(user=lecturer, digest="daily", email_immediately=True)
    notify(recipient=lecturer, kind="feedback", title="Sent at once")

    assert OutgoingEmail.objects.count() == 1
    assert send_digests(frequency="daily") == 0


@pytest.mark.parametrize("frequency", ["off", "hourly", ""])
def test_send_digests_refuses_other_frequencies(frequency: str) -> None:
    with pytest.raises(InvalidNotification):
        send_digests(frequency=frequency)


def test_a_person_with_nothing_to_say_costs_one_query(lecturer: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_with_quiet_people(count: int) -> int:
        for n in range(count):
            person(Role.LECTURER, username=f"quiet{count}-{n}")
        OutgoingEmail.objects.all().delete()
        NotificationPreference.objects.all().delete()
        note(lecturer, "n", days=0.1)
        with CaptureQueriesContext(connection) as context:
            assert send_digests(frequency="daily") == 1
        return len(context)

    ten = queries_with_quiet_people(10)
    thirty = queries_with_quiet_people(20)  # 30 in all

    # No source registered: one notification query per person, nothing more.
    assert thirty - ten == 20
    assert ten <= 11 + 12  # the people, the iterator and sending one digest
