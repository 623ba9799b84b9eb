"""Competency frameworks in and out as JSON and CSV: strict, with a report per row."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from certification import selectors, services
from certification.demo import FRAMEWORK
from certification.exceptions import NotAllowed
from certification.models import AuditEvent, Competency, CompetencyFramework, Indicator
from certification.rules import framework_exchange as exchange
from tests.certification.factories import framework_data, make_framework, make_scheme

pytestmark = pytest.mark.django_db

HEADER = "kind,code,parent,name_en,name_nl,description_en,description_nl,version\n"
GOOD_CSV = (
    HEADER
    + "framework,inclusive,,Inclusive teaching,Inclusief onderwijs,About,Over,2026.1\n"
    + "area,A,,Language,Taal,,,\n"
    + "competency,C1,A,Inclusive language,Inclusief taalgebruik,Plain words,"
    + "Heldere taal,\n"
    + "indicator,,C1,Writes plainly,Schrijft helder,,,\n"
    + "indicator,,C1,Explains terms,Legt termen uit,,,\n"
    + "area,B,,Assessment,Toetsing,,,\n"
    + "competency,C2,B,Fair assessment,Eerlijke toetsing,,,\n"
)


def test_json_round_trip(programme_admin: Any) -> None:
    data = framework_data(areas=3, per_area=2)
    report = services.import_framework(
        actor=programme_admin, raw=exchange.export_json(data), fmt="json"
    )
    assert report.ok, report.errors
    framework = CompetencyFramework.objects.get(pk=report.framework_id)
    assert selectors.framework_data(framework) == data
    assert Competency.objects.filter(framework=framework).count() == 6
    assert AuditEvent.objects.filter(action="framework_imported").exists()


def test_csv_round_trip_keeps_order_and_dutch(programme_admin: Any) -> None:
    report = services.import_framework(actor=programme_admin, raw=GOOD_CSV, fmt="csv")
    assert report.ok, report.errors
    framework = CompetencyFramework.objects.get(pk=report.framework_id)
    data = selectors.framework_data(framework)
    assert [a.code for a in data.areas] == ["A", "B"]
    assert data.areas[0].competencies[0].indicators[1].text_nl == "Legt termen uit"
    exported = exchange.export_csv(data)
    assert exported.replace("\r\n", "\n") == GOOD_CSV
    # ; as the delimiter (a Dutch spreadsheet) and a BOM are fine too.
    again, report = exchange.parse_csv(
        ("\ufeff" + exported.replace(",", ";")).encode("utf-8")
    )
    assert report.errors == [] and again == data


def test_the_demo_framework_survives_both_formats() -> None:
    for fmt, render in (("json", exchange.export_json), ("csv", exchange.export_csv)):
        parsed, report = exchange.parse(render(FRAMEWORK).encode(), fmt)
        assert report.errors == [] and not report.problem
        assert parsed == FRAMEWORK
    assert len(FRAMEWORK.areas) == 5
    assert sum(len(a.competencies) for a in FRAMEWORK.areas) == 12


def test_formula_cells_are_guarded_on_export_and_restored_on_import() -> None:
    data = framework_data()
    area = data.areas[0]
    hostile = type(area)(
        code=area.code, name_en="=HYPERLINK(\"http://evil\")", name_nl="+1",
        competencies=area.competencies,
    )  # fmt: skip
    data = type(data)(
        code=data.code, version=data.version, name_en=data.name_en,
        name_nl=data.name_nl, areas=(hostile, *data.areas[1:]),
    )  # fmt: skip
    exported = exchange.export_csv(data)
    assert "'=HYPERLINK" in exported and ",'+1," in exported
    parsed, report = exchange.parse_csv(exported)
    assert report.errors == []
    assert parsed is not None and parsed.areas[0].name_en.startswith("=HYPERLINK")


@pytest.mark.parametrize(
    ("csv_text", "place", "reason"),
    [
        (HEADER + "area,A,,x,y,,,\n", "row 2", "the first row must be the framework"),
        (
            HEADER + "framework,Bad Code!,,x,y,,,1\narea,A,,x,y,,,\n",
            "row 2",
            "lower-case letters",
        ),
        (HEADER + "framework,ok,,x,y,,,\narea,A,,x,y,,,\n", "row 2", "version"),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,,,,\n",
            "row 3",
            "name_nl: required",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,y,,,\narea,A,,x,y,,,\n",
            "row 4",
            "appears twice",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,y,,,\ncompetency,C1,Z,x,y,,,\n",
            "row 4",
            "no area “Z”",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,y,,,\nindicator,,C9,x,y,,,\n",
            "row 4",
            "no competency “C9”",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,y,,,\nwidget,,,x,y,,,\n",
            "row 4",
            "kind: use one of",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A B,,x,y,,,\n",
            "row 3",
            "is not a code",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,x,y,,,\narea,B,,x,y,,,,,extra\n",
            "row 4",
            "more cells than columns",
        ),
        (
            HEADER + "framework,ok,,x,y,,,1\narea,A,,%s,y,,,\n" % ("n" * 201),
            "row 3",
            "longer than 200",
        ),
        (HEADER + "framework,ok,,x,y,,,1\n", "file", "no area rows"),
    ],
)
def test_malformed_csv_rows_are_reported_and_nothing_is_created(
    programme_admin: Any, csv_text: str, place: str, reason: str
) -> None:
    report = services.import_framework(actor=programme_admin, raw=csv_text, fmt="csv")
    assert not report.ok and report.framework_id is None
    reasons = dict(report.errors).get(place, [])
    assert any(reason in r for r in reasons), report.errors
    assert not CompetencyFramework.objects.exists()


def test_every_bad_row_is_reported_not_just_the_first(programme_admin: Any) -> None:
    text = (
        HEADER
        + "framework,ok,,x,y,,,1\n"
        + "area,A,,,,,,\n"
        + "competency,C1,A,x,y,,,\n"
        + "competency,C1,A,x,y,,,\n"
        + "indicator,,C1,,,,,\n"
    )
    report = services.import_framework(actor=programme_admin, raw=text, fmt="csv")
    assert [place for place, _r in report.errors] == ["row 3", "row 5", "row 6"]
    assert len(dict(report.errors)["row 3"]) == 2  # name_en and name_nl


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"\xff\xfe\x00k\x00i", "not UTF-8"),
        ("kind,code\x00,parent\n", "not a text file"),
        (b"x" * (exchange.MAX_IMPORT_BYTES + 1), "larger than 1 MB"),
        ("name,other\nx,y\n", "Columns missing"),
        ('kind,code,parent,name_en,name_nl\n"unterminated,x', ""),
    ],
)
def test_hostile_or_broken_csv_files(
    programme_admin: Any, raw: bytes | str, problem: str
) -> None:
    report = services.import_framework(actor=programme_admin, raw=raw, fmt="csv")
    assert not report.ok
    assert problem in report.problem or report.errors
    assert not CompetencyFramework.objects.exists()


def _json(**changes: Any) -> dict[str, Any]:
    document = json.loads(exchange.export_json(framework_data()))
    document.update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "place", "reason"),
    [
        (_json(format="something-else"), "framework", "format"),
        (_json(code=7), "framework", "code: must be text"),
        (_json(name={"en": "x"}), "framework.name", "nl: required"),
        (_json(name="x"), "framework.name", "must be an object"),
        (_json(areas={}), "areas", "must be a list"),
        (_json(areas=[]), "areas", "at least one area"),
        (_json(areas=["x"]), "areas[0]", "must be an object"),
        (_json(surprise=1), "framework", "unknown key"),
        (
            _json(
                areas=[
                    {
                        "code": "A",
                        "name": {"en": "a", "nl": "b"},
                        "competencies": [
                            {"code": "C1", "name": {"en": "a", "nl": "b"}},
                            {"code": "C1", "name": {"en": "a", "nl": "b"}},
                        ],
                    }
                ]
            ),
            "areas[0].competencies[1]",
            "appears twice",
        ),
        (
            _json(
                areas=[
                    {
                        "code": "A",
                        "name": {"en": "a", "nl": "b"},
                        "competencies": [
                            {
                                "code": "C1",
                                "name": {"en": "a", "nl": "b"},
                                "indicators": [{"en": 1}],
                            },
                        ],
                    }
                ]
            ),
            "areas[0].competencies[0].indicators[0]",
            "en: must be text",
        ),
        (
            _json(
                areas=[{"code": "A", "name": {"en": "a", "nl": "b"}} for _ in range(31)]
            ),
            "areas",
            "more than 30 items",
        ),
    ],
)
def test_malformed_json_is_reported_by_place(
    programme_admin: Any, document: Any, place: str, reason: str
) -> None:
    report = services.import_framework(
        actor=programme_admin, raw=json.dumps(document), fmt="json"
    )
    assert not report.ok
    assert any(reason in r for r in dict(report.errors).get(place, [])), report.errors
    assert not CompetencyFramework.objects.exists()


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("{not json", "The JSON is not valid"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        (b"\xc3\x28", "not UTF-8"),
        ("[]", ""),
        ("null", ""),
    ],
)
def test_broken_json_files(programme_admin: Any, raw: Any, problem: str) -> None:
    report = services.import_framework(actor=programme_admin, raw=raw, fmt="json")
    assert not report.ok
    assert problem in report.problem or report.errors


def test_markup_is_stripped_from_imported_text(programme_admin: Any) -> None:
    document = _json(
        name={"en": "<script>alert(1)</script><b>Inclusive</b>", "nl": "x"}
    )
    report = services.import_framework(
        actor=programme_admin, raw=json.dumps(document), fmt="json"
    )
    assert report.ok
    assert CompetencyFramework.objects.get().name_en == "Inclusive"


def test_the_same_code_and_version_cannot_be_imported_twice(
    programme_admin: Any,
) -> None:
    raw = exchange.export_json(framework_data())
    assert services.import_framework(actor=programme_admin, raw=raw, fmt="json").ok
    again = services.import_framework(actor=programme_admin, raw=raw, fmt="json")
    assert not again.ok and "exists already" in again.problem
    assert CompetencyFramework.objects.count() == 1


def test_only_the_programme_team_imports(lecturer: Any, coach: Any) -> None:
    for person in (lecturer, coach):
        with pytest.raises(NotAllowed):
            services.import_framework(actor=person, raw=GOOD_CSV, fmt="csv")


def test_management_commands(tmp_path: Path) -> None:
    path = tmp_path / "framework.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    out = io.StringIO()
    call_command("import_framework", str(path), stdout=out)
    assert "Imported framework" in out.getvalue()
    exported = io.StringIO()
    call_command("export_framework", "inclusive", "--format", "json", stdout=exported)
    assert (
        json.loads(exported.getvalue())["areas"][0]["competencies"][0]["code"] == "C1"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "area,A,,x,y,,,\n", encoding="utf-8")
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_framework", str(bad), stderr=errors)
    assert "row 2" in errors.getvalue()
    with pytest.raises(CommandError):
        call_command("export_framework", "missing")


# --- the Wagtail admin ----------------------------------------------------------------


def test_admin_import_view_reports_rows_and_imports(
    programme_admin: Any, client_for: Any
) -> None:
    client = client_for(programme_admin)
    url = reverse("engage_certification_framework_import")
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("f.csv", (HEADER + "area,A,,x,y,,,\n").encode())
    response = client.post(url, {"file": bad})
    assert response.status_code == 400
    assert "row 2" in response.content.decode()
    good = SimpleUploadedFile("f.csv", GOOD_CSV.encode())
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert CompetencyFramework.objects.filter(code="inclusive").exists()
    exe = SimpleUploadedFile("f.exe", b"MZ")
    assert client.post(url, {"file": exe}).status_code == 400


def test_admin_export_downloads(programme_admin: Any, client_for: Any) -> None:
    framework = make_framework()
    client = client_for(programme_admin)
    for fmt, kind in (("json", "application/json"), ("csv", "text/csv")):
        url = reverse("engage_certification_framework_export", args=[framework.pk, fmt])
        response = client.get(url)
        assert response.status_code == 200 and response["Content-Type"].startswith(kind)
        assert "attachment" in response["Content-Disposition"]
    url = reverse("engage_certification_framework_export", args=[framework.pk, "xml"])
    assert client.get(url).status_code == 404


def test_admin_framework_views_are_for_the_programme_team(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any, client_for: Any
) -> None:
    framework = make_framework()
    urls = [
        reverse("engage_certification_framework_import"),
        reverse("engage_certification_framework_export", args=[framework.pk, "json"]),
        reverse("competency-frameworks:index"),
        reverse("competency-frameworks:edit", args=[framework.pk]),
        reverse("competencies:index"),
        reverse("certification-schemes:index"),
        reverse("rubrics:index"),
    ]
    for url in urls:
        assert client_for(programme_admin).get(url).status_code == 200, url
        for person in (lecturer, coach, coordinator):
            assert client_for(person).get(url).status_code in (302, 403), (url, person)


def test_admin_lists_do_not_grow_queries_with_rows(
    programme_admin: Any, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    for n in range(15):
        make_framework(code=f"f{n}")
    for n in range(8):
        make_scheme(framework=CompetencyFramework.objects.get(code=f"f{n}"))
    client = client_for(programme_admin)
    client.get(reverse("competency-frameworks:index"))
    for name in (
        "competency-frameworks",
        "competencies",
        "certification-schemes",
        "rubrics",
    ):
        with django_assert_max_num_queries(30):
            assert client.get(reverse(f"{name}:index")).status_code == 200
    assert Indicator.objects.count() == 15 * 4 * 2
