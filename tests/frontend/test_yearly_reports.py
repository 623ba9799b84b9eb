"""Yearly reports: requested on the site, built as a PDF by a real Celery worker,
downloaded only by whoever may see that faculty's (or the institution's) report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontend.exceptions import FrontendError, ReportNotAllowed
from frontend.models import ReportStatus, YearlyReport
from frontend.services import reports
from frontend.tasks import build_pending_reports
from lms.accounts.roles import Role
from tests.celery_worker import wait_for
from tests.certification.pdf_text import pdf_text
from tests.factories import FacultyFactory, person
from tests.lms.outage_parts import queued
from tests.trajectories.factories import make_cohort
from trajectories import services

REPORTS = reverse("engage_frontend:insight_reports")
YEAR = "2026-2027"


@pytest.fixture
def private(tmp_path: Path) -> Iterator[Path]:
    field = YearlyReport._meta.get_field("file")
    original = field.storage
    field.storage = FileSystemStorage(location=tmp_path)
    yield tmp_path
    field.storage = original


def _data(faculty: Any) -> None:
    cohort = make_cohort(capacity=10)
    for i in range(7):
        services.enrol(
            user=person(Role.LECTURER, username=f"l{i}", faculty=faculty), cohort=cohort
        )


@pytest.mark.django_db
def test_a_report_holds_the_dashboard_with_small_cells_suppressed(
    faculty: Any, programme_admin: Any, private: Path
) -> None:
    _data(faculty)
    report = YearlyReport.objects.create(
        academic_year=YEAR, faculty=faculty, language="en", requested_by=programme_admin
    )
    reports.build_report(report_id=report.pk)
    report.refresh_from_db()
    assert report.status == ReportStatus.READY and report.build_seconds is not None
    content = Path(report.file.path).read_bytes()
    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert "Engage PD annual report" in text
    assert "Faculty of Arts" in text and YEAR in text
    assert "Trajectory funnel" in text and "Applied" in text
    assert "<5" in text  # nobody completed yet: 0; 7 applied; small cells hidden


@pytest.mark.django_db
def test_a_dutch_report_is_in_dutch(
    faculty: Any, programme_admin: Any, private: Path
) -> None:
    report = YearlyReport.objects.create(academic_year=YEAR, language="nl")
    reports.build_report(report_id=report.pk)
    report.refresh_from_db()
    text = pdf_text(Path(report.file.path).read_bytes())
    assert "De hele instelling" in text or "jaarverslag" in text.lower()


def test_requested_on_the_site_built_by_the_worker_and_downloaded(
    celery_worker: Any, faculty: Any, programme_admin: Any, coordinator: Any
) -> None:
    _data(faculty)
    client = Client()
    client.force_login(programme_admin)
    response = client.post(REPORTS, {"year": YEAR, "faculty": str(faculty.pk)})
    assert response.status_code == 302
    report = YearlyReport.objects.get()
    assert wait_for(
        lambda: YearlyReport.objects.get(pk=report.pk).status != ReportStatus.PENDING
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.READY, report.error
    page = client.get(REPORTS).content.decode()
    download = reverse("engage_frontend:insight_report", args=[report.pk])
    assert download in page
    pdf = client.get(download)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF-")
    # The coordinator of that faculty may download it too.
    own = Client()
    own.force_login(coordinator)
    assert own.get(download).status_code == 200


@pytest.mark.django_db
def test_who_may_request_and_download(
    faculty: Any, coordinator: Any, programme_admin: Any, client_for: Any,
    private: Path,
) -> None:  # fmt: skip
    science = FacultyFactory(code="sci", name_en="Science", name_nl="Bèta")
    theirs = YearlyReport.objects.create(
        academic_year=YEAR, faculty=science, language="en"
    )
    institution = YearlyReport.objects.create(academic_year=YEAR, language="en")
    for r in (theirs, institution):
        reports.build_report(report_id=r.pk)
    coord = client_for(coordinator)
    # A coordinator asks only for their own faculty: others are not a choice.
    refused = coord.post(REPORTS, {"year": YEAR, "faculty": str(science.pk)})
    assert refused.status_code == 400
    refused = coord.post(REPORTS, {"year": YEAR, "faculty": ""})
    assert refused.status_code == 400
    for r in (theirs, institution):
        url = reverse("engage_frontend:insight_report", args=[r.pk])
        assert coord.get(url).status_code == 404
        assert client_for(programme_admin).get(url).status_code == 200
    page = coord.get(REPORTS).content.decode()
    assert (
        "Science" not in page and "The whole institution" not in page.split("<h2>")[-1]
    )
    lecturer = client_for(person(Role.LECTURER, username="x", faculty=faculty))
    assert lecturer.get(REPORTS).status_code == 403
    assert lecturer.post(REPORTS, {"year": YEAR}).status_code == 403
    assert Client().get(REPORTS).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"year": "1999-2000"},
        {"year": "<script>"},
        {"year": YEAR, "faculty": "abc"},
        {"year": YEAR, "faculty": "99999999"},
        {"year": "x" * 10_000},
        {},
    ],
)
def test_bad_requests_are_refused_and_nothing_is_queued(
    programme_admin: Any, client_for: Any, data: dict[str, str]
) -> None:
    response = client_for(programme_admin).post(REPORTS, data)
    assert response.status_code == 400
    assert "field--error" in response.content.decode() or "message--error" in (
        response.content.decode()
    )
    assert not YearlyReport.objects.exists()


@pytest.mark.django_db
def test_an_identical_pending_request_is_reused(
    programme_admin: Any, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = reports.request_report(
            actor=programme_admin, year=YEAR, faculty_id=None
        )
        again = reports.request_report(
            actor=programme_admin, year=YEAR, faculty_id=None
        )
    assert first.pk == again.pk and len(callbacks) == 1


@pytest.mark.django_db
def test_the_service_refuses_what_the_requester_may_not_have(
    faculty: Any, coordinator: Any, programme_admin: Any
) -> None:
    science = FacultyFactory(code="sci", name_en="Science", name_nl="Bèta")
    for faculty_id in (science.pk, None):
        with pytest.raises(ReportNotAllowed) as refused:
            reports.request_report(actor=coordinator, year=YEAR, faculty_id=faculty_id)
        assert refused.value.field == "faculty" and refused.value.status_code == 403
    with pytest.raises(FrontendError) as refused:
        reports.request_report(actor=programme_admin, year="1999-2000", faculty_id=None)
    assert refused.value.field == "year"
    with pytest.raises(FrontendError) as refused:
        reports.request_report(actor=programme_admin, year=YEAR, faculty_id=99_999)
    assert refused.value.field == "faculty"
    assert not YearlyReport.objects.exists()
    mine = reports.request_report(actor=coordinator, year=YEAR, faculty_id=faculty.pk)
    assert mine.faculty_id == faculty.pk and mine.requested_by == coordinator


@pytest.mark.django_db
def test_a_report_whose_task_was_lost_is_queued_again_by_the_sweeper(
    programme_admin: Any, faculty: Any, django_capture_on_commit_callbacks: Any
) -> None:
    # Requested while the broker was down: the row is there, its task is not.
    with django_capture_on_commit_callbacks(execute=False):
        lost = reports.request_report(actor=programme_admin, year=YEAR, faculty_id=None)
        recent = reports.request_report(
            actor=programme_admin, year=YEAR, faculty_id=faculty.pk
        )
    YearlyReport.objects.filter(pk=lost.pk).update(
        requested_at=timezone.now() - timedelta(minutes=20)
    )
    done = YearlyReport.objects.create(
        academic_year="2025-2026", language="en", status=ReportStatus.READY
    )
    YearlyReport.objects.filter(pk=done.pk).update(
        requested_at=timezone.now() - timedelta(minutes=20)
    )
    task = "frontend.tasks.build_yearly_report"
    before = queued(task)

    assert build_pending_reports() == 1

    added = list((Counter(queued(task)) - Counter(before)).elements())
    assert added == [f"({lost.pk},)"]
    assert recent.pk != lost.pk
    assert settings.CELERY_BEAT_SCHEDULE["build-pending-reports"]["task"] == (
        "frontend.tasks.build_pending_reports"
    )
