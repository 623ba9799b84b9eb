"""What the journal form accepts is stored whole, never cut off."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import JournalEntry

pytestmark = pytest.mark.django_db


def test_a_full_plain_text_section_is_kept_whole(
    lecturer: Any, coach: Any, client_for: Any
) -> None:
    enrolment = services.enrol(user=lecturer, cohort=make_cohort(coaches=(coach,)))
    client = client_for(lecturer)
    url = reverse("engage_trajectories:entry_new", args=[enrolment.pk])
    # 50,000 typed characters (the form's limit) grow into longer HTML.
    typed = "line\n" * 10_000
    response = client.post(url, {"title": "Long", "section_what": typed})
    assert response.status_code in (200, 302)
    entry = JournalEntry.objects.get(title="Long")
    assert entry.sections["what"].count("line") == 10_000
    too_long = client.post(url, {"title": "Longer", "section_what": "y" * 50_001})
    assert too_long.status_code == 400
    assert not JournalEntry.objects.filter(title="Longer").exists()
