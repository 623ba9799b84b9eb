"""Hostile and genuine files as certification evidence, through the competency page:
a refusal is an error on the file field in the person's language, nothing is stored,
and an accepted file is only ever sent as a download."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from certification.models import EvidenceLink
from tests import upload_samples as samples
from tests.certification.factories import World

pytestmark = pytest.mark.django_db

HOSTILE = samples.HOSTILE_NL


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return samples.zip_bomb()


def _stored() -> set[Path]:
    folder = Path(settings.MEDIA_ROOT) / "certification" / "evidence"
    return set(folder.glob("*")) if folder.exists() else set()


def _upload(world: World, client_for: Any, name: str, content: bytes) -> Any:
    url = reverse(
        "engage_certification:competency",
        args=[world.portfolio.pk, world.competencies()[0].pk],
    )
    client = client_for(world.lecturer)
    return client.post(
        url,
        {"action": "upload", "upload-file": SimpleUploadedFile(name, content)},
        HTTP_ACCEPT_LANGUAGE="nl",
    )


@pytest.mark.parametrize(("name", "content", "dutch"), HOSTILE)
def test_hostile_evidence_is_refused_on_the_field(
    world: World, client_for: Any, bomb: bytes, settings: Any,
    name: str, content: Any, dutch: str,
) -> None:  # fmt: skip
    settings.ENGAGE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    data = {"bomb": bomb, "big": samples.pdf() + b" " * (2 * 1024 * 1024)}.get(
        content, content
    )
    before = _stored()

    response = _upload(world, client_for, name, data)

    assert response.status_code == 400
    assert dutch in response.content.decode()
    assert not EvidenceLink.objects.exists()
    assert _stored() == before


@pytest.mark.parametrize(
    ("name", "content"),
    [("plan.pdf", samples.pdf()), ("plan.docx", samples.ooxml("docx")),
     ("sheet.xlsx", samples.ooxml("xlsx"))],
)  # fmt: skip
def test_genuine_evidence_is_stored_and_sent_only_as_a_download(
    world: World, client_for: Any, name: str, content: bytes
) -> None:
    response = _upload(world, client_for, name, content)

    assert response.status_code == 302
    link = EvidenceLink.objects.get()
    download = client_for(world.lecturer).get(
        reverse("engage_certification:evidence_file", args=[link.pk])
    )
    assert b"".join(download.streaming_content) == content
    assert download["Content-Type"] == "application/octet-stream"
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    link.file.delete(save=False)
