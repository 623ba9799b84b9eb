"""Base forms for Wagtail's document and image uploads that add lms.uploads' checks.

Wagtail checks extension and size; these also check that the content is what the
extension claims (a "report.pdf" that is really a program is refused).
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import validate_upload


def _checked(file: Any) -> Any:
    if isinstance(file, UploadedFile):  # not on edits that keep the stored file
        validate_upload(file)
    return file


class DocumentForm(BaseDocumentForm):
    def clean_file(self) -> Any:
        return _checked(self.cleaned_data.get("file"))


class ImageForm(BaseImageForm):
    def clean_file(self) -> Any:
        return _checked(self.cleaned_data.get("file"))
