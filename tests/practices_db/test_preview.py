"""A reviewer previews a practice in review from the Wagtail dashboard.

The preview link on the programme admin's dashboard ("Awaiting your review")
renders practice_page.html through Wagtail's preview; it must show the version
in review, say it is not published, and offer none of the published page's forms.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from practices_db import services
from tests.practices_db.factories import make_practice, practice_input

pytestmark = pytest.mark.django_db


def _in_second_review_step(lecturer: Any, coordinator: Any, page: Any) -> None:
    services.submit_practice(actor=lecturer, page=page)
    services.review_practice(actor=coordinator, page=page, action="approve")


@pytest.mark.parametrize("published_before", [False, True])
def test_the_dashboard_preview_of_a_practice_in_review_renders(
    lecturer: Any,
    coordinator: Any,
    programme_admin: Any,
    faculty: Any,
    client_for: Any,
    published_before: bool,
) -> None:
    page = make_practice(lecturer, faculty, publish=published_before)
    if published_before:
        services.update_practice(
            actor=lecturer,
            page=page,
            data=practice_input(faculty, title="Inclusive seminars, revised"),
        )
    _in_second_review_step(lecturer, coordinator, page)
    client = client_for(programme_admin)

    dashboard = client.get("/admin/").content.decode()
    links = re.findall(r'href="(/admin/pages/workflow/preview/[^"]+)"', dashboard)
    assert links, "the dashboard offers the reviewer a preview"
    response = client.get(links[0])

    assert response.status_code == 200
    html = response.content.decode()
    assert "Preview: this version is not published." in html
    if published_before:
        assert "Inclusive seminars, revised" in html
    assert "I used this" not in html  # the published page's forms stay out
    assert 'name="note"' not in html


def test_a_preview_request_without_a_signed_in_person_renders(
    lecturer: Any, faculty: Any, rf: Any
) -> None:
    from django.contrib.auth.models import AnonymousUser

    page = make_practice(lecturer, faculty, publish=True)
    request = rf.get("/")
    request.user = AnonymousUser()
    response = page.make_preview_request(request, "")
    assert response.status_code == 200
    assert "Preview: this version is not published." in response.content.decode()
