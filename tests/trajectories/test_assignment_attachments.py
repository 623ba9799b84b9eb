"""Files on an assignment record ("before/after" course material): only the
lecturer uploads, downloads and removes them; hostile files are refused; a
submitted record's files are frozen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lms.accounts.roles import Role
from tests import upload_samples as samples
from tests.factories import person
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import AssignmentAttachment
from trajectories.selectors import my_trajectories
from trajectories.services.attachments import MAX_ATTACHMENTS_PER_ASSIGNMENT

pytestmark = pytest.mark.django_db

PDF = samples.pdf()


@pytest.fixture(autouse=True)
def private_storage(tmp_path: Path) -> Iterator[Path]:
    field = AssignmentAttachment._meta.get_field("file")
    original = field.storage
    field.storage = FileSystemStorage(location=tmp_path / "private")
    yield tmp_path / "private"
    field.storage = original


@pytest.fixture
def setup(lecturer: Any, coach: Any) -> dict[str, Any]:
    cohort = make_cohort(first_session_in_days=-7, coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    key = my_trajectories(lecturer)[0].assignments[0].key
    course = services.register_course(owner=lecturer, name="Statistics 1")
    record = services.save_assignment(
        user=lecturer, enrolment=enrolment, key=key, course=course,
        planned_change="<p>Plan</p>", actual_change="", effect="", submit=False,
    )  # fmt: skip
    return {"enrolment": enrolment, "key": key, "record": record, "course": course}


def _file(name: str = "manual.pdf", content: bytes = PDF) -> Any:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _page(setup: dict[str, Any]) -> str:
    return reverse(
        "engage_trajectories:assignment", args=[setup["enrolment"].pk, setup["key"]]
    )


def _upload_url(setup: dict[str, Any]) -> str:
    return reverse(
        "engage_trajectories:assignment_attachment_upload",
        args=[setup["enrolment"].pk, setup["key"]],
    )


def test_the_lecturer_attaches_before_and_after_files_through_the_page(
    lecturer: Any, setup: dict[str, Any], private_storage: Path
) -> None:
    client = _client(lecturer)
    for role, name in (("before", "manual 2025.pdf"), ("after", "manual 2026.pdf")):
        response = client.post(_upload_url(setup), {"role": role, "file": _file(name)})
        assert response.status_code == 302
    before, after = AssignmentAttachment.objects.order_by("pk")
    assert (before.role, before.name, after.role) == (
        "before",
        "manual 2025.pdf",
        "after",
    )
    assert Path(after.file.path).is_relative_to(private_storage)
    page = client.get(_page(setup)).content.decode()
    assert "Before the change" in page and "manual 2026.pdf" in page
    download = client.get(
        reverse("engage_trajectories:assignment_attachment", args=[before.pk])
    )
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF
    assert download["Cache-Control"] == "private, no-store"


def test_nobody_else_downloads_or_removes_them(
    lecturer: Any, coach: Any, coordinator: Any, programme_admin: Any,
    setup: dict[str, Any],
) -> None:  # fmt: skip
    attachment = services.attach_to_assignment(
        author=lecturer, record=setup["record"], file=_file(), role="before"
    )
    peer = person(Role.LECTURER, username="peer")
    services.enrol(user=peer, cohort=setup["enrolment"].cohort)
    download = reverse(
        "engage_trajectories:assignment_attachment", args=[attachment.pk]
    )
    remove = reverse(
        "engage_trajectories:assignment_attachment_remove", args=[attachment.pk]
    )
    for someone in (peer, coach, coordinator, programme_admin):
        client = _client(someone)
        assert client.get(download).status_code == 404
        assert client.post(remove).status_code == 404
        assert client.post(_upload_url(setup), {"file": _file()}).status_code == 404
    with pytest.raises(NotAllowed):
        services.attach_to_assignment(author=peer, record=setup["record"], file=_file())
    anonymous = Client().get(download)
    assert anonymous.status_code == 302
    assert AssignmentAttachment.objects.count() == 1


def test_a_draft_must_exist_and_a_submitted_record_is_frozen(
    lecturer: Any, setup: dict[str, Any]
) -> None:
    client = _client(lecturer)
    attachment = services.attach_to_assignment(
        author=lecturer, record=setup["record"], file=_file()
    )
    services.save_assignment(
        user=lecturer, enrolment=setup["enrolment"], key=setup["key"],
        course=setup["course"], planned_change="<p>Plan</p>",
        actual_change="<p>Done</p>", effect="", submit=True,
    )  # fmt: skip
    response = client.post(_upload_url(setup), {"file": _file("late.pdf")}, follow=True)
    assert "You already submitted this assignment." in response.content.decode()
    remove = reverse(
        "engage_trajectories:assignment_attachment_remove", args=[attachment.pk]
    )
    response = client.post(remove, follow=True)
    assert "You already submitted this assignment." in response.content.decode()
    assert AssignmentAttachment.objects.count() == 1
    # The files stay downloadable for their owner.
    page = client.get(_page(setup)).content.decode()
    assert "manual.pdf" in page and "Upload" not in page


def test_without_a_saved_draft_the_page_says_to_save_first(lecturer: Any) -> None:
    cohort = make_cohort(first_session_in_days=-7)
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    key = my_trajectories(lecturer)[0].assignments[0].key
    client = _client(lecturer)
    page = reverse("engage_trajectories:assignment", args=[enrolment.pk, key])
    assert "Save a draft to attach files" in client.get(page).content.decode()
    upload = reverse(
        "engage_trajectories:assignment_attachment_upload", args=[enrolment.pk, key]
    )
    response = client.post(upload, {"file": _file()}, follow=True)
    assert "Save a draft of the assignment first" in response.content.decode()
    assert not AssignmentAttachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "role", "message"),
    [
        ("run.exe", b"MZ\x90\x00", "before", "cannot be uploaded"),
        ("fake.pdf", b"<script>alert(1)</script>", "before", "web page"),
        ("empty.pdf", b"", "before", "empty"),
        ("manual.pdf", PDF, "sideways", "Select a valid choice"),
    ],
)
def test_hostile_uploads_are_refused_with_a_reason(
    lecturer: Any, setup: dict[str, Any], name: str, content: bytes, role: str,
    message: str, private_storage: Path,
) -> None:  # fmt: skip
    client = _client(lecturer)
    response = client.post(
        _upload_url(setup), {"role": role, "file": _file(name, content)}, follow=True
    )
    body = response.content.decode()
    assert 'class="message message--error' in body
    assert message in body
    assert not AssignmentAttachment.objects.exists()
    assert not private_storage.exists() or not any(private_storage.rglob("*.*"))


def test_oversized_files_are_refused(
    lecturer: Any, setup: dict[str, Any], settings: Any
) -> None:
    settings.ENGAGE_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(NotAllowed, match="largest allowed"):
        services.attach_to_assignment(
            author=lecturer,
            record=setup["record"],
            file=_file("big.pdf", PDF + b"0" * 2000),
        )
    assert not AssignmentAttachment.objects.exists()


def test_at_most_ten_files_and_removal_deletes_the_file(
    lecturer: Any, setup: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    for n in range(MAX_ATTACHMENTS_PER_ASSIGNMENT):
        last = services.attach_to_assignment(
            author=lecturer, record=setup["record"], file=_file(f"{n}.pdf")
        )
    with pytest.raises(NotAllowed, match="at most 10"):
        services.attach_to_assignment(
            author=lecturer, record=setup["record"], file=_file()
        )
    stored = Path(last.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(lecturer).post(
            reverse("engage_trajectories:assignment_attachment_remove", args=[last.pk])
        )
    assert response.status_code == 302
    assert not stored.exists()
    assert AssignmentAttachment.objects.count() == MAX_ATTACHMENTS_PER_ASSIGNMENT - 1


def test_a_withdrawn_lecturer_keeps_their_files_but_cannot_add(
    lecturer: Any, setup: dict[str, Any]
) -> None:
    attachment = services.attach_to_assignment(
        author=lecturer, record=setup["record"], file=_file()
    )
    services.withdraw(user=lecturer, enrolment=setup["enrolment"])
    client = _client(lecturer)
    download = reverse(
        "engage_trajectories:assignment_attachment", args=[attachment.pk]
    )
    assert client.get(download).status_code == 200
    with pytest.raises(NotAllowed, match="no longer enrolled"):
        services.attach_to_assignment(
            author=lecturer, record=setup["record"], file=_file()
        )


def test_erasing_the_person_deletes_their_stored_files(
    lecturer: Any, setup: dict[str, Any], django_capture_on_commit_callbacks: Any
) -> None:
    from lms.accounts.services import erase_person
    from trajectories.models import JournalAttachment

    on_record = services.attach_to_assignment(
        author=lecturer, record=setup["record"], file=_file()
    )
    entry = services.save_entry(
        author=lecturer, enrolment=setup["enrolment"], title="Week 1",
        sections={"what": "<p>x</p>"},
    )  # fmt: skip
    journal_field = JournalAttachment._meta.get_field("file")
    original = journal_field.storage
    journal_field.storage = on_record.file.storage
    try:
        on_entry = services.attach_file(author=lecturer, entry=entry, file=_file())
        stored = [Path(on_record.file.path), Path(on_entry.file.path)]
        assert all(path.exists() for path in stored)
        with django_capture_on_commit_callbacks(execute=True):
            erase_person(user=lecturer)
    finally:
        journal_field.storage = original
    assert not any(path.exists() for path in stored)


def test_the_optional_upload_is_not_labelled_required_yet_needs_a_file(
    lecturer: Any, setup: dict[str, Any]
) -> None:
    client = _client(lecturer)
    html = client.get(_page(setup)).content.decode()
    upload_form = html.split('enctype="multipart/form-data"', 1)[1].split("</form>")[0]
    assert "Attach a file" in upload_form
    assert "(required)" not in upload_form

    response = client.post(_upload_url(setup), {"role": "before"}, follow=True)

    assert "Attach a file: Choose a file to upload." in response.content.decode()
    assert not AssignmentAttachment.objects.exists()
