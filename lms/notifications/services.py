"""Notifications in the site, digest e-mails, and queueing and delivering e-mail."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.conf import engage_settings
from lms.queueing import enqueue, enqueue_on_commit

from .data import Digest, DigestItem, DigestNotification, DigestSection
from .digest_sources import digest_sources
from .exceptions import InvalidNotification, NotYours
from .models import (
    DigestFrequency,
    Notification,
    NotificationPreference,
    OutgoingEmail,
)
from .selectors import unread_cache_key

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
SEND_EMAIL = "lms.notifications.tasks.send_email"


def queue_email(*, to: str, subject: str, body: str) -> OutgoingEmail:
    """Store an e-mail and have a worker deliver it after this transaction commits."""
    email = OutgoingEmail.objects.create(to=to, subject=subject[:300], body=body)
    enqueue_on_commit(SEND_EMAIL, email.pk)
    return email


def deliver_email(*, email_id: int) -> bool:
    """Send one queued e-mail; True when it is (now or already) delivered.

    Locks the row so two workers never send the same message twice.
    """
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None or email.sent_at is not None:
            return True  # deleted or already delivered: nothing left to do
        email.attempts += 1
        try:
            EmailMessage(
                subject=email.subject,
                body=email.body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[email.to],
            ).send()
        except OSError as exc:  # SMTP and socket errors
            email.last_error = str(exc)[:2000]
            email.save(update_fields=["attempts", "last_error"])
            return False
        email.sent_at = timezone.now()
        email.last_error = ""
        email.save(update_fields=["attempts", "last_error", "sent_at"])
        return True


def pending_email_ids(*, older_than: timedelta = timedelta(minutes=1)) -> list[int]:
    """E-mails still unsent after `older_than` and not yet given up on. A minute
    is ample for a queued task to be picked up; sending twice is harmless
    (`deliver_email` locks the row and skips a sent one)."""
    cutoff = timezone.now() - older_than
    return list(
        OutgoingEmail.objects.filter(
            sent_at__isnull=True, created_at__lte=cutoff, attempts__lt=MAX_ATTEMPTS
        ).values_list("pk", flat=True)[:500]
    )


# --- notifications ---------------------------------------------------------------

_KIND = re.compile(r"[a-z0-9][a-z0-9_-]{0,49}")
# A path on this site: one leading slash, no scheme or host, no whitespace.
_SITE_PATH = re.compile(r"/(?![/\\])[^\s\\]{0,499}")
MAX_TITLE_CHARS = 200
MAX_BODY_CHARS = 5000
# Digests list at most this many notifications; the rest wait on the site.
MAX_DIGEST_NOTIFICATIONS = 50
_PERIOD = {
    DigestFrequency.DAILY: timedelta(days=1),
    DigestFrequency.WEEKLY: timedelta(days=7),
}


def resend_pending_emails() -> int:
    """Enqueue again every e-mail whose first delivery failed or was never picked
    up; how many."""
    ids = pending_email_ids()
    for email_id in ids:
        enqueue(SEND_EMAIL, email_id)
    return len(ids)


def language_of(user: Any) -> str:
    """The language in which `user` reads notifications and e-mail."""
    language = profile_of(user).preferred_language
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else settings.LANGUAGE_CODE


def notify(
    *,
    recipient: Any,
    kind: str,
    title: str | Promise,
    body: str | Promise = "",
    url: str = "",
) -> Notification:
    """Store a notification for `recipient` in the caller's transaction.

    `title` and `body` are (lazily translated) plain text rendered in the
    recipient's language: pass `gettext_lazy` texts, with `format_lazy` for
    placeholders. `url` is a path on this site.
    """
    if not _KIND.fullmatch(kind):
        raise InvalidNotification(f"kind must be a short slug, not {kind!r}")
    if url and not _SITE_PATH.fullmatch(url):
        raise InvalidNotification(f"url must be a path on this site, not {url!r}")
    language = language_of(recipient)
    with translation.override(language):
        # One line: the title is also an e-mail subject.
        title_text = " ".join(str(title).split())[:MAX_TITLE_CHARS]
        body_text = str(body).strip()[:MAX_BODY_CHARS]
    with transaction.atomic():
        notification = Notification.objects.create(
            recipient=recipient, kind=kind, title=title_text, body=body_text, url=url
        )
        if recipient.email and _wants_each_email(recipient):
            _email_one(notification, recipient.email, language)
        _forget_unread_count(recipient.pk)
    return notification


def _forget_unread_count(user_id: int) -> None:
    """Drop the cached badge count now and again after commit, so no request in
    between can cache the count from before this transaction."""
    key = unread_cache_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def _wants_each_email(user: Any) -> bool:
    return NotificationPreference.objects.filter(
        user=user, email_immediately=True
    ).exists()


def _absolute(url: str) -> str:
    if not url or not url.startswith("/"):
        return url
    return engage_settings.site_url.rstrip("/") + url


def _email_one(notification: Notification, to: str, language: str) -> None:
    with translation.override(language):
        body = render_to_string(
            "engage_notifications/email/notification.txt",
            {
                "notification": notification,
                "link": _absolute(notification.url),
                "preferences_link": _absolute(_page("preferences")),
                "platform_name": engage_settings.platform_name,
            },
        )
    queue_email(to=to, subject=notification.title, body=body)
    # E-mailed already: the next digest need not repeat it.
    notification.digest_sent_at = timezone.now()
    notification.save(update_fields=["digest_sent_at"])


def _page(name: str) -> str:
    """The path of a notification page ("" on a host that did not include them)."""
    try:
        return reverse(f"engage_notifications:{name}")
    except NoReverseMatch:
        return ""


def mark_read(*, user: Any, notification: Notification) -> Notification:
    """Mark one of the person's own notifications read; NotYours for any other."""
    if notification.recipient_id != user.pk:
        raise NotYours(_("This notification is not yours."))
    if notification.read_at is None:
        now = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=now
        )
        notification.read_at = now
        _forget_unread_count(user.pk)
    return notification


