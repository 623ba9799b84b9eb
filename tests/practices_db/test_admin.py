"""The programme team's and reviewers' side in the Wagtail admin, and the schema."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from practices_db import services
from practices_db.models import Term, Vocabulary
from tests.practices_db.factories import make_practice, make_terms

pytestmark = pytest.mark.django_db


def test_programme_admin_manages_taxonomy_terms(
    programme_admin: Any, client_for: Any
) -> None:
    make_terms()
    client = client_for(programme_admin)
    listing = client.get("/admin/practice-terms/")
    assert listing.status_code == 200
    assert "Neurodiversity" in listing.content.decode()
    response = client.post(
        "/admin/practice-terms/new/",
        {
            "vocabulary": Vocabulary.DIMENSION,
            "slug": "disability",
            "name_en": "Disability",
            "name_nl": "Functiebeperking",
            "sort_order": 5,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    term = Term.objects.get(slug="disability")
    assert term.bit == 3  # the next free bit after the three dimensions


def test_lecturer_and_coordinator_cannot_manage_terms(
    lecturer: Any, coordinator: Any, client_for: Any
) -> None:
    assert client_for(lecturer).get("/admin/practice-terms/").status_code == 302
    assert client_for(coordinator).get("/admin/practice-terms/").status_code in (
        302,
        403,
    )


def test_programme_admin_edits_a_practice_in_the_page_editor(
    lecturer: Any, programme_admin: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty)
    response = client_for(programme_admin).get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    )
    assert response.status_code == 200


def test_coordinators_review_on_the_site_not_in_the_admin(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    client = client_for(coordinator)
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor.status_code == 302  # no Wagtail admin for coordinators
    review = client.get(reverse("engage_practices:review", args=[page.pk]))
    assert review.status_code == 200


def test_openapi_schema_documents_the_practices_api(client: Any) -> None:
    schema = client.get("/api/schema/").content.decode()
    assert "/api/v1/practices/" in schema
    assert "/api/v1/practices/{id}/" in schema
    assert "dimension" in schema
