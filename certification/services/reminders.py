"""Reminders before a certificate lapses: once per threshold, however often run."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy, ngettext_lazy

from lms.notifications.services import notify

from ..conf import certification_settings
from ..models import IssuedCredential


def _due_threshold(
    valid_until: datetime, now: datetime, thresholds: tuple[int, ...]
) -> int | None:
    """The smallest threshold (in days) the credential is within, if any."""
    left = valid_until - now
    within = [days for days in thresholds if left <= timedelta(days=days)]
    return min(within) if within else None


def send_expiry_reminders(*, now: datetime | None = None) -> int:
    """Tell holders of valid credentials that lapse within a reminder threshold
    (60 and 14 days by default), once per threshold; a credential already inside
    the 14 days gets only that reminder. Returns the number sent."""
    now = now or timezone.now()
    thresholds = certification_settings.reminder_days
    if not thresholds:
        return 0
    horizon = now + timedelta(days=max(thresholds))
    candidates = IssuedCredential.objects.filter(
        revoked_at__isnull=True,
        erased_at__isnull=True,
        valid_until__gt=now,
        valid_until__lte=horizon,
    ).order_by("valid_until", "pk")
    sent = 0
    for candidate in candidates.only("pk", "valid_until", "reminders_sent"):
        if candidate.valid_until is None:
            continue
        due = _due_threshold(candidate.valid_until, now, thresholds)
        if due is None or due in (candidate.reminders_sent or []):
            continue
        if _remind(candidate.pk, due, thresholds, now):
            sent += 1
    return sent


def _remind(
    credential_id: int, due: int, thresholds: tuple[int, ...], now: datetime
) -> bool:
    with transaction.atomic():
        credential = (
            IssuedCredential.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=credential_id)
        )
        done = set(credential.reminders_sent or [])
        if due in done or credential.is_revoked or credential.user is None:
            return False  # another run got here first
        until = credential.valid_until or now
        days_left = max(0, -(-(until - now) // timedelta(days=1)))  # rounded up
        notify(
            recipient=credential.user,
            kind="certificate-expiring",
            title=format_lazy(
                ngettext_lazy(
                    "Your certificate “{name}” expires in {days} day",
                    "Your certificate “{name}” expires in {days} days",
                    days_left,
                ),
                name=credential.name,
                days=days_left,
            ),
            body=format_lazy(
                gettext_lazy(
                    "It is valid until {date}. Ask the programme team how to renew it."
                ),
                date=f"{until:%Y-%m-%d}",
            ),
            url=reverse("engage_certification:home") + "#certificates",
        )
        # The larger thresholds count as passed too: never a 60-day reminder
        # after the 14-day one.
        credential.reminders_sent = sorted(
            done | {days for days in thresholds if days >= due}, reverse=True
        )
        credential.save(update_fields=["reminders_sent"])
    return True
