"""Files a lecturer attaches to their journal entries and to their assignment
records (kept in private storage, never public media)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lms.sanitizing import clean_text
from lms.uploads import validate_upload

from ..exceptions import NotAllowed, NotYours
from ..models import (
    AssignmentAttachment,
    AssignmentRecord,
    AssignmentStatus,
    AttachmentRole,
    EnrolmentStatus,
    JournalAttachment,
    JournalEntry,
)

MAX_ATTACHMENTS_PER_ENTRY = 10
MAX_ATTACHMENTS_PER_ASSIGNMENT = 10
_UNSAFE_NAME_CHARACTERS = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


def display_name(raw: str) -> str:
    """The file's own name without folders, control characters or markup, for
    showing and for the download; never used as a path."""
    text = clean_text(unicodedata.normalize("NFC", str(raw or "")))
    # "C:\\x\\..\\a.pdf" and "../../a.pdf" alike: only the last part counts.
    name = PureWindowsPath(PurePosixPath(text).name).name
    name = _UNSAFE_NAME_CHARACTERS.sub("_", name).strip(" .")
    if len(name) > 200:
        stem, dot, suffix = name.rpartition(".")
        name = (stem[: 199 - len(suffix)] + dot + suffix) if dot else name[:200]
    return name or "attachment"


def attach_file(*, author: Any, entry: JournalEntry, file: Any) -> JournalAttachment:
    """Attach an uploaded file to the author's own entry, after checking its type,
    size and content (`lms.uploads`); readers of the entry may then download it."""
    if entry.enrolment.user_id != author.pk:
        raise NotYours(_("Only the author can attach files to an entry."))
    name, size = _checked(file)
    with transaction.atomic():
        # Lock the entry so two uploads at once cannot pass the limit together.
        JournalEntry.objects.select_for_update().filter(pk=entry.pk).first()
        if entry.attachments.count() >= MAX_ATTACHMENTS_PER_ENTRY:
            raise NotAllowed(
                _("An entry can have at most %(n)d attachments.")
                % {"n": MAX_ATTACHMENTS_PER_ENTRY},
                field="file",
            )
        attachment = JournalAttachment(entry=entry, name=name, size=size)
        _store(attachment, name, file)
    return attachment


def _checked(file: Any) -> tuple[str, int]:
    """The display name and size of an acceptable upload, or NotAllowed saying why."""
    size = int(getattr(file, "size", 0) or 0)
    if size <= 0:
        raise NotAllowed(_("The file is empty."), field="file")
    try:
        validate_upload(file)
    except ValidationError as error:
        raise NotAllowed(" ".join(error.messages), field="file") from error
    return display_name(getattr(file, "name", "")), size


def _store(
    attachment: JournalAttachment | AssignmentAttachment, name: str, file: Any
) -> None:
    file.seek(0)
    # Stored under a random name (see the models' `upload_to`).
    attachment.file.save(name, file, save=False)
    storage, stored = attachment.file.storage, str(attachment.file.name)
    # Should the row not be written, the stored file goes too.
    try:
        attachment.save()
    except BaseException:
        storage.delete(stored)
        raise


def remove_attachment(*, author: Any, attachment: JournalAttachment) -> None:
    """The author removes an attachment; its file is deleted after the commit."""
    if attachment.entry.enrolment.user_id != author.pk:
        raise NotYours(_("Only the author can remove an attachment."))
    # The file is deleted after the commit (`signal_handlers.delete_stored_file`).
    attachment.delete()


def _check_record_editable(author: Any, record: AssignmentRecord) -> None:
    enrolment = record.enrolment
    if enrolment.user_id != author.pk:
        raise NotYours(
            _("Only the lecturer whose assignment this is can change its files.")
        )
    enrolment.refresh_from_db(fields=["status"])
    if enrolment.status not in (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED):
        raise NotAllowed(_("You are no longer enrolled in this cohort."))
    if record.status == AssignmentStatus.SUBMITTED:
        raise NotAllowed(_("You already submitted this assignment."))


def attach_to_assignment(
    *,
    author: Any,
    record: AssignmentRecord,
    file: Any,
    role: str = AttachmentRole.OTHER,
) -> AssignmentAttachment:
    """Attach a file (the course material before or after the change, or other
    evidence) to the lecturer's own assignment record while it is a draft."""
    _check_record_editable(author, record)
    if role not in AttachmentRole.values:
        raise NotAllowed(
            _("Say whether the file shows the course before or after the change."),
            field="role",
        )
    name, size = _checked(file)
    with transaction.atomic():
        AssignmentRecord.objects.select_for_update().filter(pk=record.pk).first()
        record.refresh_from_db(fields=["status"])
        if record.status == AssignmentStatus.SUBMITTED:
            raise NotAllowed(_("You already submitted this assignment."))
        if record.attachments.count() >= MAX_ATTACHMENTS_PER_ASSIGNMENT:
            raise NotAllowed(
                _("An assignment can have at most %(n)d attachments.")
                % {"n": MAX_ATTACHMENTS_PER_ASSIGNMENT},
                field="file",
            )
        attachment = AssignmentAttachment(
            record=record, role=role, name=name, size=size
        )
        _store(attachment, name, file)
    return attachment


def remove_assignment_attachment(
    *, author: Any, attachment: AssignmentAttachment
) -> None:
    """The lecturer removes a file from a draft assignment record; the file is
    deleted after the commit."""
    _check_record_editable(author, attachment.record)
    # The file is deleted after the commit (`signal_handlers.delete_stored_file`).
    attachment.delete()
