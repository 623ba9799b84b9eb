"""Journal attachments: only the entry's readers may download them, hostile
uploads are refused, and the files never live in public media."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests import upload_samples as samples
from tests.trajectories.api_world import ROLES, World
from tests.trajectories.concurrency import at_once
from trajectories import services
from trajectories.exceptions import NotAllowed
from trajectories.models import JournalAttachment
from trajectories.services import attachments as attachments_service
from trajectories.services.attachments import MAX_ATTACHMENTS_PER_ENTRY

pytestmark = pytest.mark.django_db

PDF = samples.pdf()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def private_storage(tmp_path: Path) -> Iterator[Path]:
    """Attachments go to a folder of this test (the field's private storage)."""
    field = JournalAttachment._meta.get_field("file")
    original = field.storage
    field.storage = FileSystemStorage(location=tmp_path / "private")
    yield tmp_path / "private"
    field.storage = original


def _upload(name: str, content: bytes, content_type: str = "application/pdf") -> Any:
    return SimpleUploadedFile(name, content, content_type=content_type)


def _attach(world: World, name: str = "plan.pdf", content: bytes = PDF) -> Any:
    return services.attach_file(
        author=world.people["author"], entry=world.entry, file=_upload(name, content)
    )


def _client(user: Any) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_author_attaches_a_file_stored_privately(
    world: World, private_storage: Path
) -> None:
    client = _client(world.people["author"])
    url = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    response = client.post(url, {"file": _upload("Lesson plan.pdf", PDF)})
    assert response.status_code == 302
    attachment = JournalAttachment.objects.get()
    assert (attachment.name, attachment.size) == ("Lesson plan.pdf", len(PDF))
    # A random name inside the private storage, nowhere near MEDIA_ROOT.
    stored = Path(attachment.file.path)
    assert stored.read_bytes() == PDF
    assert private_storage in stored.parents
    assert "Lesson" not in stored.name and stored.suffix == ".pdf"
    assert Path(settings.MEDIA_ROOT) not in stored.parents

    html = client.get(reverse("engage_trajectories:entry", args=[world.entry.pk]))
    download = reverse("engage_trajectories:attachment", args=[attachment.pk])
    assert f'href="{download}"' in html.content.decode()
    assert "Lesson plan.pdf" in html.content.decode()

    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert 'filename="Lesson plan.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_site_never_links_the_file_in_media(world: World) -> None:
    attachment = _attach(world)
    html = (
        _client(world.people["author"])
        .get(reverse("engage_trajectories:entry", args=[world.entry.pk]))
        .content.decode()
    )
    assert attachment.file.name not in html
    assert settings.MEDIA_URL not in html


READERS = {
    "private": {"author"},
    "coach": {"author", "coach"},
    "peers": {"author", "coach", "peer"},
}


@pytest.mark.parametrize("visibility", ["private", "coach", "peers"])
def test_only_readers_of_the_entry_download_its_files(
    world: World, visibility: str
) -> None:
    attachment = _attach(world)
    if visibility != "private":
        services.share_entry(
            author=world.people["author"], entry=world.entry, visibility=visibility
        )
    download = reverse("engage_trajectories:attachment", args=[attachment.pk])
    entry_page = reverse("engage_trajectories:entry", args=[world.entry.pk])
    for role in ROLES:
        client = _client(world.people[role])
        response = client.get(download)
        if role in READERS[visibility]:
            assert response.status_code == 200, role
            assert b"".join(response.streaming_content) == PDF
            assert "plan.pdf" in client.get(entry_page).content.decode()
        else:
            assert response.status_code == 404, role
    anonymous = Client().get(download)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")


def test_withdrawn_peers_lose_access(world: World) -> None:
    attachment = _attach(world)
    services.share_entry(
        author=world.people["author"], entry=world.entry, visibility="peers"
    )
    download = reverse("engage_trajectories:attachment", args=[attachment.pk])
    peer = _client(world.people["peer"])
    assert peer.get(download).status_code == 200
    services.withdraw(user=world.people["peer"], enrolment=world.peer_enrolment)
    assert peer.get(download).status_code == 404


def test_only_the_author_uploads_and_removes(world: World) -> None:
    attachment = _attach(world)
    services.share_entry(
        author=world.people["author"], entry=world.entry, visibility="peers"
    )
    upload = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    remove = reverse("engage_trajectories:attachment_remove", args=[attachment.pk])
    for role in ROLES:
        if role == "author":
            continue
        client = _client(world.people[role])
        assert client.post(upload, {"file": _upload("x.pdf", PDF)}).status_code == 404
        assert client.post(remove).status_code == 404
    assert Client().post(upload, {"file": _upload("x.pdf", PDF)}).status_code == 302
    assert Client().post(remove).status_code == 302
    assert JournalAttachment.objects.count() == 1
    with pytest.raises(NotAllowed):
        services.attach_file(
            author=world.people["coach"], entry=world.entry, file=_upload("x.pdf", PDF)
        )
    with pytest.raises(NotAllowed):
        services.remove_attachment(author=world.people["peer"], attachment=attachment)
    assert JournalAttachment.objects.count() == 1
    # Removing by GET does nothing.
    assert _client(world.people["author"]).get(remove).status_code == 405


def test_removing_deletes_the_file_after_commit(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    attachment = _attach(world)
    path = Path(attachment.file.path)
    remove = reverse("engage_trajectories:attachment_remove", args=[attachment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = _client(world.people["author"]).post(remove)
    assert response.status_code == 302
    assert not JournalAttachment.objects.exists()
    assert not path.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        # HTML pretending to be a PDF by its extension.
        ("report.pdf", b"<html><script>alert(1)</script></html>", "web page"),
        ("photo.png", PDF, "not a valid png"),
        ("page.html", b"<script>alert(1)</script>", "cannot be uploaded"),
        ("drawing.svg", b"<svg onload='alert(1)'/>", "cannot be uploaded"),
        ("tool.exe", b"MZ\x90\x00", "cannot be uploaded"),
        ("no-extension", PDF, "cannot be uploaded"),
        ("notes.txt", b"\xff\xfe\x00b\x00a\x00d", "not UTF-8"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_hostile_uploads_are_refused_with_a_reason(
    world: World, name: str, content: bytes, message: str, private_storage: Path
) -> None:
    with pytest.raises(NotAllowed) as refused:
        _attach(world, name, content)
    assert message in str(refused.value)
    client = _client(world.people["author"])
    url = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    response = client.post(url, {"file": _upload(name, content)}, follow=True)
    assert response.status_code == 200
    assert 'class="message message--error' in response.content.decode()
    assert not JournalAttachment.objects.exists()
    assert not private_storage.exists() or not any(private_storage.rglob("*.*"))


def test_oversized_uploads_are_refused(world: World, settings: Any) -> None:
    settings.ENGAGE_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(NotAllowed) as refused:
        _attach(world, "big.pdf", PDF + b"0" * 2000)
    assert "largest allowed is 1.0\xa0KB" in str(refused.value)
    assert not JournalAttachment.objects.exists()


def test_a_post_without_a_file_is_an_error(world: World) -> None:
    client = _client(world.people["author"])
    url = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    response = client.post(url, {}, follow=True)
    assert "Choose a file to upload." in response.content.decode()
    assert not JournalAttachment.objects.exists()


def test_the_optional_upload_is_not_labelled_required(world: World) -> None:
    """Attaching a file is optional: its field does not say "(required)"."""
    page = _client(world.people["author"]).get(
        reverse("engage_trajectories:entry", args=[world.entry.pk])
    )
    html = page.content.decode()
    field = html.split('for="id_file"', 1)[1].split("</label>", 1)[0]
    assert "Attach a file" in field
    assert "(required)" not in field
    assert 'name="file" required' not in html


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("../../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.pdf", "win.pdf"),
        ("C:\\Users\\me\\My report.pdf", "My report.pdf"),
        # (Django keeps only what follows the last "/" of "</script>".)
        ("<script>alert(1)</script>plan.pdf", "script_plan.pdf"),
        ("<img src=x onerror=alert(1)>photo.pdf", "photo.pdf"),
        ("line\nbreak\x00.pdf", "line_break.pdf"),
        ("a" * 300 + ".pdf", "a" * 196 + ".pdf"),
        ("....pdf", "pdf"),
    ],
)
def test_path_tricks_in_names_never_reach_the_storage(
    world: World, name: str, shown: str, private_storage: Path
) -> None:
    attachment = _attach(world, name)
    assert attachment.name == shown
    stored = Path(attachment.file.path).resolve()
    assert private_storage.resolve() in stored.parents
    assert stored.parent.name == "journal"
    response = _client(world.people["author"]).get(
        reverse("engage_trajectories:attachment", args=[attachment.pk])
    )
    assert response.status_code == 200
    assert "/" not in response["Content-Disposition"].split("filename", 1)[1]
    assert "<script>" not in response["Content-Disposition"]


def test_an_entry_takes_at_most_ten_attachments(world: World) -> None:
    for n in range(MAX_ATTACHMENTS_PER_ENTRY):
        _attach(world, f"file-{n}.png", PNG)
    with pytest.raises(NotAllowed) as refused:
        _attach(world, "one-more.png", PNG)
    assert "at most 10 attachments" in str(refused.value)
    assert JournalAttachment.objects.count() == MAX_ATTACHMENTS_PER_ENTRY


@pytest.mark.parametrize(
    "path",
    [
        "/journal/attachments/99999999999999999999999/",
        "/journal/attachments/0/",
        "/journal/attachments/-1/",
        "/journal/attachments/abc/",
    ],
)
def test_malformed_attachment_addresses_are_not_found(world: World, path: str) -> None:
    assert _client(world.people["author"]).get(path).status_code == 404


def test_a_missing_file_is_not_found_rather_than_an_error(world: World) -> None:
    attachment = _attach(world)
    Path(attachment.file.path).unlink()
    response = _client(world.people["author"]).get(
        reverse("engage_trajectories:attachment", args=[attachment.pk])
    )
    assert response.status_code == 404


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_uploads_at_once_for_the_last_place_store_exactly_one(
    world: World, private_storage: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two tabs uploading at the same moment into the entry's last free place:
    one file is stored, the other is refused with the reason (never a 500, never
    eleven files), and no file of the refused upload is left on disk."""
    store = attachments_service._store

    def slow_store(*args: Any) -> None:
        time.sleep(0.5)  # both have counted before either stores, unless locked
        store(*args)

    monkeypatch.setattr(attachments_service, "_store", slow_store)
    for n in range(MAX_ATTACHMENTS_PER_ENTRY - 1):
        _attach(world, f"file-{n}.png", PNG)
    url = reverse("engage_trajectories:attachment_upload", args=[world.entry.pk])
    tabs = [_client(world.people["author"]) for _ in range(2)]
    responses = at_once(
        *(
            (
                lambda tab=tab, n=n: tab.post(
                    url, {"file": _upload(f"tab-{n}.pdf", PDF)}, follow=True
                )
            )
            for n, tab in enumerate(tabs)
        )
    )
    pages = [r.content.decode() for r in responses]
    assert [r.status_code for r in responses] == [200, 200]
    told = sorted("at most 10 attachments" in page for page in pages)
    assert told == [False, True]  # one is told why; the other sees it attached
    assert sum("is attached" in page for page in pages) == 1
    assert JournalAttachment.objects.count() == MAX_ATTACHMENTS_PER_ENTRY
    stored = {Path(a.file.path).name for a in JournalAttachment.objects.all()}
    on_disk = {p.name for p in private_storage.rglob("*") if p.is_file()}
    assert on_disk == stored
