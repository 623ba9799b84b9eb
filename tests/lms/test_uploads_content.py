"""lms.uploads on what a file really is: zip bombs, archives that are not the Office
file they claim, PDFs that do not parse, and web pages or SVG in disguise."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.test import override_settings
from django.utils import translation

from lms.uploads import UploadValidator, validate_upload
from lms.uploads.archives import declared_member_count, unsafe_name
from lms.uploads.pdf import has_trailer
from lms.uploads.sniffing import is_markup
from tests import upload_samples as samples


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return samples.zip_bomb()  # 1 GiB of zeros in about 1 MB


def refusal(name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(name, content))
    return caught.value


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", samples.pdf()),
        ("report.docx", samples.ooxml("docx")),
        ("slides.pptx", samples.ooxml("pptx")),
        ("grades.xlsx", samples.ooxml("xlsx")),
        ("notes.odt", samples.odf("odt")),
        ("slides.odp", samples.odf("odp")),
        ("sheet.ods", samples.odf("ods")),
        ("notes.txt", b"We discussed <b>bold</b> choices and a <div> later on."),
        ("data.csv", b"tag,meaning\n<p>,paragraph\n"),
    ],
)
def test_genuine_files_are_accepted(name: str, content: bytes) -> None:
    validate_upload(SimpleUploadedFile(name, content))


def test_a_real_one_gib_zip_bomb_named_docx_is_refused(bomb: bytes) -> None:
    assert len(bomb) < 2 * 1024 * 1024  # under the upload limit: size alone misses it

    error = refusal("syllabus.docx", bomb)

    assert error.code == "file_archive"
    assert "100 to 1" in error.messages[0]


@override_settings(
    ENGAGE_UPLOAD_MAX_INFLATED_BYTES=4 * 1024 * 1024,
    ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO=100_000,
)
def test_the_inflated_total_is_capped_by_the_setting() -> None:
    error = refusal("syllabus.docx", samples.zip_bomb(8 * 1024 * 1024))

    assert error.code == "file_archive"
    assert "4.0\xa0MB" in error.messages[0]


@override_settings(ENGAGE_UPLOAD_MAX_COMPRESSION_RATIO=100_000)
def test_a_bomb_under_the_total_cap_is_unpacked_in_pieces_and_accepted() -> None:
    # 16 MiB of zeros passes the 200 MB cap once the ratio is allowed: the check
    # streams it through without holding it.
    validate_upload(SimpleUploadedFile("a.docx", samples.zip_bomb(16 * 1024 * 1024)))


def test_a_central_directory_that_lies_about_the_size_is_refused() -> None:
    # Declared 1000 bytes, holds 4 MiB: reading stops at 1000 and the CRC fails.
    assert refusal("report.docx", samples.lying_zip()).code == "file_content"


@override_settings(ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS=5)
def test_the_number_of_parts_is_capped() -> None:
    many = samples.ooxml(extra={f"word/media/{i}.xml": b"<x/>" for i in range(5)})

    error = refusal("report.docx", many)

    assert error.code == "file_archive"
    assert "5" in error.messages[0]


@override_settings(ENGAGE_UPLOAD_MAX_ARCHIVE_MEMBERS=5)
def test_an_end_record_that_understates_the_parts_does_not_get_past_the_cap() -> None:
    many = bytearray(
        samples.ooxml(extra={f"word/media/{i}.xml": b"<x/>" for i in range(5)})
    )
    end = many.rfind(b"PK\x05\x06")
    many[end + 8 : end + 12] = b"\x01\x00\x01\x00"  # "1 part", while 8 follow

    error = refusal("report.docx", bytes(many))

    assert error.code == "file_archive"


@pytest.mark.parametrize(
    "name",
    ["../evil.sh", "word/../../evil.sh", "/etc/passwd", "\\windows\\evil.dll",
     "C:/evil.bat", "word\\..\\..\\evil.bat"],
)  # fmt: skip
def test_parts_with_names_that_leave_the_folder_are_refused(name: str) -> None:
    assert refusal("report.docx", samples.traversal_zip(name)).code == "file_archive"


@pytest.mark.parametrize(
    ("skip", "missing"),
    [
        ("[Content_Types].xml", "[Content_Types].xml"),
        ("_rels/.rels", "_rels/.rels"),
        ("word/document.xml", "word/document.xml"),
    ],
)
def test_a_docx_without_its_required_parts_is_refused(skip: str, missing: str) -> None:
    error = refusal("report.docx", samples.ooxml(skip=(skip,)))

    assert error.code == "file_content"
    assert missing in error.messages[0]


def test_a_macro_enabled_document_renamed_docx_is_refused() -> None:
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    docm = samples.ooxml(types=samples.content_types("docx", macro))

    error = refusal("report.docx", docm)

    assert error.code == "file_content"
    assert "it has no word/document.xml" in error.messages[0]


@pytest.mark.parametrize("extension", ["pptx", "xlsx"])
def test_a_docx_renamed_to_another_office_type_is_refused(extension: str) -> None:
    assert refusal(f"a.{extension}", samples.ooxml("docx")).code == "file_content"


def test_content_types_with_a_dtd_are_refused() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Types>&b;</Types>'
    )

    assert refusal("a.docx", samples.ooxml(types=laughs)).code == "file_content"


def test_an_opendocument_file_with_the_wrong_mimetype_is_refused() -> None:
    text_as_sheet = samples.odf(
        "ods", mimetype="application/vnd.oasis.opendocument.text"
    )

    assert refusal("sheet.ods", text_as_sheet).code == "file_content"


@pytest.mark.parametrize(
    "content",
    [
        b"PK\x03\x04" + b"\x00" * 200,  # a local header, no central directory
        samples.ooxml()[:-30],  # cut short
        samples.ooxml()[:200],
    ],
)
def test_damaged_archives_are_refused(content: bytes) -> None:
    assert refusal("report.docx", content).code == "file_content"


def test_encrypted_parts_are_refused() -> None:
    data = bytearray(samples.ooxml())
    at = data.find(b"PK\x01\x02")
    data[at + 8] |= 0x1  # the central directory's "encrypted" flag

    assert refusal("report.docx", bytes(data)).code == "file_archive"


@override_settings(ENGAGE_UPLOAD_EXTENSIONS=["zip"])
def test_a_plain_zip_gets_the_archive_checks_without_office_parts() -> None:
    validate_upload(SimpleUploadedFile("a.zip", samples._zip({"notes/a.txt": b"hi"})))
    assert refusal("a.zip", samples.traversal_zip()).code == "file_archive"


def test_large_uploads_on_disk_are_checked_the_same(settings: Any) -> None:
    # Over FILE_UPLOAD_MAX_MEMORY_SIZE Django keeps the upload in a temporary file.
    media = os.urandom(settings.FILE_UPLOAD_MAX_MEMORY_SIZE + 1)  # stored, 1:1
    for name, data in [
        ("big.docx", samples.ooxml(extra={"word/media/image1.bin": media})),
        ("bomb.docx", samples.zip_bomb(256 * 1024 * 1024)),
    ]:
        upload = TemporaryUploadedFile(
            name, "application/octet-stream", len(data), None
        )
        upload.write(data)
        upload.seek(3)
        if name == "big.docx":
            validate_upload(upload)
        else:
            with pytest.raises(ValidationError):
                validate_upload(upload)
        assert upload.tell() == 3
        upload.close()


# --- PDF -----------------------------------------------------------------------


def test_html_named_pdf_with_a_pdf_header_is_refused() -> None:
    polyglot = b"%PDF-1.7\n" + samples.HTML + b"\nstartxref\n0\n%%EOF\n"

    assert refusal("invoice.pdf", polyglot).code == "file_content"


@pytest.mark.parametrize("cut", [100, 500, -40, -7])
def test_a_truncated_pdf_is_refused(cut: int) -> None:
    error = refusal("report.pdf", samples.pdf()[:cut])

    assert error.code == "file_content"
    assert "PDF" in error.messages[0]


def test_a_pdf_with_a_trailer_but_garbage_inside_is_refused() -> None:
    fake = b"%PDF-1.7\n" + b"garbage " * 200 + b"\nstartxref\n9\n%%EOF\n"

    assert refusal("report.pdf", fake).code == "file_content"


def test_a_pdf_without_pages_is_refused() -> None:
    from io import BytesIO

    from pypdf import PdfWriter

    buffer = BytesIO()
    PdfWriter().write(buffer)

    error = refusal("empty.pdf", buffer.getvalue())

    assert error.code == "file_content"
    assert "no pages" in error.messages[0]


def test_padding_after_the_end_marker_is_accepted() -> None:
    validate_upload(SimpleUploadedFile("a.pdf", samples.pdf() + b"\r\n" + b" " * 500))


# --- markup in disguise --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("notes.txt", samples.HTML),
        ("notes.txt", b"\xef\xbb\xbf  \n<HTML><body>hi</body></HTML>"),
        ("notes.txt", b"<script>alert(1)</script>"),
        ("notes.txt", b"<?xml version='1.0'?>\n<svg xmlns='http://www.w3.org/2000/svg'"
                      b" onload='alert(1)'/>"),
        ("list.csv", b"name,value\nx,<svg/onload=alert(1)>\n"),
        ("list.csv", b"a,b\n" * 100 + b"<iframe src=//evil>"),
        ("notes.txt", b"<!-- a comment, then a page -->"),
        ("photo.png", b"\x89PNG\r\n\x1a\n<html><script>x</script>"),
        ("report.pdf", b"%PDF-1.4\n<SCRIPT>alert(1)</SCRIPT>\nstartxref\n0\n%%EOF"),
    ],
)  # fmt: skip
def test_web_pages_and_script_are_refused_whatever_the_extension(
    name: str, content: bytes
) -> None:
    error = refusal(name, content)

    assert error.code == "file_content"
    assert "web page or script" in error.messages[0]


def test_html_in_utf16_is_seen_as_markup() -> None:
    assert is_markup("\ufeff<html><script>x</script>".encode("utf-16-le"))


def test_markup_past_the_first_kilobyte_is_not_sniffed() -> None:
    assert not is_markup(b"a" * 1100 + b"<script>")


@pytest.mark.parametrize("extension", ["svg", "svgz", "html", "xml", "js"])
def test_types_a_browser_runs_are_refused_even_when_configured(extension: str) -> None:
    with override_settings(ENGAGE_UPLOAD_EXTENSIONS=["pdf", extension]):
        error = refusal(f"drawing.{extension}", b"hello")

    assert error.code == "file_type"
    assert extension not in error.messages[0].split("Allowed:")[1]
    assert refusal("a.svg", b"x").code == "file_type"  # not allowed by default


def _messages(bomb: bytes) -> list[str]:
    return [
        refusal("a.docx", bomb).messages[0],
        refusal("a.docx", samples.ooxml(skip=("_rels/.rels",))).messages[0],
        refusal("a.docx", samples.ooxml()[:200]).messages[0],
        refusal("a.pdf", samples.pdf()[:300]).messages[0],
        refusal("a.txt", samples.HTML).messages[0],
        refusal("a.docx", samples.traversal_zip()).messages[0],
    ]


def test_refusals_are_in_dutch_for_dutch_readers(bomb: bytes) -> None:
    with translation.override("en"):
        english = _messages(bomb)
    with translation.override("nl"):
        dutch = _messages(bomb)

    assert all(nl != en for nl, en in zip(dutch, english, strict=True)), dutch
    assert "100" in dutch[0]


# --- the pure parts ------------------------------------------------------------


def test_declared_member_count_reads_the_end_record() -> None:
    archive = samples.ooxml()

    assert declared_member_count(archive[-200:]) == 3
    assert declared_member_count(b"no record here") is None


@pytest.mark.parametrize(
    ("name", "unsafe"),
    [("word/document.xml", False), ("a..b/c", False), ("..", True),
     ("a/../../b", True), ("/abs", True), ("D:rel", True), ("a\x00b", True)],
)  # fmt: skip
def test_unsafe_names(name: str, unsafe: bool) -> None:
    assert unsafe_name(name) is unsafe


def test_has_trailer() -> None:
    assert has_trailer(b"...startxref\n123\n%%EOF\n")
    assert not has_trailer(b"...%%EOF\n")
    assert not has_trailer(b"%%EOF startxref")


def test_a_validator_with_own_extensions_still_checks_archives() -> None:
    validator = UploadValidator(extensions=("docx",), max_bytes=5 * 1024 * 1024)

    with pytest.raises(ValidationError):
        validator(SimpleUploadedFile("a.docx", samples.traversal_zip()))


def test_an_import_that_is_not_stored_leaves_markup_in_its_cells_to_the_importer() -> (
    None
):
    """A participants CSV with `<script>` in a name is read row by row and that
    row refused (tests/trajectories/test_participant_import.py); a file that is
    stored and served is refused whole."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from lms.uploads import UploadValidator

    def csv() -> SimpleUploadedFile:
        return SimpleUploadedFile(
            "people.csv", b"email,first\nbad,<script>alert(1)</script>\n"
        )

    UploadValidator(extensions=("csv",), stored=False)(csv())
    with pytest.raises(ValidationError):
        UploadValidator(extensions=("csv",))(csv())
