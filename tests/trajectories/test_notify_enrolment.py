"""Notifications from enrolment: a place that comes free tells the one promoted."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lms.accounts.roles import Role
from lms.notifications.models import Notification
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import EnrolmentStatus

pytestmark = pytest.mark.django_db


def test_enrolling_and_joining_the_waiting_list_notify_nobody(lecturer: Any) -> None:
    cohort = make_cohort(capacity=1)
    services.enrol(user=lecturer, cohort=cohort)
    waiting = services.enrol(user=person(Role.LECTURER), cohort=cohort)

    assert waiting.status == EnrolmentStatus.WAITLISTED
    assert not Notification.objects.exists()


def test_promotion_from_the_waiting_list_notifies_the_lecturer(
    lecturer: Any, coach: Any
) -> None:
    cohort = make_cohort(capacity=1, coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    first = person(Role.LECTURER, username="first-waiting")
    second = person(Role.LECTURER, username="second-waiting")
    services.enrol(user=first, cohort=cohort)
    services.enrol(user=second, cohort=cohort)

    services.withdraw(user=lecturer, enrolment=enrolment)

    notification = Notification.objects.get()
    assert notification.recipient == first
    assert notification.kind == "enrolment-promoted"
    assert notification.title == (
        "A place came free: you are now enrolled in Cohort A (2026-2027)"
    )
    assert notification.url == reverse("engage_trajectories:mine")


def test_withdrawing_from_the_waiting_list_promotes_nobody(lecturer: Any) -> None:
    cohort = make_cohort(capacity=1)
    services.enrol(user=lecturer, cohort=cohort)
    waiting = services.enrol(user=person(Role.LECTURER, username="w"), cohort=cohort)

    services.withdraw(user=waiting.user, enrolment=waiting)

    assert not Notification.objects.exists()


def test_withdrawing_through_the_page_notifies_the_one_promoted(
    lecturer: Any, client_for: Any
) -> None:
    cohort = make_cohort(capacity=1)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    waiting = person(Role.LECTURER, username="waiting")
    services.enrol(user=waiting, cohort=cohort)

    response = client_for(lecturer).post(
        reverse("engage_trajectories:withdraw", args=[enrolment.pk])
    )

    assert response.status_code == 302
    assert list(Notification.objects.values_list("recipient__username", flat=True)) == [
        "waiting"
    ]
    html = client_for(waiting).get("/notifications/").content.decode()
    assert "A place came free" in html
    assert "A place came free" not in (
        client_for(lecturer).get("/notifications/").content.decode()
    )
