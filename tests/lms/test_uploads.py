"""UploadValidator: size, extension and real content of every uploaded file."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from wagtail.documents import get_document_model

from lms.uploads import UploadValidator, validate_upload
from tests import upload_samples as samples

PDF = samples.pdf("hi")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 32
GIF = b"GIF89a\x01\x00\x01\x00" + b"\x00" * 16
WEBP = b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 16
ZIP = samples.ooxml("docx")
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 32
HTML = b"<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(
    name: str, content: bytes, validator: UploadValidator = validate_upload
) -> str:
    """The code of the ValidationError `validator` raises for this file."""
    with pytest.raises(ValidationError) as caught:
        validator(upload(name, content))
    return str(caught.value.code)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("handout.pdf", PDF),
        ("HANDOUT.PDF", PDF),
        ("diagram.png", PNG),
        ("photo.jpg", JPEG),
        ("photo.jpeg", JPEG),
        ("anim.gif", GIF),
        ("image.webp", WEBP),
        ("syllabus.docx", ZIP),
        ("slides.pptx", samples.ooxml("pptx")),
        ("grades.xlsx", samples.ooxml("xlsx")),
        ("notes.odt", samples.odf("odt")),
        ("slides.odp", samples.odf("odp")),
        ("sheet.ods", samples.odf("ods")),
        ("notes.txt", "Reflection: inclusive language — ‘quotes’ and 山田.\n".encode()),
        ("list.csv", b"name,faculty\nNoor,arts\n"),
        ("empty.txt", b""),
        ("my.course.v2.pdf", PDF),
    ],
)
def test_valid_files_are_accepted(name: str, content: bytes) -> None:
    validate_upload(upload(name, content))


@pytest.mark.parametrize(
    "name",
    [
        "virus.exe",
        "script.js",
        "page.html",
        "page.htm",
        "image.svg",
        "macro.docm",
        "shell.sh",
        "archive.tar.gz",
        "evil.pdf.exe",
        "evil.png.html",
        "evil.pdf.",
        "README",
        ".pdf",
    ],
)
def test_disallowed_or_missing_extensions_are_refused(name: str) -> None:
    assert refusal(name, PDF) == "file_type"


def test_a_file_without_a_name_is_refused() -> None:
    nameless = io.BytesIO(PDF)
    nameless.size = len(PDF)  # type: ignore[attr-defined]

    with pytest.raises(ValidationError) as caught:
        validate_upload(nameless)

    assert caught.value.code == "file_type"


def test_refusal_message_names_the_extension_and_allowed_types() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("tool.exe", EXE))

    message = caught.value.messages[0]
    assert "“exe”" in message
    assert "pdf" in message
    assert "docx" in message


def test_a_name_without_extension_is_shown_as_question_mark() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("README", b"hello"))

    assert "“?”" in caught.value.messages[0]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("invoice.pdf", EXE),
        ("invoice.pdf", HTML),
        ("invoice.pdf", ELF),
        ("invoice.pdf", b""),
        ("invoice.pdf", b" %PDF-1.7 leading space"),
        ("evil.exe.pdf", EXE),
        ("photo.png", JPEG),
        ("photo.png", HTML),
        ("photo.jpg", PNG),
        ("anim.gif", b"GIF90a" + b"\x00" * 8),
        ("slides.docx", PDF),
        ("slides.docx", EXE),
        ("grades.xlsx", HTML),
        ("image.webp", PNG),
        ("image.webp", b"RIFF\x24\x00\x00\x00WAVEfmt " + b"\x00" * 16),
        ("image.webp", b"RIFF\x24\x00\x00\x00AVI LIST" + b"\x00" * 16),
    ],
)
def test_content_not_matching_the_extension_is_refused(
    name: str, content: bytes
) -> None:
    assert refusal(name, content) == "file_content"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", EXE),
        ("notes.txt", PNG),
        ("notes.txt", b"plain start\x00\x01\x02binary"),
        ("notes.txt", "Noor".encode("utf-16")),
        ("notes.txt", "café".encode("latin-1") + b" and more text"),
        ("list.csv", b"a,b\n\xff\xfe\xfd,1\n"),
    ],
)
def test_binary_or_non_utf8_text_files_are_refused(name: str, content: bytes) -> None:
    assert refusal(name, content) == "file_content"


def test_a_multibyte_character_cut_at_the_sample_edge_is_accepted() -> None:
    # The check reads the first 2048 bytes; "é" is two bytes in UTF-8.
    content = b"a" * 2047 + "é".encode() + b" rest of the text"

    validate_upload(upload("long.txt", content))


def test_invalid_utf8_early_in_a_long_text_file_is_refused() -> None:
    content = b"ok \xc3\x28 broken" + b"a" * 4000

    assert refusal("long.txt", content) == "file_content"


@override_settings(ENGAGE_UPLOAD_MAX_BYTES=1000)
def test_oversized_files_are_refused_with_the_setting() -> None:
    validate_upload(upload("small.pdf", PDF.ljust(1000, b" ")))

    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("big.pdf", PDF.ljust(1001, b" ")))

    assert caught.value.code == "file_size"
    message = caught.value.messages[0]
    assert "1000\xa0bytes" in message or "1000 bytes" in message


def test_the_default_limit_is_ten_megabytes() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload("huge.pdf", PDF + b"\x00" * (10 * 1024 * 1024)))

    assert caught.value.code == "file_size"


def test_size_is_checked_before_content() -> None:
    validator = UploadValidator(max_bytes=10)

    assert refusal("tool.pdf", EXE, validator) == "file_size"


def test_a_validator_with_its_own_extensions_and_limit() -> None:
    validator = UploadValidator(extensions=("vtt", "srt"), max_bytes=100)

    validator(upload("captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n"))
    assert refusal("handout.pdf", PDF, validator) == "file_type"
    assert refusal("captions.srt", b"1\n" * 60, validator) == "file_size"
    assert refusal("captions.vtt", b"\x00\x01binary", validator) == "file_content"


@override_settings(ENGAGE_UPLOAD_EXTENSIONS=[".PDF", "Txt"])
def test_extension_setting_is_normalised() -> None:
    validate_upload(upload("a.pdf", PDF))
    validate_upload(upload("a.TXT", b"text"))
    assert refusal("a.docx", ZIP) == "file_type"


def test_the_file_position_is_restored_after_the_check() -> None:
    file = upload("handout.pdf", PDF)
    file.seek(5)

    validate_upload(file)

    assert file.tell() == 5
    file.seek(0)
    assert file.read() == PDF


def test_validator_is_deconstructible_and_comparable() -> None:
    # Used on model fields: migrations must be able to serialise and compare it.
    path, args, kwargs = UploadValidator(extensions=("pdf",), max_bytes=5).deconstruct()

    assert path == "lms.uploads.UploadValidator"
    assert kwargs == {"extensions": ("pdf",), "max_bytes": 5}
    assert UploadValidator(("pdf",), 5) == UploadValidator(("pdf",), 5)
    assert UploadValidator(("pdf",), 5) != UploadValidator(("pdf",), 6)
    assert UploadValidator() != object()
    assert deconstructible  # the decorator the class relies on


def test_validator_accepts_any_file_like_object_with_name_and_size() -> None:
    class Stored(io.BytesIO):
        name = "report.pdf"
        size = len(PDF)

    validate_upload(Stored(PDF))


# --- Through the real interface: the Wagtail admin's document upload -------------


def _add_document(client, name: str, content: bytes):  # type: ignore[no-untyped-def]
    from wagtail.models import Collection

    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_programme_admin_role_may_add_documents_in_wagtail(
    client_for, programme_admin
) -> None:
    # The role is meant to upload documents (wagtaildocs.add_document is among its
    # permissions), so Wagtail's own permission policy and admin must agree.
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(get_document_model())

    assert programme_admin.has_perm("wagtaildocs.add_document")
    assert policy.user_has_permission(programme_admin, "add")
    assert (
        client_for(programme_admin).get(reverse("wagtaildocs:add")).status_code == 200
    )


@pytest.mark.django_db
def test_programme_admin_role_may_add_images_in_wagtail(
    client_for, programme_admin
) -> None:
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    policy = policy_registry.get_by_type(get_image_model())

    assert programme_admin.has_perm("wagtailimages.add_image")
    assert policy.user_has_permission(programme_admin, "add")
    assert (
        client_for(programme_admin).get(reverse("wagtailimages:add")).status_code == 200
    )


@pytest.mark.django_db
def test_admin_document_upload_accepts_a_pdf(client_for, document_uploader) -> None:
    client = client_for(document_uploader)

    response = _add_document(client, "handout.pdf", PDF)

    assert response.status_code == 302
    document = get_document_model().objects.get(title="handout.pdf")
    assert document.file.name.endswith(".pdf")
    document.file.delete(save=False)


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["tool.exe", "page.html", "evil.pdf.exe", "README"])
def test_admin_document_upload_refuses_disallowed_types(
    client_for, document_uploader, name: str
) -> None:
    client = client_for(document_uploader)

    response = _add_document(client, name, EXE)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_admin_document_upload_refuses_a_pdf_that_is_an_executable(
    client_for, document_uploader
) -> None:
    client = client_for(document_uploader)

    response = _add_document(client, "invoice.pdf", EXE)

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_a_lecturer_cannot_upload_documents(client_for, lecturer) -> None:
    client = client_for(lecturer)

    response = _add_document(client, "handout.pdf", PDF)

    assert response.status_code == 302
    assert not get_document_model().objects.exists()
