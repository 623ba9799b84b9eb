from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from practices_db.models import Adoption, Bookmark, PracticePage
from tests.practices_db.factories import make_practice, make_terms

pytestmark = pytest.mark.django_db


def test_search_page_lists_published_practices_with_facets(
    lecturer: Any, faculty: Any, django_assert_max_num_queries: Any
) -> None:
    terms = make_terms()
    for n in range(25):
        make_practice(
            lecturer, faculty, title=f"Seminar practice {n}",
            dimension_ids=(terms["neurodiversity"].pk,) if n % 2 else (),
        )  # fmt: skip
    make_practice(lecturer, faculty, title="Hidden draft", publish=False)
    client = Client()
    # The first search of a process builds the facet bitsets and the day's first
    # search of a text creates its log row; later ones cost a fixed number.
    client.get(reverse("engage_practices:search"), {"q": "seminar"})
    # On PostgreSQL the match and the usage count each add a SET LOCAL, and
    # inside the test's transaction their atomic blocks add savepoints.
    with django_assert_max_num_queries(14):
        response = client.get(reverse("engage_practices:search"), {"q": "seminar"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "25 practices found" in html
    assert "Hidden draft" not in html
    assert "Neurodiversity" in html and "(12" in html
    response = client.get(
        reverse("engage_practices:search"),
        {"q": "seminar", "dimension": "neurodiversity"},
    )
    assert "12 practices found" in response.content.decode()


def test_practice_page_bookmark_and_adoption(
    lecturer: Any, coach: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty)
    client = client_for(coach)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "CC BY 4.0" in response.content.decode()
    client.post(
        reverse("engage_practices:bookmark", args=[page.pk]), {"bookmarked": "1"}
    )
    assert Bookmark.objects.filter(user=coach, practice=page).exists()
    client.post(
        reverse("engage_practices:adopt", args=[page.pk]), {"note": "Tried it!"}
    )
    assert Adoption.objects.get(user=coach, practice=page).note == "Tried it!"
    detail = client_for(lecturer).get(
        reverse("engage_practices:mine_detail", args=[page.pk])
    )
    assert "Tried it!" in detail.content.decode()


def test_share_form_creates_a_draft_and_submits(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    make_terms()
    client = client_for(lecturer)
    assert client.get(reverse("engage_practices:share")).status_code == 200
    response = client.post(
        reverse("engage_practices:share"),
        {
            "title": "Peer feedback <script>alert(1)</script>",
            "summary": "Students gave feedback.",
            "body": "<p>First paragraph.</p><p>Second <b onclick='x()'>para</b>.</p>",
            "body__format": "html",  # as the editor sends it
            "faculty": faculty.pk,
            "language": "en",
            "licence": "CC-BY-4.0",
            "submit": "1",
        },
    )
    assert response.status_code == 302
    page = PracticePage.objects.get()
    assert "<script>" not in page.title
    assert "onclick" not in page.body
    assert page.workflow_in_progress


def test_share_form_errors_keep_the_text(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = client_for(lecturer).post(
        reverse("engage_practices:share"),
        {"title": "", "body": "Kept text", "faculty": faculty.pk},
    )
    assert response.status_code == 400
    assert "Kept text" in response.content.decode()
    assert not PracticePage.objects.exists()


def test_api_lists_and_shows_only_published(lecturer: Any, faculty: Any) -> None:
    live = make_practice(lecturer, faculty, title="Live one")
    draft = make_practice(lecturer, faculty, title="Draft one", publish=False)
    client = Client()
    data = client.get("/api/v1/practices/", {"q": "one"}).json()
    assert [r["title"] for r in data["results"]] == ["Live one"]
    assert client.get(f"/api/v1/practices/{live.pk}/").status_code == 200
    assert client.get(f"/api/v1/practices/{draft.pk}/").status_code == 404


def test_image_upload_with_alt_text_is_shown_on_the_page(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    client = client_for(lecturer)
    response = client.post(
        reverse("engage_practices:share"),
        {
            "title": "Visual glossary",
            "summary": "Pictures help.",
            "body": "Text.",
            "faculty": faculty.pk,
            "language": "en",
            "licence": "CC-BY-4.0",
            "file_1": SimpleUploadedFile("glossary.png", buffer.getvalue()),
            "alt_text_1": "A glossary poster with icons",
        },
    )
    assert response.status_code == 302
    page = PracticePage.objects.get()
    page.get_latest_revision().publish(user=lecturer, skip_permission_checks=True)
    html = client.get(page.url).content.decode()
    assert 'alt="A glossary poster with icons"' in html


def test_broken_image_is_refused_with_a_message(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(lecturer).post(
        reverse("engage_practices:share"),
        {
            "title": "Broken",
            "summary": "x",
            "body": "x",
            "faculty": faculty.pk,
            "language": "en",
            "licence": "CC-BY-4.0",
            "file_1": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10),
            "alt_text_1": "x",
        },
    )
    assert response.status_code == 400
    assert "not an image we can read" in response.content.decode()
    assert not PracticePage.objects.exists()


def test_the_pages_render_themselves_through_their_selectors(
    lecturer: Any, coordinator: Any, faculty: Any, rf: Any
) -> None:
    """Wagtail serves the index page and previews a practice with get_context
    (the site's `/practices/` view shadows the index page's own address)."""
    from django.contrib.auth.models import AnonymousUser

    from practices_db import services

    make_practice(lecturer, faculty, title="Seminar practice")
    draft = make_practice(lecturer, faculty, title="Draft practice", publish=False)
    request = rf.get("/", {"q": "seminar"})
    request.user = AnonymousUser()
    index = services.practices_index()
    html = index.serve(request).render().content.decode()
    assert "<mark>Seminar</mark> practice" in html
    assert "Draft practice" not in html and "export.csv" not in html

    preview = rf.get("/")
    preview.user = coordinator
    preview.is_preview = True
    html = draft.serve(preview).render().content.decode()
    assert "Preview: this version is not published." in html
