"""Notification dates are written as everywhere else on the site ("14 March
2026, 09:30"), not in Django's US default ("March 14, 2026, 9:30 a.m.")."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings

from lms.notifications.models import Notification
from lms.notifications.services import notify

pytestmark = pytest.mark.django_db


def test_the_list_writes_dates_in_the_site_s_format(
    lecturer: Any, client_for: Any
) -> None:
    notification = notify(recipient=lecturer, kind="feedback", title="Feedback")
    when = datetime(2026, 3, 14, 9, 30, tzinfo=ZoneInfo(settings.TIME_ZONE))
    Notification.objects.filter(pk=notification.pk).update(created_at=when)

    html = client_for(lecturer).get("/notifications/").content.decode()

    assert ">14 March 2026, 09:30</time>" in html
    assert "March 14" not in html and "a.m." not in html
