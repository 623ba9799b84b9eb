"""The API's edges: throttles cannot be reset with a forged X-Forwarded-For, and a
session without an online link says null where its schema promises a URI."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from rest_framework.settings import api_settings
from rest_framework.throttling import UserRateThrottle

pytestmark = pytest.mark.django_db


def test_a_forged_x_forwarded_for_does_not_reset_the_anonymous_throttle(
    monkeypatch: Any,
) -> None:
    assert api_settings.NUM_PROXIES == 0
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "3/min"})
    cache.clear()
    client = Client()
    url = reverse("engage_practices_api:practice-list")
    answers = [
        client.get(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(5)
    ]
    assert answers[:3] == [200, 200, 200]
    assert answers[3:] == [429, 429]
    cache.clear()
