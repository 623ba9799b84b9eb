"""How uploaded files are sent back: never as something the browser runs. SVG and
HTML are downloads (or refused on the way in), whichever door they come through:
Wagtail documents and development media (journal attachments: tests/trajectories/
test_upload_content.py; certification evidence: tests/certification/)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from lms.views import media
from tests import upload_samples as samples
from tests.lms.test_uploads import _add_document

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"/>'


@pytest.fixture
def stored_document(settings: Any, tmp_path: Path) -> Any:
    """A document stored before these checks (or by an operator who allowed the
    type): the upload check no longer stands between it and the browser."""
    settings.MEDIA_ROOT = tmp_path

    def make(name: str, content: bytes) -> Any:
        document = get_document_model()(
            title=name, collection=Collection.get_first_root_node()
        )
        document.file.save(name, ContentFile(content), save=False)
        document.save()
        return document

    return make


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("drawing.svg", SVG), ("page.html", samples.HTML), ("notes.docx", b"PK")],
)
def test_wagtail_documents_other_than_pdf_and_text_are_downloads(
    client: Any, stored_document: Any, name: str, content: bytes
) -> None:
    document = stored_document(name, content)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db
def test_a_pdf_document_may_open_in_the_browser_but_runs_nothing(
    client: Any, stored_document: Any
) -> None:
    response = client.get(stored_document("handout.pdf", samples.pdf()).url)

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_documents_are_always_served_through_wagtail_and_never_redirected(
    settings: Any,
) -> None:
    # A redirect to the storage's own URL would skip privacy and these headers.
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == [
        "application/pdf",
        "text/plain",
    ]
    assert "svg" not in settings.WAGTAILDOCS_EXTENSIONS
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


@pytest.mark.parametrize(
    ("name", "content", "inline"),
    [
        ("drawing.svg", SVG, False),
        ("page.html", samples.HTML, False),
        ("notes.txt", b"hello", False),
        ("report.pdf", samples.pdf(), False),
        ("photo.png", b"\x89PNG\r\n\x1a\n", True),
        ("images/photo.jpg", b"\xff\xd8\xff\xe0", True),
    ],
)
def test_development_media_sends_only_raster_images_inline(
    rf: Any, settings: Any, tmp_path: Path, name: str, content: bytes, inline: bool
) -> None:
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(content)

    response = media(rf.get(f"/media/{name}"), name)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    if inline:
        assert response["Content-Type"].startswith("image/")
        assert response.get("Content-Disposition", "inline").startswith("inline")
    else:
        assert response["Content-Type"] == "application/octet-stream"
        assert response["Content-Disposition"].startswith("attachment;")
        assert Path(name).name in response["Content-Disposition"]


def test_development_media_is_mounted_only_with_debug() -> None:
    from lms.site import urls

    assert not any("media" in str(p.pattern) for p in urls.urlpatterns)


# --- the Wagtail admin's document upload ------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bomb.docx", samples.zip_bomb(64 * 1024 * 1024)),
        ("invoice.pdf", b"%PDF-1.7\n" + samples.HTML + b"\nstartxref\n0\n%%EOF\n"),
        ("cut.pdf", samples.pdf()[:300]),
        ("no-types.docx", samples.ooxml(skip=("[Content_Types].xml",))),
    ],
)
def test_the_admin_document_upload_refuses_what_is_not_what_it_claims(
    client_for: Any,
    document_uploader: Any,
    name: str,
    content: bytes,
) -> None:
    response = _add_document(client_for(document_uploader), name, content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_the_admin_document_upload_accepts_a_genuine_docx(
    client_for: Any,
    document_uploader: Any,
) -> None:
    response = _add_document(
        client_for(document_uploader), "syllabus.docx", samples.ooxml("docx")
    )

    assert response.status_code == 302
    get_document_model().objects.get().file.delete(save=False)


def test_uploads_named_svg_are_refused_before_they_are_stored() -> None:
    from django.core.exceptions import ValidationError

    from lms.uploads import validate_upload

    with pytest.raises(ValidationError):
        validate_upload(SimpleUploadedFile("drawing.svg", SVG))


@pytest.mark.django_db
def test_the_admin_multiple_upload_refuses_a_zip_bomb_too(
    client_for: Any, document_uploader: Any
) -> None:
    response = client_for(document_uploader).post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile("bomb.docx", samples.zip_bomb()),
            "collection": Collection.get_first_root_node().pk,
        },
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json()["success"] is False
    assert "100 to 1" in response.json()["error_message"]
    assert not get_document_model().objects.exists()
