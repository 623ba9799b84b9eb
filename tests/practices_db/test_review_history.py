"""The review history says what the reviewer did: "Changes requested" when they
asked for changes (Wagtail stores that as a rejected task), "Rejected" only when
they rejected the practice outright."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from practices_db import services
from tests.practices_db.factories import make_practice, practice_input

pytestmark = pytest.mark.django_db


def _history(html: str) -> str:
    return html.split('id="history-title"', 1)[1].split("</section>", 1)[0]


def test_a_request_for_changes_reads_changes_requested(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(
        actor=coordinator, page=page, action="reject", comment="Add evidence."
    )

    url = reverse("engage_practices:mine_detail", args=[page.pk])
    history = _history(client_for(lecturer).get(url).content.decode())

    assert "Changes requested" in history
    assert "Rejected" not in history
    assert "Add evidence." in history


def test_an_outright_rejection_reads_rejected_after_earlier_changes(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(
        actor=coordinator, page=page, action="reject", comment="Add evidence."
    )
    services.update_practice(
        actor=lecturer, page=page, data=practice_input(faculty, evidence="<p>D</p>")
    )
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(
        actor=coordinator, page=page, action="decline", comment="Out of scope."
    )

    url = reverse("engage_practices:mine_detail", args=[page.pk])
    history = _history(client_for(lecturer).get(url).content.decode())

    first, second = history.split("</li>")[:2]
    assert "Changes requested" in first and "Add evidence." in first
    assert "Rejected" in second and "Out of scope." in second
