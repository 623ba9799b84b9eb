"""Participants from CSV: the programme team enrols a cohort's people through the
enrolment service, with a report of every row; hostile files are refused whole."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from lms.accounts.roles import Role
from lms.accounts.selectors import profile_of, roles_of
from lms.xapi.models import Statement
from tests.factories import FacultyFactory, UserFactory, person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import Cohort, Enrolment
from trajectories.services.participant_import import (
    MAX_IMPORT_ROWS,
    import_participants,
)

pytestmark = pytest.mark.django_db

HEADER = "e-mail,first name,last name,faculty code\n"


def _run(actor: Any, cohort: Cohort, text: str | bytes) -> Any:
    raw = text.encode() if isinstance(text, str) else text
    return import_participants(actor=actor, cohort=cohort, file=io.BytesIO(raw))


def _statuses(cohort: Cohort) -> dict[str, str]:
    return {e.user.email: e.status for e in cohort.enrolments.select_related("user")}


@pytest.fixture
def cohort(coach: Any) -> Cohort:
    return make_cohort(capacity=2, coaches=(coach,))


def test_new_people_become_lecturers_and_a_full_cohort_waitlists(
    programme_admin: Any, cohort: Cohort, faculty: Any
) -> None:
    report = _run(
        programme_admin,
        cohort,
        HEADER
        + "ann@example.org,Ann,Smit,arts\n"
        + "bo@example.org,Bo,de Vries,\n"
        + "cas@example.org,Cas,Jansen,arts\n",
    )
    assert not report.problem and not report.rejected
    assert (report.enrolled, report.waitlisted, report.new_accounts) == (2, 1, 3)
    assert [(r.row, r.outcome) for r in report.done] == [
        (2, "enrolled"), (3, "enrolled"), (4, "waitlisted"),
    ]  # fmt: skip
    assert _statuses(cohort) == {
        "ann@example.org": "enrolled",
        "bo@example.org": "enrolled",
        "cas@example.org": "waitlisted",
    }
    ann = get_user_model().objects.get(email="ann@example.org")
    assert (ann.first_name, ann.last_name) == ("Ann", "Smit")
    assert roles_of(ann) == {Role.LECTURER}
    assert profile_of(ann).faculty == faculty
    assert not ann.has_usable_password()
    assert (
        profile_of(get_user_model().objects.get(email="bo@example.org")).faculty is None
    )
    # The same service as the site: enrolling is recorded, waiting is not.
    assert (
        Statement.objects.filter(
            verb_iri="http://adlnet.gov/expapi/verbs/registered"
        ).count()
        == 2
    )


def test_existing_people_are_found_by_e_mail_and_keep_their_details(
    programme_admin: Any, cohort: Cohort, coach: Any
) -> None:
    known = person(Role.LECTURER, username="known", email="Known@Example.org",
                   first_name="Real", last_name="Name")  # fmt: skip
    report = _run(programme_admin, cohort, HEADER + "KNOWN@example.ORG,Other,Names,\n")
    assert [(r.outcome, r.new_account, r.name) for r in report.done] == [
        ("enrolled", False, "Real Name")
    ]
    known.refresh_from_db()
    assert (known.first_name, known.last_name) == ("Real", "Name")
    assert (
        get_user_model().objects.filter(email__iexact="known@example.org").count() == 1
    )
    # Running the same file again changes nothing.
    again = _run(programme_admin, cohort, HEADER + "known@example.org,,,\n")
    assert [r.outcome for r in again.done] == ["unchanged"]
    assert cohort.enrolments.count() == 1


def test_a_withdrawn_participant_is_enrolled_again(
    programme_admin: Any, cohort: Cohort, lecturer: Any
) -> None:
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    services.withdraw(user=lecturer, enrolment=enrolment)
    report = _run(programme_admin, cohort, HEADER + f"{lecturer.email},,,\n")
    assert [r.outcome for r in report.done] == ["enrolled"]
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"


def test_the_team_imports_also_outside_the_enrolment_window(
    programme_admin: Any, cohort: Cohort
) -> None:
    Cohort.objects.filter(pk=cohort.pk).update(
        enrolment_opens=timezone.now() - timedelta(days=60),
        enrolment_closes=timezone.now() - timedelta(days=30),
    )
    cohort.refresh_from_db()
    report = _run(programme_admin, cohort, HEADER + "late@example.org,Late,Comer,\n")
    assert report.enrolled == 1


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("not-an-address,A,B,", "e-mail: not an e-mail address"),
        (",A,B,", "e-mail: required"),
        ("x@example.org,,,", "first name and last name: required for a new account"),
        ("x@example.org,A,B,nope", "faculty code: unknown code “nope”"),
        ("x@example.org,<script>alert(1)</script>,B,", "first name: contains HTML"),
        ("x@example.org,<b>A</b>,B,", "first name: contains HTML"),
        ('x@example.org,"=HYPERLINK(""http://evil"")",B,', "first name: starts with ="),
        ("x@example.org,A,+31 6,", "last name: starts with ="),
        ("x@example.org,A,-B,", "last name: starts with ="),
        ("x@example.org,@A,B,", "first name: starts with ="),
        ("x@example.org,A\x07,B,", "first name: contains control characters"),
        ("x@example.org," + "A" * 151 + ",B,", "first name: longer than 150"),
        ("<x@example.org>,A,B,", "e-mail: contains HTML"),
    ],
)
def test_bad_rows_are_rejected_with_the_reason(
    programme_admin: Any, cohort: Cohort, line: str, reason: str
) -> None:
    FacultyFactory(code="arts")
    report = _run(programme_admin, cohort, HEADER + "ok@example.org,Ok,Fine,\n" + line)
    assert report.enrolled == 1 and not report.problem
    (rejected,) = report.rejected
    assert rejected.row == 3
    assert any(r.startswith(reason) for r in rejected.reasons), rejected.reasons
    assert not get_user_model().objects.filter(email="x@example.org").exists()
    assert cohort.enrolments.count() == 1


def test_duplicates_shared_and_deactivated_accounts_are_rejected(
    programme_admin: Any, cohort: Cohort
) -> None:
    UserFactory(username="twin-1", email="twin@example.org")
    UserFactory(username="twin-2", email="TWIN@example.org")
    gone = UserFactory(username="gone", email="gone@example.org")
    gone.is_active = False
    gone.save()
    report = _run(
        programme_admin,
        cohort,
        HEADER
        + "dup@example.org,Dup,One,\n"
        + "DUP@example.org,Dup,Two,\n"
        + "twin@example.org,,,\n"
        + "gone@example.org,,,\n",
    )
    assert report.enrolled == 1
    reasons = {r.row: r.reasons for r in report.rejected}
    assert reasons[3] == ("e-mail: the same address as row 2",)
    assert "several accounts" in reasons[4][0]
    assert "deactivated" in reasons[5][0]
    assert cohort.enrolments.count() == 1


def test_a_username_already_taken_gets_a_suffix(
    programme_admin: Any, cohort: Cohort
) -> None:
    UserFactory(username="new@example.org", email="someone.else@example.org")
    report = _run(programme_admin, cohort, HEADER + "new@example.org,New,Person,\n")
    assert report.new_accounts == 1
    assert get_user_model().objects.get(email="new@example.org").username == (
        "new@example.org-2"
    )


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        (b"", "The file is empty."),
        (b"   \n\n", "The file is empty."),
        (HEADER.encode(), "no participants below its first row"),
        (
            "e-mail,first name,last name,faculty code\né@x.nl,Zoë,Ĳ,\n".encode(
                "latin-1", "replace"
            ),
            "not UTF-8",
        ),
        (b"e-mail,first name\x00,last name,faculty code\n", "not a CSV text file"),
        (b"email,first name,last name\na@b.nl,A,B\n", "Missing: faculty_code"),
        (
            b"email,first name,last name,faculty code,password\na@b.nl,A,B,,x\n",
            "Not known: password",
        ),
        (b"email,email,first name,last name,faculty code\n", "A column appears twice"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
    ],
)
def test_a_bad_file_changes_nothing(
    programme_admin: Any, cohort: Cohort, raw: bytes, problem: str
) -> None:
    report = _run(programme_admin, cohort, raw)
    assert problem in report.problem
    assert report.done == () and report.rejected == ()
    assert not cohort.enrolments.exists()


def test_too_large_and_too_long_files_change_nothing(
    programme_admin: Any, cohort: Cohort
) -> None:
    big = HEADER + "a@example.org,A," + "B" * (1024 * 1024) + ",\n"
    assert "larger than 1 MB" in _run(programme_admin, cohort, big).problem
    long = HEADER + "".join(
        f"p{n}@example.org,P,{n},\n" for n in range(MAX_IMPORT_ROWS + 1)
    )
    assert "more than 2000" in _run(programme_admin, cohort, long).problem
    assert not cohort.enrolments.exists()
    assert not get_user_model().objects.filter(email__startswith="p1@").exists()


def test_spreadsheet_exports_are_understood(
    programme_admin: Any, cohort: Cohort
) -> None:
    # Excel's "CSV UTF-8" (byte-order mark, semicolons, CRLF) with Dutch headers
    # in another order, blank lines and padding.
    raw = (
        "\ufeffAchternaam;Voornaam;E-mailadres;Faculteit\r\n"
        "\r\n"
        " de Jong ; Zoë ; zoe@example.org ;\r\n"
    ).encode()
    report = _run(programme_admin, cohort, raw)
    assert not report.problem and not report.rejected
    zoe = get_user_model().objects.get(email="zoe@example.org")
    assert (zoe.first_name, zoe.last_name) == ("Zoë", "de Jong")
    assert report.done[0].row == 3  # as the spreadsheet numbers it


@pytest.mark.parametrize("role", ["lecturer", "coach", "coordinator"])
def test_only_the_programme_team_may_import(
    role: str, cohort: Cohort, request: pytest.FixtureRequest
) -> None:
    actor = request.getfixturevalue(role)
    with pytest.raises(NotAllowed):
        _run(actor, cohort, HEADER + "a@example.org,A,B,\n")
    with pytest.raises(NotAllowed):
        services.enrol_by_programme_team(actor=actor, user=actor, cohort=cohort)
    assert not cohort.enrolments.exists()


# --- the Wagtail admin ---------------------------------------------------------------


def _admin_url(cohort: Cohort) -> str:
    return reverse("cohorts:import_participants", args=[cohort.pk])


def test_the_admin_page_imports_and_reports_each_row(
    programme_admin: Any, cohort: Cohort, client_for: Any
) -> None:
    client = client_for(programme_admin)
    edit = client.get(reverse("cohorts:edit", args=[cohort.pk])).content.decode()
    assert _admin_url(cohort) in edit
    assert reverse("engage_trajectories:attendance_csv", args=[cohort.pk]) in edit
    listing = client.get(reverse("cohorts:index")).content.decode()
    assert _admin_url(cohort) in listing
    assert client.get(_admin_url(cohort)).status_code == 200
    upload = SimpleUploadedFile(
        "people.csv",
        (
            HEADER
            + "ann@example.org,Ann,Smit,\n"
            + "bad,<script>alert(1)</script>,B,\n"
        ).encode(),
        content_type="text/csv",
    )
    response = client.post(_admin_url(cohort), {"file": upload})
    html = response.content.decode()
    assert response.status_code == 200
    assert "1 person enrolled." in html and "1 row rejected." in html
    assert "e-mail: not an e-mail address" in html
    assert "<script>alert(1)</script>" not in html
    assert "ann@example.org" in html
    assert _statuses(cohort) == {"ann@example.org": "enrolled"}


def test_the_admin_page_refuses_a_file_that_is_not_csv(
    programme_admin: Any, cohort: Cohort, client_for: Any
) -> None:
    client = client_for(programme_admin)
    fake = SimpleUploadedFile("people.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    response = client.post(_admin_url(cohort), {"file": fake})
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    exe = SimpleUploadedFile("people.exe", b"MZ")
    response = client.post(_admin_url(cohort), {"file": exe})
    assert response.status_code == 400
    assert "cannot be uploaded" in response.content.decode()
    assert not cohort.enrolments.exists()
    assert (
        client.get(reverse("cohorts:import_participants", args=[99999])).status_code
        == 404
    )


@pytest.mark.parametrize("role", ["lecturer", "coach", "other_coach", "coordinator"])
def test_nobody_else_reaches_the_admin_import(
    role: str, cohort: Cohort, client_for: Any, request: pytest.FixtureRequest
) -> None:
    user = (
        person(Role.COACH, username="other-coach")
        if role == "other_coach"
        else request.getfixturevalue(role)
    )
    client = client_for(user)
    upload = SimpleUploadedFile("p.csv", (HEADER + "a@example.org,A,B,\n").encode())
    response = client.post(_admin_url(cohort), {"file": upload})
    # Wagtail sends people without admin access to sign in, others to the dashboard.
    assert response.status_code == 302
    assert client.get(_admin_url(cohort)).status_code == 302
    assert not Enrolment.objects.exists()
    anonymous = Client().get(_admin_url(cohort))
    assert anonymous.status_code == 302
