"""Journal attachments through the API: the readers of an entry list them, only
its author uploads and removes them, bad files get a clear 400."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from tests import upload_samples as samples
from tests.trajectories.api_world import (
    ROLES,
    World,
    api_client,
    entry_url,
)
from trajectories import services
from trajectories.models import JournalAttachment

pytestmark = pytest.mark.django_db

PDF = samples.pdf()
READERS = {"private": {"author"}, "peers": {"author", "coach", "peer"}}


@pytest.fixture(autouse=True)
def private_storage(tmp_path: Path) -> Iterator[Path]:
    field = JournalAttachment._meta.get_field("file")
    original = field.storage
    field.storage = FileSystemStorage(location=tmp_path / "private")
    yield tmp_path / "private"
    field.storage = original


def _file(name: str = "plan.pdf", content: bytes = PDF) -> Any:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_the_author_uploads_lists_downloads_and_removes(world: World) -> None:
    client = world.client("author")
    url = entry_url(world.entry, "attachments/")
    response = client.post(url, {"file": _file("Lesson plan.pdf")}, format="multipart")
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["name"], body["size"]) == ("Lesson plan.pdf", len(PDF))
    listed = client.get(url).json()
    assert [a["id"] for a in listed] == [body["id"]]
    download = client.get(body["download_url"])
    assert b"".join(download.streaming_content) == PDF
    removed = client.delete(entry_url(world.entry, f"attachments/{body['id']}/"))
    assert removed.status_code == 204
    assert client.get(url).json() == []


@pytest.mark.parametrize("visibility", ["private", "peers"])
def test_only_readers_list_and_only_the_author_writes(
    world: World, visibility: str
) -> None:
    attachment = services.attach_file(
        author=world.people["author"], entry=world.entry, file=_file()
    )
    if visibility != "private":
        services.share_entry(
            author=world.people["author"], entry=world.entry, visibility=visibility
        )
    url = entry_url(world.entry, "attachments/")
    detail = entry_url(world.entry, f"attachments/{attachment.pk}/")
    for role in ROLES:
        if role == "author":
            continue
        client = world.client(role)
        listing = client.get(url)
        upload = client.post(url, {"file": _file()}, format="multipart")
        delete = client.delete(detail)
        if role in READERS[visibility]:
            assert listing.status_code == 200, role
            assert (upload.status_code, delete.status_code) == (403, 403), role
        else:
            assert (listing.status_code, upload.status_code, delete.status_code) == (
                404, 404, 404,
            ), role  # fmt: skip
    assert api_client().get(url).status_code == 403
    assert list(JournalAttachment.objects.all()) == [attachment]


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"file": SimpleUploadedFile("x.exe", b"MZ\x90\x00")}, "cannot be uploaded"),
        (
            {"file": SimpleUploadedFile("x.pdf", b"<script>1</script>")},
            "web page",
        ),
        ({"file": SimpleUploadedFile("x.pdf", b"")}, "empty"),
        ({}, "No file was submitted"),
        ({"file": "just text"}, "not a file"),
    ],
)
def test_bad_files_are_refused_with_a_reason(
    world: World, payload: dict[str, Any], message: str
) -> None:
    response = world.client("author").post(
        entry_url(world.entry, "attachments/"), payload, format="multipart"
    )
    assert response.status_code == 400
    assert message in str(response.json()["file"])
    assert not JournalAttachment.objects.exists()


def test_json_bodies_and_unknown_ids_are_clear_errors(world: World) -> None:
    client = world.client("author")
    url = entry_url(world.entry, "attachments/")
    assert client.post(url, {"file": "x"}, format="json").status_code == 415
    assert (
        client.delete(entry_url(world.entry, "attachments/999999/")).status_code == 404
    )
    assert client.get(entry_url(10**12, "attachments/")).status_code == 404
