"""Every form, endpoint and upload of the practices database, fed malformed,
hostile and oversized input: nothing unsafe is stored or rendered, the person is
told what is wrong, and nothing answers with a server error."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import TaskState

from lms.accounts.models import Faculty
from practices_db import services
from practices_db.models import (
    Adoption,
    CollectionItem,
    PracticeCollection,
    PracticePage,
)
from practices_db.selectors.exchange import export_rows
from practices_db.selectors.search import PracticeQuery
from practices_db.services.exchange import import_practices
from tests import upload_samples as samples
from tests.practices_db.factories import make_practice, make_terms

pytestmark = pytest.mark.django_db

XSS = {
    "script": "<script>alert('xss')</script>",
    "img_onerror": '<img src=x onerror="alert(1)">',
    "javascript_link": '<a href="javascript:alert(1)">link</a>',
    "svg_onload": "<svg onload=alert(1)>",
    "mixed_case": "<ScRiPt>alert(1)</sCrIpT>",
    "attribute_break": '"><script>alert(1)</script>',
}
# What none of the payloads may leave behind in a stored value ...
STORED_TRACES = (
    "alert(",
    "onerror",
    "onload",
    "javascript:",
    "<script",
    "<svg",
    "<img",
)
# ... or in a rendered page (which has script and svg elements of its own).
RENDERED_TRACES = ("alert(", "onerror", "onload", "javascript:")
PDF = samples.pdf()


def assert_clean(*values: str) -> None:
    for value in values:
        for trace in STORED_TRACES:
            assert trace not in value.lower(), (trace, value)


def assert_renders_clean(response: Any) -> None:
    html = response.content.decode().lower()
    for trace in RENDERED_TRACES:
        assert trace not in html, trace


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def share(client: Client, default_faculty: Any, **fields: Any) -> Any:
    """POST the share form with valid values for everything not given."""
    data = {
        "title": "Peer feedback",
        "summary": "Students gave feedback.",
        "body": "We did it.",
        "faculty": default_faculty.pk,
        "language": "en",
        "licence": "CC-BY-4.0",
    }
    data.update(fields)
    return client.post(reverse("engage_practices:share"), data)


def errors(response: Any) -> dict[str, list[str]]:
    return {k: [str(e) for e in v] for k, v in response.context["form"].errors.items()}


# --- XSS in everything a person types -----------------------------------------------


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_share_form_stores_and_renders_no_active_content(
    payload: str, lecturer: Any, coordinator: Any, programme_admin: Any,
    faculty: Any, client_for: Any,
) -> None:  # fmt: skip
    text = f"Text {payload} end"
    author = client_for(lecturer)
    response = share(
        author, faculty,
        title=text, summary=text, body=f"<p>{text}</p>", evidence=text,
        body__format="html", evidence__format="html",  # as the editor sends them
        discipline=text, contact_name=text,
        file_1=SimpleUploadedFile("chart.png", png()), alt_text_1=text,
        caption_1=text,
        file_2=SimpleUploadedFile("handout.pdf", PDF), caption_2=text,
        submit="1",
    )  # fmt: skip
    assert response.status_code == 302
    page = PracticePage.objects.get()
    attachments = list(page.attachments.all())
    assert len(attachments) == 2
    assert_clean(
        page.title, page.summary, page.body, page.evidence, page.discipline,
        page.contact_name,
        *(a.alt_text for a in attachments), *(a.caption for a in attachments),
    )  # fmt: skip
    assert page.title.startswith("Text") and page.title.endswith("end")

    review_url = reverse("engage_practices:review", args=[page.pk])
    pages = [
        author.get(reverse("engage_practices:mine_detail", args=[page.pk])),
        client_for(coordinator).get(review_url),
    ]
    services.review_practice(actor=coordinator, page=page, action="approve")
    services.review_practice(actor=programme_admin, page=page, action="approve")
    page.refresh_from_db()
    anyone = Client()
    pages += [
        anyone.get(page.url),
        anyone.get(reverse("engage_practices:search"), {"q": "text"}),
        anyone.get(reverse("engage_practices:feed")),
        anyone.get(f"/api/v1/practices/{page.pk}/"),
        anyone.get("/api/v1/practices/", {"q": "text"}),
    ]
    for rendered in pages:
        assert rendered.status_code == 200
        assert_renders_clean(rendered)


def test_plain_text_with_angle_brackets_is_kept_and_rendered_escaped(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    title = 'Scores < 5 & grades > 3 "quoted"'
    share(client_for(lecturer), faculty, title=title)
    page = PracticePage.objects.get()
    assert page.title == title
    page.get_latest_revision().publish(user=lecturer, skip_permission_checks=True)
    html = Client().get(page.url).content.decode()
    assert "Scores &lt; 5 &amp; grades &gt; 3 &quot;quoted&quot;" in html
    assert title not in html


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_adoption_note_stores_and_renders_no_active_content(
    payload: str, lecturer: Any, coach: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty)
    client_for(coach).post(
        reverse("engage_practices:adopt", args=[page.pk]),
        {"note": f"Used it {payload} twice"},
    )
    note = Adoption.objects.get().note
    assert_clean(note)
    assert note.startswith("Used it")
    detail = client_for(lecturer).get(
        reverse("engage_practices:mine_detail", args=[page.pk])
    )
    assert "Used it" in detail.content.decode()
    assert_renders_clean(detail)


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_collection_texts_store_and_render_no_active_content(
    payload: str, lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    text = f"Meeting {payload} notes"
    page = make_practice(lecturer, faculty)
    client = client_for(coordinator)
    client.post(
        reverse("engage_practices:collections"),
        {"title": text, "description": text},
    )
    collection = PracticeCollection.objects.get()
    client.post(
        reverse("engage_practices:collect", args=[page.pk]),
        {"collection": collection.pk, "note": text},
    )
    item = CollectionItem.objects.get()
    assert_clean(collection.title, collection.description, item.note)
    client.post(
        reverse("engage_practices:collection_item", args=[collection.pk, item.pk]),
        {"action": "note", f"item{item.pk}-note": f"Changed {payload} note"},
    )
    item.refresh_from_db()
    assert_clean(item.note)
    assert item.note.startswith("Changed")
    token = collection.share_token
    for response in (
        client.get(reverse("engage_practices:collection", args=[collection.pk])),
        Client().get(reverse("engage_practices:shared_collection", args=[token])),
    ):
        assert response.status_code == 200
        assert_renders_clean(response)
    handout = Client().get(reverse("engage_practices:collection_handout", args=[token]))
    assert handout.content.startswith(b"%PDF")


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_review_comment_stores_and_renders_no_active_content(
    payload: str, lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    response = client_for(coordinator).post(
        reverse("engage_practices:review", args=[page.pk]),
        {
            "action": "reject",
            "comment": f"Please {payload} add evidence",
            "seen": services.review_seen(page),
        },
    )
    assert response.status_code == 302
    comment = TaskState.objects.exclude(comment="").get().comment
    assert_clean(comment)
    assert comment.startswith("Please")
    detail = client_for(lecturer).get(
        reverse("engage_practices:mine_detail", args=[page.pk])
    )
    assert "add evidence" in detail.content.decode()
    assert_renders_clean(detail)


@pytest.mark.parametrize("field", ["title", "summary"])
def test_entity_encoded_markup_alone_is_a_form_error_not_a_server_error(
    field: str, lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = share(
        client_for(lecturer), faculty, **{field: "&lt;script&gt;x&lt;/script&gt;"}
    )
    assert response.status_code == 400
    assert field in errors(response)
    assert not PracticePage.objects.exists()


def test_entity_encoded_markup_is_never_decoded_into_stored_tags(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    client = client_for(lecturer)
    encoded = "&lt;img src=x onerror=alert(1)&gt;"
    for level in range(1, 7):
        encoded = encoded.replace("&", "&amp;")
        text = f"Level {level} {encoded}"
        share(client, faculty, title=text, summary=text, contact_name=text)
        page = PracticePage.objects.get(title__startswith=f"Level {level}")
        assert_clean(page.title, page.summary, page.contact_name)
        page.get_latest_revision().publish(user=lecturer, skip_permission_checks=True)
        page.refresh_from_db()
        assert_clean(page.title, page.summary, page.search_record.summary)


# --- oversized input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("title", 200), ("summary", 600), ("body", 50_000), ("evidence", 50_000),
        ("discipline", 200), ("contact_name", 200), ("alt_text_1", 250),
        ("caption_1", 250),
    ],
)  # fmt: skip
def test_share_form_refuses_oversized_fields_with_a_message(
    field: str, limit: int, lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = share(client_for(lecturer), faculty, **{field: "x" * (limit + 1)})
    assert response.status_code == 400
    message = f"Ensure this value has at most {limit} characters (it has {limit + 1})."
    assert errors(response)[field] == [message]
    assert message in response.content.decode()
    assert not PracticePage.objects.exists()


@pytest.mark.parametrize(("field", "limit"), [("title", 200), ("summary", 600)])
def test_share_form_accepts_fields_at_their_limit(
    field: str, limit: int, lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = share(client_for(lecturer), faculty, **{field: "x" * limit})
    assert response.status_code == 302
    assert len(getattr(PracticePage.objects.get(), field)) == limit


def test_an_oversized_adoption_note_is_refused_with_a_message(
    lecturer: Any, coach: Any, faculty: Any, client_for: Any
) -> None:
    # The practice page's forms post and redirect back (no 400 page of their own);
    # the refusal is a message on the practice page.
    page = make_practice(lecturer, faculty)
    response = client_for(coach).post(
        reverse("engage_practices:adopt", args=[page.pk]),
        {"note": "x" * 501},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["Your note is too long (at most 500 characters)."]
    assert not Adoption.objects.exists()


@pytest.mark.parametrize(("field", "limit"), [("title", 200), ("description", 2000)])
def test_collection_form_refuses_oversized_fields(
    field: str, limit: int, coordinator: Any, client_for: Any
) -> None:
    data = {"title": "Meeting", field: "x" * (limit + 1)}
    response = client_for(coordinator).post(
        reverse("engage_practices:collections"), data
    )
    assert response.status_code == 400
    assert f"at most {limit} characters" in response.content.decode()
    assert not PracticeCollection.objects.exists()


def test_an_oversized_collection_item_note_is_refused_with_a_message(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    collection = services.create_collection(owner=coordinator, title="Meeting")
    item = services.add_to_collection(
        actor=coordinator, collection=collection,
        page=make_practice(lecturer, faculty), note="Kept",
    )  # fmt: skip
    response = client_for(coordinator).post(
        reverse("engage_practices:collection_item", args=[collection.pk, item.pk]),
        {"action": "note", f"item{item.pk}-note": "x" * 1001},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert messages == ["The note is too long (at most 1,000 characters)."]
    item.refresh_from_db()
    assert item.note == "Kept"


def test_an_oversized_note_when_collecting_is_refused_with_a_message_about_the_note(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    collection = services.create_collection(owner=coordinator, title="Meeting")
    page = make_practice(lecturer, faculty)
    response = client_for(coordinator).post(
        reverse("engage_practices:collect", args=[page.pk]),
        {"collection": collection.pk, "note": "x" * 1001},
        follow=True,
    )
    assert not CollectionItem.objects.exists()
    messages = " ".join(str(m) for m in response.context["messages"])
    assert "note" in messages.lower() and "1,000" in messages


def test_an_oversized_review_comment_is_refused(
    lecturer: Any, coordinator: Any, faculty: Any, client_for: Any
) -> None:
    page = make_practice(lecturer, faculty, publish=False)
    services.submit_practice(actor=lecturer, page=page)
    response = client_for(coordinator).post(
        reverse("engage_practices:review", args=[page.pk]),
        {"action": "reject", "comment": "x" * 2001, "seen": services.review_seen(page)},
    )
    assert response.status_code == 400
    assert "at most 2000 characters" in response.content.decode()
    assert not TaskState.objects.exclude(comment="").exists()
    page.refresh_from_db()
    assert page.workflow_in_progress


# --- invalid choices ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("faculty", "999999"), ("faculty", "abc"), ("faculty", ""),
        ("faculty", "inactive"), ("dimensions", "999999"),
        ("dimensions", "aspect-term"), ("dimensions", "1; DROP TABLE x"),
        ("licence", "GPL-3.0"), ("licence", ""), ("language", "de"),
        ("group_size", "huge"),
    ],
)  # fmt: skip
def test_share_form_refuses_invalid_choices(
    field: str, value: str, lecturer: Any, faculty: Any, client_for: Any
) -> None:
    terms = make_terms()
    if value == "inactive":
        value = str(Faculty.objects.create(code="old", is_active=False).pk)
    elif value == "aspect-term":  # a real term, but of another taxonomy
        value = str(terms["language-use"].pk)
    response = share(client_for(lecturer), faculty, **{field: value})
    assert response.status_code == 400
    assert field in errors(response)
    assert not PracticePage.objects.exists()


# --- uploads ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("fake.pdf", b"MZ\x90\x00 no PDF", "content is not a valid pdf file."),
        ("tool.exe", b"MZ\x90\x00\x03", "Files of type “exe” cannot be uploaded."),
        ("page.html", b"<script>x</script>", "Files of type “html” cannot be"),
        ("photo.png", b"GIF89a\x01\x00", "content is not a valid png file."),
        ("report.pdf.exe", PDF, "Files of type “exe” cannot be uploaded."),
        ("no-extension", PDF, "Files of type “?” cannot be uploaded."),
    ],
    ids=["fake-pdf", "exe", "html", "png-that-is-gif", "double-extension",
         "no-extension"],
)  # fmt: skip
def test_share_form_refuses_bad_uploads_naming_the_field(
    name: str, content: bytes, message: str,
    lecturer: Any, faculty: Any, client_for: Any,
) -> None:  # fmt: skip
    response = share(
        client_for(lecturer), faculty,
        file_1=SimpleUploadedFile(name, content), alt_text_1="An image",
    )  # fmt: skip
    assert response.status_code == 400
    assert message in errors(response)["file_1"][0]
    assert "File 1: " in response.content.decode()
    assert message in response.content.decode()
    assert not PracticePage.objects.exists()
    assert not get_document_model().objects.exists()
    assert not get_image_model().objects.exists()


@override_settings(ENGAGE_UPLOAD_MAX_BYTES=1024)
def test_share_form_refuses_a_file_over_the_size_limit(
    lecturer: Any, faculty: Any, client_for: Any
) -> None:
    big = PDF + b"%" * 2048
    response = share(
        client_for(lecturer), faculty, file_1=SimpleUploadedFile("big.pdf", big)
    )
    assert response.status_code == 400
    assert "the largest allowed is 1.0\xa0KB" in errors(response)["file_1"][0]
    assert not PracticePage.objects.exists()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("alt_text", ["", "   ", "<b></b>", "<script>x</script>"])
def test_an_image_without_alt_text_is_refused_naming_the_field(
    alt_text: str, lecturer: Any, faculty: Any, client_for: Any
) -> None:
    response = share(
        client_for(lecturer), faculty,
        file_1=SimpleUploadedFile("chart.png", png()), alt_text_1=alt_text,
    )  # fmt: skip
    message = "Describe the image for people who cannot see it."
    assert response.status_code == 400
    assert errors(response)["alt_text_1"] == [message]
    assert f"Text alternative for image 1: {message}" in response.content.decode()
    assert not get_image_model().objects.exists()


# --- search and API parameters ------------------------------------------------------

HOSTILE_PARAMS = {
    "long_q": {"q": "x" * 10_000},
    "many_words": {"q": "word " * 3_000},
    "double_quote": {"q": '"unbalanced seminar'},
    "star": {"q": "semin*"},
    "column_filter": {"q": "title:seminar"},
    "tsquery_operators": {"q": "seminar & glossary | !x"},
    "parenthesis": {"q": "(seminar"},
    "near": {"q": "seminar NEAR glossary"},
    "boolean_words": {"q": "seminar AND OR NOT"},
    "quotes_and_backslashes": {"q": "'\"\\ \\\\ seminar\\"},
    "nul_byte": {"q": "semi\x00nar"},
    "fts5_column": {"q": "{title_terms}: seminar"},
    "sql": {"q": "'; DROP TABLE engage_practices_searchrecord; --"},
    "emoji": {"q": "ïdeeën ☃ 😀"},
    "reflected_html": {"q": '"><script>alert(1)</script>'},
    "unknown_facet": {"dimension": "no-such-term", "faculty": "nowhere"},
    "many_facets": {"faculty": ["x"] * 500},
    "nul_facet": {"dimension": "\x00"},
    "page_negative": {"page": "-1"},
    "page_text": {"page": "abc"},
    "page_huge": {"page": "999999"},
    "page_overflow": {"page": "9" * 60},
    "sort_junk": {"sort": "<script>"},
    "per_page_huge": {"per_page": "100000"},
    "per_page_negative": {"per_page": "-5"},
}


@pytest.fixture
def three_practices(lecturer: Any, faculty: Any) -> None:
    make_terms()
    for n in range(3):
        make_practice(lecturer, faculty, title=f"Seminar glossary {n}")


@pytest.mark.parametrize("params", HOSTILE_PARAMS.values(), ids=HOSTILE_PARAMS.keys())
def test_search_page_survives_hostile_parameters(
    params: dict[str, Any], three_practices: None
) -> None:
    response = Client().get(reverse("engage_practices:search"), params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "practice found" in html or "practices found" in html
    assert "<script>alert(1)" not in html


@pytest.mark.parametrize("params", HOSTILE_PARAMS.values(), ids=HOSTILE_PARAMS.keys())
def test_search_api_survives_hostile_parameters(
    params: dict[str, Any], three_practices: None
) -> None:
    response = Client().get("/api/v1/practices/", params)
    assert response.status_code == 200
    data = response.json()
    assert 0 <= len(data["results"]) <= min(100, data["count"])
    assert 1 <= data["page"] <= data["num_pages"]


def test_search_api_caps_the_page_size_and_clamps_the_page(
    lecturer: Any, faculty: Any
) -> None:
    for n in range(3):
        make_practice(lecturer, faculty, title=f"Practice {n}")
    data = Client().get("/api/v1/practices/", {"per_page": 100_000}).json()
    assert data["count"] == 3 and len(data["results"]) == 3
    data = Client().get("/api/v1/practices/", {"per_page": 2, "page": 999_999}).json()
    assert (data["page"], data["num_pages"], len(data["results"])) == (2, 2, 1)
    assert data["next"] is None and data["previous"] is not None


# --- CSV import ---------------------------------------------------------------------

HEADER = ["title", "summary", "body", "faculty"]
MISSING = "Columns missing from the first row:"
CP1252_CSV = "title,summary,body,faculty\nCafé,Résumé,Body,arts\n".encode("cp1252")
OVER_5_MB = b"title,summary,body,faculty\n" + b"x" * (5 * 1024 * 1024)


def csv_bytes(*rows: list[str], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode()


def run_import(importer: Any, content: bytes) -> Any:
    return import_practices(importer=importer, file=io.BytesIO(content))


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (CP1252_CSV, "not UTF-8"),
        ("title,summary,body,faculty\nA,B,C,arts\n".encode("utf-16"), "not UTF-8"),
        (bytes(range(256)) * 20, "not UTF-8"),
        (png(), "not UTF-8"),
        (b"title,summary,body,faculty\nA,B\x00,C,arts\n", "not a CSV text file"),
        (b"", f"{MISSING} title, summary, body, faculty."),
        (b"\n\n\n", f"{MISSING} title, summary, body, faculty."),
        (b"title,summary\nA,B\n", f"{MISSING} body, faculty."),
        (b"name;text;faculty\nA;B;arts\n", f"{MISSING} title, summary, body."),
    ],
    ids=["cp1252", "utf16", "binary", "png", "nul", "empty", "blank-lines",
         "missing-columns", "wrong-columns"],
)  # fmt: skip
def test_import_refuses_a_bad_file_with_a_clear_problem(
    content: bytes, problem: str, programme_admin: Any, faculty: Any
) -> None:
    report = run_import(programme_admin, content)
    assert problem in report.problem
    assert report.created == [] and not report.ok
    assert not PracticePage.objects.exists()


def test_import_refuses_a_file_over_5_mb(programme_admin: Any, faculty: Any) -> None:
    content = csv_bytes(HEADER, ["Fine", "S", "B", "arts"])
    content += b"# padding\n" * (5 * 1024 * 1024 // 10 + 1)
    report = run_import(programme_admin, content)
    assert (
        report.problem == "The file is larger than 5 MB; split it into smaller files."
    )
    assert not PracticePage.objects.exists()


def test_import_of_a_header_only_file_imports_nothing_and_reports_no_problem(
    programme_admin: Any, faculty: Any
) -> None:
    report = run_import(programme_admin, csv_bytes(HEADER))
    assert report.ok and report.created == [] and report.rejected == []


BAD_ROWS = {
    "unknown_faculty": ({"faculty": "nowhere"}, "faculty: unknown code “nowhere”"),
    "missing_title": ({"title": ""}, "title: required"),
    "markup_only_title": ({"title": "<b></b>"}, "title: required"),
    "long_title": ({"title": "x" * 201}, "title: longer than 200 characters"),
    "long_summary": ({"summary": "x" * 601}, "summary: longer than 600 characters"),
    "script_only_body": ({"body": "<script>alert(1)</script>"}, "body: required"),
    "unknown_term": (
        {"dimensions": "neurodiversity;nope"},
        "dimensions: unknown term “nope”",
    ),
    "term_of_other_taxonomy": (
        {"dimensions": "language-use"},
        "unknown term “language-use”",
    ),
    "bad_licence": ({"licence": "GPL-3.0"}, "licence: use one of CC-BY-4.0"),
    "bad_language": ({"language": "de"}, "language: use en or nl"),
    "bad_group_size": ({"group_size": "huge"}, "group_size: use one of small"),
    "bad_email": ({"contact_email": "not-an-email"}, "contact_email: not an e-mail"),
    "header_injection_email": (
        {"contact_email": "a@b.org\nBcc: x@y.org"},
        "contact_email: not",
    ),
    "unknown_author": ({"author": "ghost"}, "author: no active user “ghost”"),
}


@pytest.mark.parametrize(("change", "reason"), BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_import_rejects_a_bad_row_naming_row_and_reason_and_keeps_good_rows(
    change: dict[str, str], reason: str, programme_admin: Any, faculty: Any
) -> None:
    make_terms()
    columns = [*HEADER, "dimensions", "licence", "language", "group_size",
               "contact_email", "author"]  # fmt: skip
    good = {"summary": "S", "body": "B", "faculty": "arts"}
    rows = [
        {**good, "title": "Good before"},
        {**good, "title": "Bad", **change},
        {**good, "title": "Good after"},
    ]
    content = csv_bytes(columns, *([row.get(c, "") for c in columns] for row in rows))
    report = run_import(programme_admin, content)
    assert report.created == [(2, "Good before"), (4, "Good after")]
    assert [row for row, _reasons in report.rejected] == [3]
    assert any(reason in r for r in report.rejected[0][1]), report.rejected
    titles = set(PracticePage.objects.values_list("title", flat=True))
    assert titles == {"Good before", "Good after"}


@pytest.mark.parametrize("payload", XSS.values(), ids=XSS.keys())
def test_import_stores_no_active_content(
    payload: str, programme_admin: Any, faculty: Any
) -> None:
    text = f"Text {payload} end"
    columns = [*HEADER, "evidence", "discipline", "contact_name"]
    content = csv_bytes(
        columns, [text, text, f"<p>{text}</p>", "arts", text, text, text]
    )
    report = run_import(programme_admin, content)
    assert report.ok, report
    page = PracticePage.objects.get()
    assert_clean(
        page.title, page.summary, page.body, page.evidence, page.discipline,
        page.contact_name,
    )  # fmt: skip
    assert_renders_clean(Client().get(page.url))


FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0",
            "-2+3", "@SUM(A1:A2)"]  # fmt: skip


def test_formulas_survive_import_but_export_cells_start_with_a_quote(
    programme_admin: Any, faculty: Any, client_for: Any
) -> None:
    content = csv_bytes(HEADER, *([f, f, "Body", "arts"] for f in FORMULAS))
    report = run_import(programme_admin, content)
    assert [title for _row, title in report.created] == FORMULAS
    rows = list(export_rows(PracticeQuery()))[1:]
    assert sorted(row[0] for row in rows) == sorted(f"'{f}" for f in FORMULAS)
    assert all(row[2].startswith("'") for row in rows)
    response = client_for(programme_admin).get(reverse("engage_practices:export"))
    exported = list(
        csv.reader(io.StringIO(b"".join(response.streaming_content).decode()))
    )
    assert {row[0] for row in exported[1:]} == {f"'{f}" for f in FORMULAS}


def test_import_reads_quoted_fields_with_apostrophes(
    programme_admin: Any, faculty: Any
) -> None:
    row = ["Zo'n 'buddy' systeem", "Eerstejaars krijgen een 'buddy', dat werkt.",
           "Tekst", "arts"]  # fmt: skip
    report = run_import(programme_admin, csv_bytes(HEADER, row))
    assert report.created == [(2, "Zo'n 'buddy' systeem")], report
    assert PracticePage.objects.get().summary == row[1]


def test_import_reads_escaped_quotes_after_the_first_4_kb(
    programme_admin: Any, faculty: Any
) -> None:
    filler = [[f"Row {n}", "Plain summary", "Plain body text " * 10, "arts"]
              for n in range(30)]  # fmt: skip
    quoted = ["Quoted", 'He said "hi", then left', "Body", "arts"]
    content = csv_bytes(HEADER, *filler, quoted)
    assert len(content) > 4096
    report = run_import(programme_admin, content)
    assert report.ok, report.rejected
    assert PracticePage.objects.get(title="Quoted").summary == quoted[1]


@pytest.mark.parametrize("size", [60_000, 140_000])
def test_import_rejects_an_oversized_body_naming_its_row(
    size: int, programme_admin: Any, faculty: Any
) -> None:
    content = csv_bytes(
        HEADER, ["Before", "S", "B", "arts"], ["Huge", "S", "x" * size, "arts"],
        ["After", "S", "B", "arts"],
    )  # fmt: skip
    report = run_import(programme_admin, content)
    assert report.created == [(2, "Before"), (4, "After")]
    assert [row for row, _r in report.rejected] == [3]
    assert "body" in report.rejected[0][1][0]


# --- CSV import through the admin view ----------------------------------------------


def admin_import(client: Client, name: str, content: bytes) -> Any:
    return client.post(
        reverse("engage_practices_import"),
        {"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("p.csv", CP1252_CSV, "The file is not UTF-8 text."),
        ("p.csv", bytes(range(256)) * 4, "The file is not UTF-8 text."),
        ("p.exe", b"MZ\x90\x00", "Files of type “exe” cannot be uploaded."),
        ("p.xlsx", b"PK\x03\x04", "Files of type “xlsx” cannot be uploaded."),
        ("p.csv", OVER_5_MB, "the largest allowed is 5.0\xa0MB"),
    ],
    ids=["cp1252", "binary", "exe", "xlsx", "over-5-mb"],
)  # fmt: skip
def test_admin_import_refuses_a_bad_upload_with_a_message(
    name: str, content: bytes, message: str,
    programme_admin: Any, faculty: Any, client_for: Any,
) -> None:  # fmt: skip
    response = admin_import(client_for(programme_admin), name, content)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PracticePage.objects.exists()


def test_admin_import_reports_each_rejected_row_and_imports_the_good_ones(
    programme_admin: Any, faculty: Any, client_for: Any
) -> None:
    content = csv_bytes(
        HEADER, ["Good one", "S", "B", "arts"], ["Bad one", "S", "B", "nowhere"],
        ["Also bad", "", "B", "arts"],
    )  # fmt: skip
    response = admin_import(client_for(programme_admin), "p.csv", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 practice imported." in html and "2 rows rejected." in html
    assert "<td>3</td>" in html and "faculty: unknown code “nowhere”" in html
    assert "<td>4</td>" in html and "summary: required" in html
    assert list(PracticePage.objects.values_list("title", flat=True)) == ["Good one"]


def test_admin_import_report_escapes_what_the_file_said(
    programme_admin: Any, faculty: Any, client_for: Any
) -> None:
    hostile = "&lt;img src=x onerror=alert(1)&gt;"
    content = csv_bytes(HEADER, ["Title", "S", "B", hostile])
    response = admin_import(client_for(programme_admin), "p.csv", content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 row rejected." in html
    assert "<img src=x onerror" not in html


def test_admin_import_reports_missing_columns(
    programme_admin: Any, faculty: Any, client_for: Any
) -> None:
    response = admin_import(client_for(programme_admin), "p.csv", b"title\nA\n")
    assert response.status_code == 200
    assert (
        "Columns missing from the first row: summary, body, faculty."
        in response.content.decode()
    )
    assert not PracticePage.objects.exists()
