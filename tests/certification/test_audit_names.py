"""The audit trail on the programme team's portfolio page names things (the
version's number, the scheme, the rubric, the assessor, the role and outcome)
instead of showing database ids."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from certification import services
from tests.certification.factories import assess

pytestmark = pytest.mark.django_db

PASS = 2


def test_the_audit_trail_shows_names_not_ids(world: Any) -> None:
    world.submit()
    first, second = world.allocate()
    assess(first, world.coach, PASS)
    assess(second, world.assessor, PASS)
    services.decide(
        actor=world.admin, portfolio=world.portfolio, outcome="award", feedback=""
    )
    client = Client()
    client.force_login(world.admin)

    html = client.get(
        reverse("engage_certification:manage_portfolio", args=[world.portfolio.pk])
    ).content.decode()

    trail = html.split('id="audit-title"', 1)[1].split("</section>", 1)[0]
    rubric = first.rubric
    assessor = second.assessor
    name = assessor.engage_profile.display_name or assessor.get_username()
    assert f"scheme: {world.scheme.title}" in trail
    assert "version: 1," in trail
    assert f"rubric: {rubric}" in trail
    assert "role: First assessor" in trail and "role: Second assessor" in trail
    assert f"assessor: {name}" in trail
    assert "outcome: Award the certificate" in trail
    # Before: "version: 17, role: first, assessor: 42" — the raw ids.
    assert f"assessor: {assessor.pk}<" not in trail
    assert f"rubric: {rubric.pk}," not in trail
    assert f"scheme: {world.scheme.pk}<" not in trail
