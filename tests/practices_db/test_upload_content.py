"""Hostile and genuine files through the practice share form: a refusal is an error
on the file field in the person's language, and no practice or document is made."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model

from practices_db.models import PracticePage
from tests import upload_samples as samples

pytestmark = pytest.mark.django_db

HOSTILE = samples.HOSTILE_NL


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return samples.zip_bomb()


def _share(client: Any, faculty: Any, name: str, content: bytes, **extra: Any) -> Any:
    return client.post(
        reverse("engage_practices:share"),
        {
            "title": "Peer instruction",
            "summary": "Students explain to each other.",
            "body": "Text.",
            "faculty": faculty.pk,
            "language": "en",
            "licence": "CC-BY-4.0",
            "file_1": SimpleUploadedFile(name, content),
        },
        **extra,
    )


@pytest.mark.parametrize(("name", "content", "dutch"), HOSTILE)
def test_the_share_form_refuses_hostile_files_on_the_field(
    lecturer: Any, faculty: Any, client_for: Any, bomb: bytes, settings: Any,
    name: str, content: Any, dutch: str,
) -> None:  # fmt: skip
    settings.ENGAGE_UPLOAD_MAX_BYTES = 2 * 1024 * 1024
    data = {"bomb": bomb, "big": samples.pdf() + b" " * (2 * 1024 * 1024)}.get(
        content, content
    )

    response = _share(
        client_for(lecturer), faculty, name, data, HTTP_ACCEPT_LANGUAGE="nl"
    )

    assert response.status_code == 400
    assert dutch in " ".join(response.context["form"].errors["file_1"])
    assert dutch in response.content.decode()
    assert not PracticePage.objects.exists()
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [("handout.pdf", samples.pdf()), ("worksheet.docx", samples.ooxml("docx")),
     ("slides.odp", samples.odf("odp"))],
)  # fmt: skip
def test_the_share_form_stores_genuine_files(
    lecturer: Any, faculty: Any, client_for: Any, name: str, content: bytes
) -> None:
    response = _share(client_for(lecturer), faculty, name, content)

    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open("rb") as stored:
        assert stored.read() == content
    document.file.delete(save=False)
