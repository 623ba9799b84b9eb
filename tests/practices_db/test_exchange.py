"""CSV in and out: importing existing practices and exporting search results."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.http import StreamingHttpResponse
from django.urls import reverse

from lms.accounts.roles import Role
from practices_db import services
from practices_db.models import PracticePage, SearchRecord
from practices_db.selectors.exchange import (
    EXPORT_HEADER,
    export_csv_response,
    export_rows,
)
from practices_db.selectors.search import PracticeQuery, run_search
from practices_db.services.exchange import import_practices
from tests.factories import FacultyFactory, person
from tests.practices_db.factories import make_practice, make_terms, practice_input

pytestmark = pytest.mark.django_db

COLUMNS = [
    "title", "summary", "body", "faculty", "evidence", "discipline", "language",
    "group_size", "levels", "formats", "dimensions", "aspects", "sdgs", "licence",
    "contact_name", "contact_email", "author", "publish",
]  # fmt: skip


def csv_bytes(rows: list[dict[str, str]], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


def row(title: str, **values: str) -> dict[str, str]:
    return {"title": title, "summary": "A summary.", "body": "A body.",
            "faculty": "arts", **values}  # fmt: skip


def run_import(importer: Any, content: bytes) -> Any:
    return import_practices(importer=importer, file=io.BytesIO(content))


def terms_of(page: PracticePage, relation: str) -> set[str]:
    return {t.slug for t in getattr(page, relation).all()}


# --- import -------------------------------------------------------------------------


def test_import_creates_published_practices_with_every_column(
    programme_admin: Any, lecturer: Any, faculty: Any
) -> None:
    make_terms()
    full = row(
        "Toetsing met ideeën van studenten",
        summary="Eerstejaars kozen zelf één toetsvorm.",
        body="Eerste alinea.\n\nTweede alinea.",
        evidence="<p>Meer studenten <b>slaagden</b>.</p>",
        discipline="Geschiedenis", language="nl", group_size="medium",
        levels="bachelor-1", formats="seminar",
        dimensions="first-generation;neurodiversity", aspects="assessment-formats",
        sdgs="sdg-4", licence="CC-BY-SA-4.0", contact_name="Dr. A. Docent",
        contact_email="docent@example.org", author="lecturer", publish="yes",
    )  # fmt: skip
    report = run_import(programme_admin, csv_bytes([full]))
    assert report.ok and report.created == [(2, full["title"])]
    page = PracticePage.objects.get()
    assert page.live and page.owner == lecturer
    assert page.body == "<p>Eerste alinea.</p>\n\n<p>Tweede alinea.</p>"
    assert page.evidence == "<p>Meer studenten <b>slaagden</b>.</p>"
    assert (page.language, page.group_size, page.licence) == (
        "nl", "medium", "CC-BY-SA-4.0",
    )  # fmt: skip
    assert (page.discipline, page.contact_name, page.contact_email) == (
        "Geschiedenis", "Dr. A. Docent", "docent@example.org",
    )  # fmt: skip
    assert terms_of(page, "dimensions") == {"first-generation", "neurodiversity"}
    assert terms_of(page, "aspects") == {"assessment-formats"}
    assert terms_of(page, "sdgs") == {"sdg-4"}
    assert terms_of(page, "course_levels") == {"bachelor-1"}
    assert terms_of(page, "formats") == {"seminar"}
    assert SearchRecord.objects.filter(page=page).exists()
    assert [h.page_id for h in run_search(PracticeQuery(text="toetsvorm")).hits] == [
        page.pk
    ]


@pytest.mark.parametrize(
    ("publish", "live"),
    [("", True), ("yes", True), ("ja", True), ("no", False), ("No ", False),
     ("n", False), ("false", False), ("0", False), ("nee", False)],
)  # fmt: skip
def test_the_publish_column_decides_between_published_and_draft(
    publish: str, live: bool, programme_admin: Any, faculty: Any
) -> None:
    report = run_import(programme_admin, csv_bytes([row("One", publish=publish)]))
    assert report.ok
    page = PracticePage.objects.get()
    assert page.live is live
    assert SearchRecord.objects.filter(page=page).exists() is live


def test_imported_drafts_belong_to_the_importer_and_stay_out_of_search(
    programme_admin: Any, faculty: Any
) -> None:
    report = run_import(programme_admin, csv_bytes([row("Quiet draft", publish="no")]))
    assert report.created == [(2, "Quiet draft")]
    page = PracticePage.objects.get()
    assert page.owner == programme_admin and not page.live
    assert run_search(PracticeQuery(text="quiet")).total == 0


def test_import_reads_semicolon_delimited_files(
    programme_admin: Any, faculty: Any
) -> None:
    make_terms()
    rows = [
        row("Semicolons", dimensions="neurodiversity;first-generation"),
        row("Second", summary="Commas, inside; a field"),
    ]
    report = run_import(programme_admin, csv_bytes(rows, delimiter=";"))
    assert report.ok and [t for _n, t in report.created] == ["Semicolons", "Second"]
    first = PracticePage.objects.get(title="Semicolons")
    assert terms_of(first, "dimensions") == {"neurodiversity", "first-generation"}
    assert PracticePage.objects.get(title="Second").summary == "Commas, inside; a field"


def test_import_reads_a_byte_order_mark_and_loosely_written_headers(
    programme_admin: Any, faculty: Any
) -> None:
    content = "\ufeff Title ,SUMMARY,Body,Faculty\nExcel export,S,B,arts\n"
    report = run_import(programme_admin, content.encode())
    assert report.ok and report.created == [(2, "Excel export")]


def test_import_skips_rows_of_empty_cells_and_numbers_rows_as_a_spreadsheet_does(
    programme_admin: Any, faculty: Any
) -> None:
    multi_line = row("Second", body="First paragraph.\n\nSecond paragraph.")
    rows = [row("First"), multi_line, dict.fromkeys(COLUMNS, ""), row("Fourth")]
    report = run_import(programme_admin, csv_bytes(rows))
    assert report.created == [(2, "First"), (3, "Second"), (5, "Fourth")]
    assert report.rejected == []


def test_rows_after_an_empty_line_keep_their_spreadsheet_row_number(
    programme_admin: Any, faculty: Any
) -> None:
    content = b"title,summary,body,faculty\nFirst,S,B,arts\n\nThird,S,B,nowhere\n"
    report = run_import(programme_admin, content)
    assert report.created == [(2, "First")]
    assert [number for number, _reasons in report.rejected] == [4]


def test_import_gives_each_practice_its_own_slug(
    programme_admin: Any, faculty: Any
) -> None:
    rows = [row("Same title"), row("Same title"), row("Share")]
    report = run_import(programme_admin, csv_bytes(rows))
    assert report.ok
    slugs = sorted(PracticePage.objects.values_list("slug", flat=True))
    assert slugs == ["same-title", "same-title-2", "share-practice"]


def test_an_author_without_a_role_is_a_rejected_row(
    programme_admin: Any, faculty: Any
) -> None:
    person(username="visitor")
    rows = [row("By a visitor", author="visitor"), row("By the admin")]
    report = run_import(programme_admin, csv_bytes(rows))
    assert report.created == [(3, "By the admin")]
    assert report.rejected == [
        (2, ["Only lecturers, coaches and coordinators can share practices."])
    ]


def test_the_import_command_prints_the_report(
    programme_admin: Any, faculty: Any, tmp_path: Path
) -> None:
    good = tmp_path / "good.csv"
    good.write_bytes(csv_bytes([row("From the command")]))
    out = io.StringIO()
    call_command("import_practices", str(good), importer="admin", stdout=out)
    assert "row 2: imported From the command" in out.getvalue()
    assert "1 imported, 0 rejected." in out.getvalue()

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([row("Nowhere", faculty="nowhere")]))
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_practices", str(bad), importer="admin", stdout=io.StringIO(),
            stderr=err,
        )  # fmt: skip
    assert "row 2: rejected: faculty: unknown code “nowhere”" in err.getvalue()


# --- export -------------------------------------------------------------------------


def parse(response: StreamingHttpResponse) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture
def catalogue(lecturer: Any, coach: Any, faculty: Any) -> dict[str, PracticePage]:
    terms = make_terms()
    science = FacultyFactory(code="science", name_en="Faculty of Science")
    scientist = person(Role.LECTURER, username="scientist", faculty=science)
    pages = {
        "arts": make_practice(
            lecturer, faculty, title="Seminar glossary",
            dimension_ids=(terms["neurodiversity"].pk,),
            aspect_ids=(terms["language-use"].pk,), group_size="small",
        ),
        "science": make_practice(
            scientist, science, title="Lab seminar pairs", language="nl",
            licence="CC0-1.0",
        ),
        "other": make_practice(lecturer, faculty, title="Reading circles"),
        "draft": make_practice(
            lecturer, faculty, title="Seminar draft", publish=False
        ),
    }  # fmt: skip
    services.record_adoption(user=coach, page=pages["arts"], note="Used")
    return pages


def test_export_has_a_header_and_one_row_per_published_practice(
    catalogue: dict[str, PracticePage],
) -> None:
    rows = list(export_rows(PracticeQuery()))
    assert rows[0] == list(EXPORT_HEADER)
    assert sorted(r[0] for r in rows[1:]) == [
        "Lab seminar pairs", "Reading circles", "Seminar glossary",
    ]  # fmt: skip


def test_export_rows_describe_the_practice(
    catalogue: dict[str, PracticePage],
) -> None:
    query = PracticeQuery(selected={"dimension": ("neurodiversity",)})
    rows = list(export_rows(query, base_url="https://x.org"))
    assert len(rows) == 2
    record = dict(zip(rows[0], rows[1], strict=True))
    page = catalogue["arts"]
    assert record == {
        "title": "Seminar glossary",
        "url": f"https://x.org{page.url}",
        "summary": page.summary,
        "faculty": "arts",
        "language": "en",
        "licence": "CC-BY-4.0",
        "group_size": "small",
        "dimensions": "neurodiversity",
        "aspects": "language-use",
        "sdgs": "",
        "levels": "",
        "formats": "",
        "first_published_at": page.first_published_at.isoformat(),
        "adoptions": "1",
    }


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"q": "seminar"}, ["Lab seminar pairs", "Seminar glossary"]),
        ({"dimension": "neurodiversity"}, ["Seminar glossary"]),
        ({"faculty": "science"}, ["Lab seminar pairs"]),
        ({"language": "nl"}, ["Lab seminar pairs"]),
        ({"licence": "CC0-1.0"}, ["Lab seminar pairs"]),
        ({"q": "seminar", "faculty": "arts"}, ["Seminar glossary"]),
        ({"q": "nothing matches this"}, []),
        ({"page": "2", "per_page": "1"}, ["Lab seminar pairs", "Reading circles",
                                          "Seminar glossary"]),
    ],
    ids=["text", "dimension", "faculty", "language", "licence", "text-and-facet",
         "no-match", "paging-ignored"],
)  # fmt: skip
def test_export_view_streams_the_practices_matching_the_search(
    params: dict[str, str], titles: list[str], catalogue: dict[str, PracticePage],
    programme_admin: Any, client_for: Any,
) -> None:  # fmt: skip
    response = client_for(programme_admin).get(
        reverse("engage_practices:export"), params
    )
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="practices.csv"'
    rows = parse(response)
    assert rows[0] == list(EXPORT_HEADER)
    assert sorted(r[0] for r in rows[1:]) == titles


def test_export_shows_the_published_version_not_unpublished_changes(
    catalogue: dict[str, PracticePage], lecturer: Any, faculty: Any
) -> None:
    services.update_practice(
        actor=lecturer, page=catalogue["other"],
        data=practice_input(faculty, title="Not yet reviewed"),
    )  # fmt: skip
    titles = [r[0] for r in list(export_rows(PracticeQuery()))[1:]]
    assert "Reading circles" in titles and "Not yet reviewed" not in titles


def test_export_is_newest_first_by_default(
    catalogue: dict[str, PracticePage],
) -> None:
    rows = parse(export_csv_response(PracticeQuery()))[1:]
    dates = [r[EXPORT_HEADER.index("first_published_at")] for r in rows]
    assert dates == sorted(dates, reverse=True)


def test_search_page_offers_the_export_with_its_filters_to_programme_admins_only(
    catalogue: dict[str, PracticePage], programme_admin: Any, lecturer: Any,
    client_for: Any,
) -> None:  # fmt: skip
    url = reverse("engage_practices:search")
    params = {"q": "seminar", "faculty": "arts"}
    admin_html = client_for(programme_admin).get(url, params).content.decode()
    export = reverse("engage_practices:export")
    assert f"{export}?q=seminar&amp;faculty=arts" in admin_html
    assert export not in client_for(lecturer).get(url, params).content.decode()
