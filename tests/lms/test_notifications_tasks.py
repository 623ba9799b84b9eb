"""The digest tasks and their Celery beat entries."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from celery.schedules import crontab
from django.conf import settings

from lms.notifications import tasks
from lms.notifications.models import OutgoingEmail
from lms.notifications.services import notify, set_digest_preference

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("entry", "task"),
    [
        ("daily-digests", tasks.send_daily_digests),
        ("weekly-digests", tasks.send_weekly_digests),
    ],
)
def test_the_digest_tasks_are_scheduled(entry: str, task: Any) -> None:
    schedule = settings.CELERY_BEAT_SCHEDULE[entry]
    assert schedule["task"] == task.name
    assert isinstance(schedule["schedule"], crontab)


def _runs_at(entry: str, moment: datetime) -> bool:
    schedule = settings.CELERY_BEAT_SCHEDULE[entry]["schedule"]
    return (
        moment.hour in schedule.hour
        and moment.minute in schedule.minute
        and moment.isoweekday() % 7 in schedule.day_of_week
    )


def test_daily_digests_at_six_every_day_and_weekly_on_monday_at_six() -> None:
    zone = ZoneInfo(settings.CELERY_TIMEZONE)
    monday_six = datetime(2026, 11, 30, 6, 0, tzinfo=zone)
    tuesday_six = datetime(2026, 12, 1, 6, 0, tzinfo=zone)
    sunday_six = datetime(2026, 12, 6, 6, 0, tzinfo=zone)
    monday_seven = datetime(2026, 11, 30, 7, 0, tzinfo=zone)

    assert monday_six.isoweekday() == 1
    for day in (monday_six, tuesday_six, sunday_six):
        assert _runs_at("daily-digests", day)
    assert not _runs_at("daily-digests", monday_seven)
    assert _runs_at("weekly-digests", monday_six)
    assert not _runs_at("weekly-digests", tuesday_six)
    assert not _runs_at("weekly-digests", sunday_six)
    assert not _runs_at("weekly-digests", monday_seven)
    assert settings.CELERY_TIMEZONE == settings.TIME_ZONE


def test_the_daily_task_sends_daily_digests_once(lecturer: Any, coach: Any) -> None:
    notify(recipient=lecturer, kind="feedback", title="For the daily")
    notify(recipient=coach, kind="feedback", title="For the weekly")
    set_digest_preference(user=coach, digest="weekly")

    assert tasks.send_daily_digests.apply().get() == 1
    assert tasks.send_daily_digests.apply().get() == 0

    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [lecturer.email]


def test_the_weekly_task_sends_weekly_digests_once(lecturer: Any, coach: Any) -> None:
    notify(recipient=lecturer, kind="feedback", title="For the daily")
    notify(recipient=coach, kind="feedback", title="For the weekly")
    set_digest_preference(user=coach, digest="weekly")

    assert tasks.send_weekly_digests.apply().get() == 1
    assert tasks.send_weekly_digests.apply().get() == 0

    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == [coach.email]
