"""The status list credential expires and beat re-signs it before it does.

A signed list without validUntil could be replayed for ever: a copy fetched before
a revocation would keep saying "not revoked". Each list is valid for
ENGAGE_CERTIFICATION_STATUS_LIST_HOURS (24), beat re-signs it once half has passed
(and after a key rotation), and caches may keep it for at most a minute and never
past its validUntil. Verifier-core's view of it: test_issuing_verifier_core.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from certification import services, tasks
from certification.checks import check_status_list_hours
from certification.models import StatusList
from certification.openbadges.keys import parse_key_ring
from certification.openbadges.shape import parse_datetime
from certification.openbadges.verification import read_status_list_credential
from certification.selectors.credentials import status_list_cache_seconds
from certification.services.status_lists import create_status_list
from tests.certification.factories import World
from tests.certification.issuing_world import (
    KEYS,
    ROTATED_KEYS,
    issued,
    issuing_settings,  # noqa: F401 - a fixture
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("issuing_settings")]

NOW = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)


def _valid_until(status_list: StatusList) -> datetime | None:
    return parse_datetime(status_list.document["validUntil"])


def _new_list(now: datetime = NOW) -> StatusList:
    status_list = create_status_list(now=now)
    status_list.refresh_from_db()
    return status_list


def test_a_signed_list_is_valid_for_the_configured_hours() -> None:
    status_list = _new_list()
    assert _valid_until(status_list) == NOW + timedelta(hours=24)
    assert status_list.document["validFrom"] == "2026-12-08T12:00:00Z"

    with override_settings(ENGAGE_CERTIFICATION_STATUS_LIST_HOURS=6):
        assert _valid_until(_new_list()) == NOW + timedelta(hours=6)


def test_beat_resigns_a_list_once_half_its_validity_has_passed() -> None:
    status_list = _new_list()

    assert services.refresh_status_lists(now=NOW + timedelta(hours=11)) == 0
    assert services.refresh_status_lists(now=NOW + timedelta(hours=12)) == 1
    assert services.refresh_status_lists(now=NOW + timedelta(hours=12)) == 0

    status_list.refresh_from_db()
    assert status_list.signed_at == NOW + timedelta(hours=12)
    assert _valid_until(status_list) == NOW + timedelta(hours=36)
    ring = parse_key_ring(KEYS)
    read_status_list_credential(
        status_list.document, key_ring=ring, now=NOW + timedelta(hours=35)
    )


def test_resigning_keeps_the_revoked_bits(world: World) -> None:
    credential = issued(world)
    services.revoke_credential(
        actor=world.admin, credential=credential, reason="other", note="Withdrawn"
    )
    later = timezone.now() + timedelta(hours=13)

    assert services.refresh_status_lists(now=later) == 1

    document = StatusList.objects.get().document
    bits = read_status_list_credential(
        document, key_ring=parse_key_ring(KEYS), now=later + timedelta(hours=1)
    )
    assert bits.get(credential.status_index)


def test_beat_resigns_with_the_new_key_after_a_rotation() -> None:
    status_list = _new_list(timezone.now())
    with override_settings(ENGAGE_CERTIFICATION_KEYS=ROTATED_KEYS):
        assert services.refresh_status_lists() == 1
        assert services.refresh_status_lists() == 0
    status_list.refresh_from_db()
    assert status_list.key_id == "2027-01"
    assert status_list.document["proof"]["verificationMethod"].endswith("2027-01")


def test_an_expired_list_is_refused_by_our_reader() -> None:
    status_list = _new_list()
    ring = parse_key_ring(KEYS)
    read_status_list_credential(status_list.document, key_ring=ring, now=NOW)

    for moment, problem in (
        (NOW + timedelta(hours=24), "expired"),
        (NOW - timedelta(seconds=1), "not valid yet"),
    ):
        with pytest.raises(ValueError, match=problem):
            read_status_list_credential(status_list.document, key_ring=ring, now=moment)


@pytest.mark.parametrize(
    ("left", "max_age"),
    [
        (timedelta(hours=24), 60),
        (timedelta(seconds=61), 60),
        (timedelta(seconds=30), 30),
        (timedelta(0), 0),
        (timedelta(hours=-1), 0),
    ],
)
def test_caches_never_keep_a_list_past_its_valid_until(
    left: timedelta, max_age: int
) -> None:
    until = (NOW + left).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert status_list_cache_seconds({"validUntil": until}, now=NOW) == max_age


@pytest.mark.parametrize("until", [None, "", "tomorrow", 3, "2026-13-40T00:00:00Z"])
def test_a_list_without_a_readable_valid_until_is_not_cached(until: object) -> None:
    assert status_list_cache_seconds({"validUntil": until}, now=NOW) == 0


def test_the_served_list_says_how_long_it_may_be_cached() -> None:
    fresh = _new_list(timezone.now())
    stale = _new_list(timezone.now() - timedelta(days=2))

    fresh_response = Client().get(
        reverse("engage_certification:status_list", args=[fresh.pk])
    )
    stale_response = Client().get(
        reverse("engage_certification:status_list", args=[stale.pk])
    )

    assert fresh_response["Cache-Control"] == "public, max-age=60"
    assert stale_response.status_code == 200
    assert stale_response["Cache-Control"] == "no-store"


def test_the_refresh_task_is_on_the_beat_schedule_hourly() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["refresh-certificate-status-lists"]
    assert entry["task"] == tasks.refresh_status_lists.name
    # Hourly, well inside half of the shortest validity the check allows (4 h).
    assert entry["schedule"] == 3600.0
    _new_list(timezone.now() - timedelta(hours=20))
    assert tasks.refresh_status_lists() == 1


@pytest.mark.parametrize("hours", [0, -5, 1, 3.9, 169, "soon", None])
def test_a_bad_status_list_validity_is_a_system_check_error(hours: object) -> None:
    with override_settings(ENGAGE_CERTIFICATION_STATUS_LIST_HOURS=hours):
        assert [m.id for m in check_status_list_hours()] == [
            "engage_certification.E004"
        ]


@pytest.mark.parametrize("hours", [4, 24, 168, "12"])
def test_a_sensible_status_list_validity_passes_the_check(hours: object) -> None:
    with override_settings(ENGAGE_CERTIFICATION_STATUS_LIST_HOURS=hours):
        assert check_status_list_hours() == []
