"""A submitted assessment leaves no "waiting for your assessment" notification
unread behind (issue 16: the stale notification stayed after scoring)."""

from __future__ import annotations

from typing import Any

import pytest

from lms.notifications.models import Notification
from lms.notifications.selectors import badge_count, unread_count
from tests.certification.factories import assess

pytestmark = pytest.mark.django_db


def _unread(user: Any) -> list[str]:
    return list(
        Notification.objects.filter(recipient=user, read_at__isnull=True)
        .order_by("pk")
        .values_list("kind", flat=True)
    )


def test_scoring_marks_the_assessor_s_own_request_read(world: Any) -> None:
    world.submit()
    first, second = world.allocate()
    assert _unread(world.assessor) == ["portfolio-to-assess"]
    assert badge_count(world.assessor) == 1  # cached from here on

    assess(second, world.assessor, 2)

    assert _unread(world.assessor) == []
    assert unread_count(world.assessor) == 0
    assert badge_count(world.assessor) == 0  # the cached badge was forgotten
    # The other assessor's request is theirs to finish.
    assert "portfolio-to-assess" in _unread(world.coach)


def test_other_notifications_stay_unread(world: Any, client_for: Any) -> None:
    from lms.notifications.services import notify

    world.submit()
    first, second = world.allocate()
    notify(recipient=world.assessor, kind="other", title="Something else", url="/")

    assess(second, world.assessor, 2)

    assert _unread(world.assessor) == ["other"]
    html = client_for(world.assessor).get("/notifications/").content.decode()
    assert "Something else" in html
