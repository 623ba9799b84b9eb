"""Rich text that round-trips through the share-a-practice form: the body and the
evidence come back as they were written, with the editor (HTML, headings kept) and
without it (plain text, no HTML to type)."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from lms.sanitizing import clean_html
from practices_db.models import PracticePage
from tests.rich_text_pages import rich_box

pytestmark = pytest.mark.django_db

TYPED = (
    "We built a glossary <with> students & staff.\nEvery week.\n\n"
    "- terms first\n- examples next"
)
EDITED = (
    "<h3>How</h3><p>We <strong>built</strong> it <em>together</em>.</p>"
    '<ol><li>terms</li><li>examples</li></ol><p><a href="https://e.org">source</a>'
    '<script>alert(1)</script><span onclick="x()">!</span></p>'
)


def _share(client: Any, faculty: Any, **fields: str) -> PracticePage:
    response = client.post(
        reverse("engage_practices:share"),
        {
            "title": "Glossary",
            "summary": "Students co-wrote it.",
            "faculty": faculty.pk,
            "language": "en",
            "licence": "CC-BY-4.0",
            **fields,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return PracticePage.objects.get(title="Glossary")


def _edit_page(client: Any, page: PracticePage) -> str:
    response = client.get(reverse("engage_practices:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_plain_text_without_scripts_comes_back_as_typed(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    page = _share(client, faculty, body=TYPED, evidence="Fewer questions.")
    assert "&lt;with&gt;" in page.body and "<ul><li>terms first</li>" in page.body
    form = _edit_page(client, page)
    assert rich_box(form, "body").text == TYPED
    assert rich_box(form, "evidence").text == "Fewer questions."


def test_editor_html_with_headings_comes_back_to_the_editor(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    page = _share(client, faculty, body=EDITED, body__format="html")
    assert "<h3>How</h3>" in page.body and "<script" not in page.body
    form = _edit_page(client, page)
    box = rich_box(form, "body")
    assert box.html == str(clean_html(page.body))
    assert "<strong>built</strong>" in box.html and "onclick" not in box.html
    assert box.text == (
        "How\n\nWe built it together.\n\n1. terms\n2. examples\n\nsource (https://e.org)!"
    )
    assert 'data-rich-text="headings"' in form
    # The practice's page shows the formatting, not tags.
    shown = client.get(reverse("engage_practices:mine_detail", args=[page.pk]))
    assert "<strong>built</strong>" in shown.content.decode()


def test_a_body_of_only_empty_markup_is_refused(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = client_for(lecturer).post(
        reverse("engage_practices:share"),
        {"title": "Glossary", "summary": "S", "faculty": faculty.pk,
         "body": "<p><br></p>", "body__format": "html", "language": "en",
         "licence": "CC-BY-4.0"},
    )  # fmt: skip
    assert response.status_code == 400
    assert not PracticePage.objects.exists()
