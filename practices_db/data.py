"""What the site, the admin and imports hand to the practices services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class NewAttachment:
    """An uploaded file (already checked by `lms.uploads.validate_upload`)."""

    file: Any
    alt_text: str = ""
    caption: str = ""


@dataclass(frozen=True)
class PracticeInput:
    title: str
    summary: str
    body: str
    faculty_id: int
    discipline: str = ""
    group_size: str = ""
    course_level_ids: tuple[int, ...] = ()
    format_ids: tuple[int, ...] = ()
    dimension_ids: tuple[int, ...] = ()
    aspect_ids: tuple[int, ...] = ()
    sdg_ids: tuple[int, ...] = ()
    evidence: str = ""
    contact_name: str = ""
    contact_email: str = ""
    language: str = "en"
    licence: str = "CC-BY-4.0"
    new_attachments: tuple[NewAttachment, ...] = field(default=())
    remove_attachment_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ReviewStep:
    """One review step (a `PracticeReviewTask`) of one practice: the object the
    rule `engage_practices.review_step` is asked about."""

    task: Any
    page: Any