def mark_read_about(*, user: Any, url: str) -> int:
    """Mark the person's unread notifications that point at `url` read: the
    work they asked for is done (a submitted assessment leaves no "waiting for
    your assessment" behind). How many were unread."""
    count = Notification.objects.filter(
        recipient=user, url=url, read_at__isnull=True
    ).update(read_at=timezone.now())
    if count:
        _forget_unread_count(user.pk)
    return count


def mark_all_read(*, user: Any) -> int:
    """Mark every unread notification of the person read; how many were unread."""
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    _forget_unread_count(user.pk)
    return count


def set_digest_preference(
    *, user: Any, digest: str, email_immediately: bool | None = None
) -> NotificationPreference:
    """Choose daily, weekly or no digest (and, optionally, an e-mail per notice)."""
    if digest not in DigestFrequency.values:
        raise InvalidNotification(_("Choose daily, weekly or never."))
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    preference.digest = digest
    if email_immediately is not None:
        preference.email_immediately = email_immediately
    preference.save(update_fields=["digest", "email_immediately"])
    return preference


# --- digests ---------------------------------------------------------------------


def build_digest(*, user: Any, since: datetime) -> Digest:
    """What `user`'s digest says: unread notifications not yet in a digest, created
    since `since`, and the items of every registered digest source, in their
    language."""
    with translation.override(language_of(user)):
        notifications = tuple(
            DigestNotification(
                pk=n.pk, title=n.title, body=n.body, url=n.url, created_at=n.created_at
            )
            for n in Notification.objects.filter(
                recipient=user,
                read_at__isnull=True,
                digest_sent_at__isnull=True,
                created_at__gte=since,
            ).order_by("created_at", "pk")[:MAX_DIGEST_NOTIFICATIONS]
        )
        sections = _sections(user, since)
    return Digest(
        user_id=user.pk, since=since, notifications=notifications, sections=sections
    )


