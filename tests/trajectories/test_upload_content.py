"""Hostile and genuine files through every trajectories door that takes one: the
journal attachment page, the journal attachments API and the assignment upload.
Each refusal says why, in the person's language, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import upload_samples as samples
from tests.trajectories.api_world import World, entry_url
from tests.trajectories.factories import make_cohort
from trajectories import services
from trajectories.models import AssignmentAttachment, JournalAttachment
from trajectories.selectors import my_trajectories

pytestmark = pytest.mark.django_db

HOSTILE = samples.HOSTILE
GENUINE = [("notes.pdf", samples.pdf()), ("notes.docx", samples.ooxml("docx"))]


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return samples.zip_bomb()


@pytest.fixture(autouse=True)
def private_storage(tmp_path: Path, settings: Any) -> Iterator[Path]:
    settings.ENGAGE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024  # "big" is just above it
    fields = [
        model._meta.get_field("file")
        for model in (JournalAttachment, AssignmentAttachment)
    ]
    originals = [field.storage for field in fields]
    for field in fields:
        field.storage = FileSystemStorage(location=tmp_path / "private")
    yield tmp_path / "private"
    for field, original in zip(fields, originals, strict=True):
        field.storage = original


def _content(content: bytes | str, bomb: bytes) -> bytes:
    if content == "bomb":
        return bomb
    if content == "big":
        return samples.pdf() + b" " * (2 * 1024 * 1024)
    assert isinstance(content, bytes)
    return content


def _nothing_stored(private_storage: Path) -> bool:
    return not private_storage.exists() or not any(private_storage.rglob("*.*"))


def _file(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize(("name", "content", "english", "dutch"), HOSTILE)
def test_the_journal_attachment_page_refuses_with_the_reason(
    world: World, bomb: bytes, private_storage: Path, language: str,
    name: str, content: Any, english: str, dutch: str,
) -> None:  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.force_login(world.people["author"])
    url = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])

    response = client.post(
        url, {"file": _file(name, _content(content, bomb))}, follow=True
    )

    body = response.content.decode()
    assert 'class="message message--error' in body
    assert (english if language == "en" else dutch) in body
    assert not JournalAttachment.objects.exists()
    assert _nothing_stored(private_storage)


@pytest.mark.parametrize(("name", "content", "english", "dutch"), HOSTILE)
def test_the_journal_attachments_api_answers_400_on_the_file_field(
    world: World, bomb: bytes, private_storage: Path,
    name: str, content: Any, english: str, dutch: str,
) -> None:  # fmt: skip
    client = world.client("author")

    response = client.post(
        entry_url(world.entry, "attachments/"),
        {"file": _file(name, _content(content, bomb))},
        format="multipart",
        HTTP_ACCEPT_LANGUAGE="nl",
    )

    assert response.status_code == 400
    assert dutch in " ".join(response.json()["file"])
    assert not JournalAttachment.objects.exists()
    assert _nothing_stored(private_storage)


@pytest.mark.parametrize(("name", "content"), GENUINE)
def test_genuine_files_are_stored_through_the_page_and_the_api(
    world: World, name: str, content: bytes
) -> None:
    client = Client()
    client.force_login(world.people["author"])
    page = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    api = entry_url(world.entry, "attachments/")

    assert client.post(page, {"file": _file(name, content)}).status_code == 302
    assert (
        world.client("author")
        .post(api, {"file": _file(name, content)}, format="multipart")
        .status_code
        == 201
    )
    assert [a.size for a in JournalAttachment.objects.all()] == [len(content)] * 2


@pytest.fixture
def assignment(lecturer: Any, coach: Any) -> dict[str, Any]:
    cohort = make_cohort(first_session_in_days=-7, coaches=(coach,))
    enrolment = services.enrol(user=lecturer, cohort=cohort)
    key = my_trajectories(lecturer)[0].assignments[0].key
    course = services.register_course(owner=lecturer, name="Statistics 1")
    services.save_assignment(
        user=lecturer, enrolment=enrolment, key=key, course=course,
        planned_change="<p>Plan</p>", actual_change="", effect="", submit=False,
    )  # fmt: skip
    return {
        "url": reverse(
            "engage_trajectories:assignment_attachment_upload",
            args=[enrolment.pk, key],
        )
    }


@pytest.mark.parametrize(("name", "content", "english", "dutch"), HOSTILE)
def test_the_assignment_upload_refuses_with_the_reason(
    lecturer: Any, assignment: dict[str, Any], bomb: bytes, private_storage: Path,
    name: str, content: Any, english: str, dutch: str,
) -> None:  # fmt: skip
    client = Client(HTTP_ACCEPT_LANGUAGE="nl")
    client.force_login(lecturer)

    response = client.post(
        assignment["url"],
        {"role": "before", "file": _file(name, _content(content, bomb))},
        follow=True,
    )

    assert dutch in response.content.decode()
    assert not AssignmentAttachment.objects.exists()
    assert _nothing_stored(private_storage)


@pytest.mark.parametrize(("name", "content"), GENUINE)
def test_the_assignment_upload_stores_genuine_files(
    lecturer: Any, assignment: dict[str, Any], name: str, content: bytes
) -> None:
    client = Client()
    client.force_login(lecturer)

    response = client.post(
        assignment["url"], {"role": "after", "file": _file(name, content)}
    )

    assert response.status_code == 302
    assert AssignmentAttachment.objects.get().size == len(content)


def test_a_stored_svg_attachment_is_sent_as_a_download_never_inline(
    world: World,
) -> None:
    # Stored as before SVG was refused on upload: the download still runs nothing.
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    attachment = JournalAttachment(entry=world.entry, name="drawing.svg", size=4)
    attachment.file.save("drawing.svg", ContentFile(svg), save=True)
    client = Client()
    client.force_login(world.people["author"])

    response = client.get(
        reverse("engage_trajectories:attachment", args=[attachment.pk])
    )

    assert b"".join(response.streaming_content) == svg
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
