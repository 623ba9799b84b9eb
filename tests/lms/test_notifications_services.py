"""Notification services: notify in the recipient's language, reading, preferences."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy

from lms.accounts.roles import Role
from lms.accounts.services import erase_person, set_preferred_language
from lms.notifications import services
from lms.notifications.exceptions import InvalidNotification, NotYours
from lms.notifications.models import (
    DigestFrequency,
    Notification,
    NotificationPreference,
    OutgoingEmail,
)
from lms.notifications.services import (
    mark_all_read,
    mark_read,
    notify,
    set_digest_preference,
)
from tests.factories import person

pytestmark = pytest.mark.django_db

# Strings that the shipped Dutch catalogue translates.
NOTIFICATIONS = gettext_lazy("Notifications")  # nl: "Meldingen"
ENROLLED = gettext_lazy("Enrolled")  # nl: "Ingeschreven"


@pytest.fixture
def dutch(faculty: Any) -> Any:
    user = person(Role.LECTURER, username="dutch", faculty=faculty)
    set_preferred_language(user=user, language="nl")
    return user


def test_notify_stores_the_notification(lecturer: Any) -> None:
    notification = notify(
        recipient=lecturer,
        kind="feedback",
        title="New feedback",
        body="Open the entry to read it.",
        url="/journal/3/",
    )

    stored = Notification.objects.get()
    assert stored == notification
    assert (stored.recipient, stored.kind, stored.title, stored.body, stored.url) == (
        lecturer,
        "feedback",
        "New feedback",
        "Open the entry to read it.",
        "/journal/3/",
    )
    assert stored.read_at is None
    assert stored.digest_sent_at is None
    assert not stored.is_read


def test_texts_are_rendered_in_the_recipients_language(
    lecturer: Any, dutch: Any
) -> None:
    translation.activate("en")  # the actor's language must not matter
    for recipient in (lecturer, dutch):
        notify(
            recipient=recipient,
            kind="status",
            title=format_lazy("{}: {}", ENROLLED, "Cohort A"),
            body=NOTIFICATIONS,
        )

    assert Notification.objects.get(recipient=lecturer).title == "Enrolled: Cohort A"
    assert Notification.objects.get(recipient=lecturer).body == "Notifications"
    assert Notification.objects.get(recipient=dutch).title == "Ingeschreven: Cohort A"
    assert Notification.objects.get(recipient=dutch).body == "Meldingen"
    assert translation.get_language() == "en"  # the override ended


def test_notify_belongs_to_the_callers_transaction(lecturer: Any) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        notify(recipient=lecturer, kind="feedback", title="Rolled back")
        raise RuntimeError("the caller's work failed")

    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    "kind", ["", "Feedback", "feed back", "x" * 51, "<script>", "-lead", "a/b"]
)
def test_notify_refuses_a_kind_that_is_not_a_short_slug(
    lecturer: Any, kind: str
) -> None:
    with pytest.raises(InvalidNotification):
        notify(recipient=lecturer, kind=kind, title="T")
    assert not Notification.objects.exists()


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.example/",
        "//evil.example/path",
        "/\\evil.example",
        "javascript:alert(1)",
        "journal/3/",
        "/journal/ 3/",
        "/journal/\n",
        "/" + "a" * 600,
    ],
)
def test_notify_refuses_a_link_off_the_site(lecturer: Any, url: str) -> None:
    with pytest.raises(InvalidNotification):
        notify(recipient=lecturer, kind="feedback", title="T", url=url)
    assert not Notification.objects.exists()


def test_overlong_texts_are_cut(lecturer: Any) -> None:
    notification = notify(
        recipient=lecturer, kind="feedback", title="T" * 500, body="B" * 9000
    )

    notification.refresh_from_db()
    assert len(notification.title) == services.MAX_TITLE_CHARS
    assert len(notification.body) == services.MAX_BODY_CHARS


def test_the_title_is_one_line(lecturer: Any) -> None:
    set_digest_preference(user=lecturer, digest="daily", email_immediately=True)

    notify(
        recipient=lecturer,
        kind="feedback",
        title="Week 1\r\nBcc: victim@example.org\n\tand more",
    )

    expected = "Week 1 Bcc: victim@example.org and more"
    assert Notification.objects.get().title == expected
    assert OutgoingEmail.objects.get().subject == expected


def test_no_email_by_default(lecturer: Any) -> None:
    notify(recipient=lecturer, kind="feedback", title="New feedback")

    assert not OutgoingEmail.objects.exists()
    assert Notification.objects.get().digest_sent_at is None


@override_settings(ENGAGE_SITE_URL="https://pd.example.org")
def test_email_immediately_queues_one_email_in_their_language(dutch: Any) -> None:
    set_digest_preference(user=dutch, digest="daily", email_immediately=True)

    notify(
        recipient=dutch,
        kind="status",
        title=format_lazy("{}: {}", ENROLLED, "Cohort A"),
        url="/trajectory/",
    )

    email = OutgoingEmail.objects.get()
    assert email.to == dutch.email
    assert email.subject == "Ingeschreven: Cohort A"
    assert "https://pd.example.org/trajectory/" in email.body
    assert "https://pd.example.org/notifications/preferences/" in email.body
    # The next digest does not repeat what was e-mailed already.
    assert Notification.objects.get().digest_sent_at is not None


def test_email_immediately_needs_an_address(lecturer: Any) -> None:
    set_digest_preference(user=lecturer, digest="daily", email_immediately=True)
    lecturer.email = ""
    lecturer.save(update_fields=["email"])

    notify(recipient=lecturer, kind="feedback", title="New feedback")

    assert Notification.objects.count() == 1
    assert not OutgoingEmail.objects.exists()


def test_mark_read_marks_only_ones_own(lecturer: Any, coach: Any) -> None:
    notification = notify(recipient=lecturer, kind="feedback", title="T")

    with pytest.raises(NotYours):
        mark_read(user=coach, notification=notification)
    assert Notification.objects.get().read_at is None

    mark_read(user=lecturer, notification=notification)
    read_at = Notification.objects.get().read_at
    assert read_at is not None
    assert notification.read_at == read_at

    mark_read(user=lecturer, notification=notification)  # again: nothing changes
    assert Notification.objects.get().read_at == read_at


def test_mark_all_read_touches_only_ones_own(lecturer: Any, coach: Any) -> None:
    for n in range(3):
        notify(recipient=lecturer, kind="feedback", title=f"L{n}")
    notify(recipient=coach, kind="entry-shared", title="C")

    assert mark_all_read(user=lecturer) == 3
    assert mark_all_read(user=lecturer) == 0

    assert not Notification.objects.filter(recipient=lecturer, read_at=None).exists()
    assert Notification.objects.get(recipient=coach).read_at is None


def test_set_digest_preference(lecturer: Any) -> None:
    preference = set_digest_preference(user=lecturer, digest="weekly")
    assert (preference.digest, preference.email_immediately) == ("weekly", False)

    set_digest_preference(user=lecturer, digest="off", email_immediately=True)
    set_digest_preference(user=lecturer, digest="daily")  # keeps the checkbox

    stored = NotificationPreference.objects.get(user=lecturer)
    assert (stored.digest, stored.email_immediately) == ("daily", True)


@pytest.mark.parametrize("digest", ["hourly", "", "DAILY", "<b>off</b>", "x" * 500])
def test_set_digest_preference_refuses_unknown_frequencies(
    lecturer: Any, digest: str
) -> None:
    with pytest.raises(InvalidNotification):
        set_digest_preference(user=lecturer, digest=digest)
    assert not NotificationPreference.objects.exists()


def test_the_default_preference_is_a_daily_digest(lecturer: Any) -> None:
    preference = NotificationPreference.objects.create(user=lecturer)
    assert preference.digest == DigestFrequency.DAILY
    assert preference.email_immediately is False


def test_erasing_a_person_erases_their_notifications(lecturer: Any, coach: Any) -> None:
    notify(recipient=lecturer, kind="feedback", title="Mine")
    notify(recipient=coach, kind="feedback", title="Theirs")
    set_digest_preference(user=lecturer, digest="weekly")

    erase_person(user=lecturer)

    assert list(Notification.objects.values_list("title", flat=True)) == ["Theirs"]
    assert not NotificationPreference.objects.exists()