def _sections(user: Any, since: datetime) -> tuple[DigestSection, ...]:
    by_heading: dict[str, list[DigestItem]] = {}
    for key, source in digest_sources():
        try:
            items = source(user, since)
        except Exception:  # noqa: BLE001 - one broken source must not stop the rest
            logger.exception("Digest source %r failed for user %s", key, user.pk)
            continue
        for item in items:
            by_heading.setdefault(str(item.heading), []).append(item)
    return tuple(
        DigestSection(heading=heading, items=tuple(items))
        for heading, items in by_heading.items()
        if items
    )


def _digest_recipients(frequency: str) -> Iterable[Any]:
    wanted = Q(engage_notification_preference__digest=frequency)
    if frequency == DigestFrequency.DAILY:  # the default for whoever never chose
        wanted |= Q(engage_notification_preference__isnull=True)
    return (
        get_user_model()
        .objects.filter(wanted, is_active=True)
        .exclude(email="")
        .select_related("engage_profile", "engage_notification_preference")
        .order_by("pk")
        .iterator(chunk_size=500)
    )


def _same_period(frequency: str, last: datetime | None, now: datetime) -> bool:
    """True when a digest of this frequency already went out in this day or week."""
    if last is None:
        return False
    last_day, today = timezone.localdate(last), timezone.localdate(now)
    if frequency == DigestFrequency.WEEKLY:
        return last_day.isocalendar()[:2] == today.isocalendar()[:2]
    return last_day == today


def _since(frequency: str, last: datetime | None, now: datetime) -> datetime:
    period = _PERIOD[DigestFrequency(frequency)]
    if last is None:
        return now - period
    # A missed run is caught up, but never more than two periods back.
    return max(last, now - 2 * period)


def send_digests(*, frequency: str) -> int:
    """Queue one digest e-mail to each person with this frequency who has anything
    to read; how many were queued. Running it again in the same day (daily) or
    week (weekly) sends nothing twice."""
    if frequency not in _PERIOD:
        raise InvalidNotification(f"no digests are sent {frequency!r}")
    now = timezone.now()
    sent = 0
    for user in _digest_recipients(frequency):
        if _send_digest(user, frequency, now):
            sent += 1
    return sent


def _last_digest_at(user: Any) -> datetime | None:
    try:
        return user.engage_notification_preference.last_digest_at
    except NotificationPreference.DoesNotExist:
        return None


def _send_digest(user: Any, frequency: str, now: datetime) -> bool:
    last = _last_digest_at(user)
    if _same_period(frequency, last, now):
        return False
    digest = build_digest(user=user, since=_since(frequency, last, now))
    if digest.is_empty:
        return False
    with transaction.atomic():
        preference, _created = NotificationPreference.objects.get_or_create(user=user)
        # Lock and look again: another worker may have sent it in the meantime.
        preference = NotificationPreference.objects.select_for_update().get(
            pk=preference.pk
        )
        if _same_period(frequency, preference.last_digest_at, now):
            return False
        Notification.objects.filter(
            pk__in=[n.pk for n in digest.notifications], digest_sent_at__isnull=True
        ).update(digest_sent_at=now)
        preference.last_digest_at = now
        preference.save(update_fields=["last_digest_at"])
        _email_digest(user, digest, frequency)
    return True


def _email_digest(user: Any, digest: Digest, frequency: str) -> None:
    platform = engage_settings.platform_name
    with translation.override(language_of(user)):
        if frequency == DigestFrequency.WEEKLY:
            subject = _("Your weekly summary from %(platform)s") % {
                "platform": platform
            }
        else:
            subject = _("Your daily summary from %(platform)s") % {"platform": platform}
        body = render_to_string(
            "engage_notifications/email/digest.txt",
            {
                "user": user,
                "digest": digest,
                "notifications": [(n, _absolute(n.url)) for n in digest.notifications],
                "sections": [
                    (section.heading, [(i, _absolute(i.url)) for i in section.items])
                    for section in digest.sections
                ],
                "frequency": frequency,
                "notifications_link": _absolute(_page("list")),
                "preferences_link": _absolute(_page("preferences")),
                "platform_name": platform,
            },
        )
    queue_email(to=user.email, subject=subject, body=body)
