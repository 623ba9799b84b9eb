"""The notification pages through HTTP: who sees and changes what, bad input, CSRF,
the header badge and query counts."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from lms.notifications.models import Notification, NotificationPreference
from lms.notifications.services import (
    mark_all_read,
    mark_read,
    notify,
    set_digest_preference,
)
from tests.factories import person

pytestmark = pytest.mark.django_db

LIST = "/notifications/"
PREFERENCES = "/notifications/preferences/"
READ_ALL = "/notifications/read-all/"


def open_url(notification: Notification) -> str:
    return f"/notifications/{notification.pk}/open/"


@pytest.fixture
def people(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any
) -> dict[str, Any]:
    return {
        "lecturer": lecturer,
        "other lecturer": person(Role.LECTURER, username="other-lecturer"),
        "coach": coach,
        "other coach": person(Role.COACH, username="other-coach"),
        "faculty coordinator": coordinator,
        "programme admin": programme_admin,
    }


@pytest.fixture
def lecturers_notification(lecturer: Any) -> Notification:
    return notify(
        recipient=lecturer,
        kind="feedback",
        title="Private: feedback on “My doubts”",
        body="Only for the lecturer",
        url="/trajectory/",
    )


def test_the_urls() -> None:
    assert reverse("engage_notifications:list") == LIST
    assert reverse("engage_notifications:preferences") == PREFERENCES
    assert reverse("engage_notifications:read_all") == READ_ALL
    assert reverse("engage_notifications:open", args=[7]) == "/notifications/7/open/"


@pytest.mark.parametrize("url", [LIST, PREFERENCES])
def test_anonymous_people_are_sent_to_sign_in(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_posts_change_nothing(lecturers_notification: Notification) -> None:
    client = Client()
    for url in (open_url(lecturers_notification), READ_ALL, PREFERENCES):
        response = client.post(url, {"digest": "off"})
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
    lecturers_notification.refresh_from_db()
    assert lecturers_notification.read_at is None
    assert not NotificationPreference.objects.exists()


def test_only_the_recipient_sees_a_notification(
    people: dict[str, Any], lecturers_notification: Notification, client_for: Any
) -> None:
    for name, user in people.items():
        response = client_for(user).get(LIST)
        assert response.status_code == 200, name
        shown = "Private: feedback on “My doubts”" in response.content.decode()
        assert shown == (name == "lecturer"), name


def test_nobody_else_can_open_or_mark_a_notification(
    people: dict[str, Any], lecturers_notification: Notification, client_for: Any
) -> None:
    for name, user in people.items():
        if name == "lecturer":
            continue
        client = client_for(user)
        response = client.post(open_url(lecturers_notification))
        assert response.status_code == 404, name
        assert client.post(READ_ALL).status_code == 302, name
    lecturers_notification.refresh_from_db()
    assert lecturers_notification.read_at is None


def test_an_unknown_notification_is_not_found(lecturer: Any, client_for: Any) -> None:
    client = client_for(lecturer)
    assert client.post("/notifications/999999/open/").status_code == 404
    assert client.post("/notifications/0/open/").status_code == 404
    assert client.post("/notifications/abc/open/").status_code == 404


def test_opening_marks_read_and_goes_to_the_link(
    lecturer: Any, lecturers_notification: Notification, client_for: Any
) -> None:
    response = client_for(lecturer).post(open_url(lecturers_notification))

    assert response.status_code == 302
    assert response["Location"] == "/trajectory/"
    lecturers_notification.refresh_from_db()
    assert lecturers_notification.read_at is not None


def test_opening_is_a_post(
    lecturer: Any, lecturers_notification: Notification, client_for: Any
) -> None:
    response = client_for(lecturer).get(open_url(lecturers_notification))

    assert response.status_code == 405
    lecturers_notification.refresh_from_db()
    assert lecturers_notification.read_at is None


def test_a_notification_without_link_returns_to_the_list(
    lecturer: Any, client_for: Any
) -> None:
    notification = notify(recipient=lecturer, kind="status", title="No link")

    response = client_for(lecturer).post(open_url(notification), follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert "Marked as read." in response.content.decode()


@pytest.mark.parametrize(
    "stored", ["https://evil.example/", "//evil.example/", "/\\evil.example"]
)
def test_a_link_off_the_site_is_never_followed(
    lecturer: Any, client_for: Any, stored: str
) -> None:
    # notify() refuses these; a row written around it must still not redirect away.
    notification = Notification.objects.create(
        recipient=lecturer, kind="status", title="Odd", url=stored
    )

    response = client_for(lecturer).post(open_url(notification))

    assert response.status_code == 302
    assert response["Location"] == LIST


def test_mark_all_as_read(lecturer: Any, coach: Any, client_for: Any) -> None:
    for n in range(3):
        notify(recipient=lecturer, kind="feedback", title=f"N{n}")
    theirs = notify(recipient=coach, kind="feedback", title="Coach's")

    response = client_for(lecturer).post(READ_ALL, follow=True)

    assert response.redirect_chain == [(LIST, 302)]
    assert "3 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=lecturer, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_is_a_post(lecturer: Any, client_for: Any) -> None:
    notify(recipient=lecturer, kind="feedback", title="N")
    assert client_for(lecturer).get(READ_ALL).status_code == 405
    assert Notification.objects.get().read_at is None


def test_posts_need_the_csrf_token(
    lecturer: Any, lecturers_notification: Notification
) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(lecturer)

    for url in (open_url(lecturers_notification), READ_ALL, PREFERENCES):
        assert client.post(url, {"digest": "off"}).status_code == 403, url

    lecturers_notification.refresh_from_db()
    assert lecturers_notification.read_at is None
    assert not NotificationPreference.objects.exists()


def test_the_list_newest_first_with_unread_said_in_words(
    lecturer: Any, client_for: Any
) -> None:
    older = notify(recipient=lecturer, kind="feedback", title="Older one")
    newer = notify(recipient=lecturer, kind="feedback", title="Newer one")
    older.read_at = older.created_at
    older.save(update_fields=["read_at"])

    html = client_for(lecturer).get(LIST).content.decode()

    assert html.index("Newer one") < html.index("Older one")
    items = re.findall(r'<li class="notification[^"]*">.*?</li>', html, re.DOTALL)
    assert len(items) == 2
    assert "Unread:" in items[0] and "Newer one" in items[0]
    assert "Unread:" not in items[1] and "read" in items[1]
    assert f'action="{open_url(newer)}"' in items[0]
    assert 'name="csrfmiddlewaretoken"' in items[0]


def test_the_text_is_escaped(lecturer: Any, client_for: Any) -> None:
    notify(
        recipient=lecturer,
        kind="feedback",
        title="<script>alert(1)</script>",
        body="<img src=x onerror=alert(1)>",
    )

    html = client_for(lecturer).get(LIST).content.decode()

    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_list_is_paginated(lecturer: Any, client_for: Any) -> None:
    Notification.objects.bulk_create(
        [
            Notification(recipient=lecturer, kind="feedback", title=f"Item {n:02d}")
            for n in range(30)
        ]
    )
    client = client_for(lecturer)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert first.count('<li class="notification') == 25
    assert second.count('<li class="notification') == 5
    assert "Page 2 of 2 (30 in all)" in second


@pytest.mark.parametrize(
    "page", ["abc", "-1", "0", "99999999999999999999999", "1' OR 1=1", "x" * 5000]
)
def test_a_hostile_page_number_still_shows_a_page(
    lecturer: Any, client_for: Any, page: str
) -> None:
    notify(recipient=lecturer, kind="feedback", title="Still here")

    response = client_for(lecturer).get(LIST, {"page": page})

    assert response.status_code == 200
    assert "Still here" in response.content.decode()


def test_the_list_page_queries_do_not_grow_with_notifications(
    lecturer: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=lecturer,
                kind="feedback",
                title=f"Feedback {n}",
                body="Read it",
                url=f"/journal/{n}/",
            )
            for n in range(50)
        ]
    )
    client = client_for(lecturer)

    # Session, user, count, the rows, the unread badge, the menu's roles and the
    # Wagtail user bar's two permission queries: 8 whatever the number of rows
    # (+1 on this first, cold request: the main menu's course listing address).
    with django_assert_max_num_queries(9):
        response = client.get(LIST)
    assert response.content.decode().count('<li class="notification') == 25
    with django_assert_max_num_queries(8):
        response = client.get(LIST, {"page": 2})
    assert response.content.decode().count('<li class="notification') == 25


# --- the header badge -------------------------------------------------------------


def badge(html: str) -> str:
    match = re.search(r'<a class="[^"]*notifications-link.*?</a>', html, re.DOTALL)
    return match.group(0) if match else ""


def test_the_badge_says_how_many_are_unread(lecturer: Any, client_for: Any) -> None:
    for n in range(3):
        notify(recipient=lecturer, kind="feedback", title=f"N{n}")
    read = notify(recipient=lecturer, kind="feedback", title="Read")
    read.read_at = read.created_at
    read.save(update_fields=["read_at"])

    html = badge(client_for(lecturer).get(PREFERENCES).content.decode())

    assert 'href="/notifications/"' in html
    assert '<span class="visually-hidden">(3 unread notifications)</span>' in html
    assert '<span class="notifications-count" aria-hidden="true">3</span>' in html


def test_the_badge_in_the_singular_and_without_unread(
    lecturer: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    html = badge(client.get(PREFERENCES).content.decode())
    assert html and "unread" not in html and "notifications-count" not in html

    notify(recipient=lecturer, kind="feedback", title="One")
    html = badge(client.get(PREFERENCES).content.decode())
    assert "(1 unread notification)" in html


def test_the_badge_counts_only_ones_own(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    notify(recipient=lecturer, kind="feedback", title="For the lecturer")
    assert "unread" not in badge(client_for(coach).get(PREFERENCES).content.decode())


def test_no_badge_for_anonymous_people(client: Client) -> None:
    html = client.get("/accounts/login/").content.decode()
    assert "notifications-link" not in html


def test_the_badge_costs_at_most_one_query(
    lecturer: Any, coach: Any, django_assert_num_queries: Any
) -> None:
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template("{% load engage_notifications %}{% notifications_badge %}")

    def render(user: Any) -> str:
        request = RequestFactory().get("/")
        request.user = user
        return template.render(Context({"request": request}))

    notify(recipient=lecturer, kind="feedback", title="N")
    with django_assert_num_queries(1):
        assert "(1 unread notification)" in render(lecturer)
    with django_assert_num_queries(0):  # the next page: from the cache
        assert "(1 unread notification)" in render(lecturer)

    # A new notification, reading one, reading all: the next page counts again.
    notify(recipient=lecturer, kind="feedback", title="N")
    with django_assert_num_queries(1):
        assert "(2 unread notifications)" in render(lecturer)
    mark_read(user=lecturer, notification=Notification.objects.first())
    assert "(1 unread notification)" in render(lecturer)
    mark_all_read(user=lecturer)
    assert "unread" not in render(lecturer)
    # Someone else's notifications do not touch this person's count.
    notify(recipient=coach, kind="feedback", title="N")
    with django_assert_num_queries(0):
        assert "unread" not in render(lecturer)

    with django_assert_num_queries(0):
        assert render(AnonymousUser()).strip() == ""


def test_the_badge_count_is_dropped_again_after_commit(
    lecturer: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from django.core.cache import cache

    from lms.notifications.selectors import badge_count, unread_cache_key

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipient=lecturer, kind="feedback", title="N")
        # A request during the transaction caches a count...
        cache.set(unread_cache_key(lecturer.pk), 0)
    for callback in callbacks:
        callback()
    # ...which the commit drops.
    assert cache.get(unread_cache_key(lecturer.pk)) is None
    assert badge_count(lecturer) == 1


# --- preferences ------------------------------------------------------------------


def test_the_preferences_form_shows_the_default(lecturer: Any, client_for: Any) -> None:
    html = client_for(lecturer).get(PREFERENCES).content.decode()

    assert re.search(r'value="daily"[^>]*checked', html)
    assert 'name="email_immediately"' in html
    assert not NotificationPreference.objects.exists()  # looking writes nothing


def test_the_preferences_form_shows_the_choice(lecturer: Any, client_for: Any) -> None:
    set_digest_preference(user=lecturer, digest="weekly", email_immediately=True)

    html = client_for(lecturer).get(PREFERENCES).content.decode()

    assert re.search(r'value="weekly"[^>]*checked', html)
    assert re.search(r'name="email_immediately"[^>]*checked', html)


@pytest.mark.parametrize(
    ("posted", "digest", "immediately"),
    [
        ({"digest": "weekly"}, "weekly", False),
        ({"digest": "off", "email_immediately": "on"}, "off", True),
        ({"digest": "daily"}, "daily", False),
    ],
)
def test_saving_preferences(
    lecturer: Any,
    client_for: Any,
    posted: dict[str, str],
    digest: str,
    immediately: bool,
) -> None:
    response = client_for(lecturer).post(PREFERENCES, posted, follow=True)

    assert response.redirect_chain == [(PREFERENCES, 302)]
    assert "Your notification settings have been saved." in response.content.decode()
    preference = NotificationPreference.objects.get(user=lecturer)
    assert (preference.digest, preference.email_immediately) == (digest, immediately)


@pytest.mark.parametrize(
    "posted",
    [
        {},
        {"digest": ""},
        {"digest": "hourly"},
        {"digest": "<script>alert(1)</script>"},
        {"digest": "daily" * 10_000},
        {"digest": "DAILY"},
        {"digest": "daily\x00"},
    ],
)
def test_hostile_preferences_are_refused_with_a_message(
    lecturer: Any, client_for: Any, posted: dict[str, str]
) -> None:
    set_digest_preference(user=lecturer, digest="weekly")

    response = client_for(lecturer).post(PREFERENCES, posted)

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "<script>alert(1)" not in html
    assert NotificationPreference.objects.get(user=lecturer).digest == "weekly"


def test_a_list_for_the_digest_field_uses_one_value(
    lecturer: Any, client_for: Any
) -> None:
    response = client_for(lecturer).post(PREFERENCES, {"digest": ["off", "weekly"]})
    # The last value of a repeated field, as Django reads forms: never a crash.
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=lecturer).digest == "weekly"


def test_preferences_belong_to_the_person_signed_in(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    set_digest_preference(user=coach, digest="weekly")

    client_for(lecturer).post(PREFERENCES, {"digest": "off", "user": coach.pk})

    assert NotificationPreference.objects.get(user=coach).digest == "weekly"
    assert NotificationPreference.objects.get(user=lecturer).digest == "off"
