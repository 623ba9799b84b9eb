"""Attachments: on journal entries, upload and remove (the author) and download
(whoever may read the entry); on assignment records, all three for the lecturer
only. Files are never public media: only the download views send them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.accounts.access import ensure, requires_object, signed_in

from .. import selectors, services
from ..exceptions import TrajectoryError
from ..forms import AssignmentAttachmentForm, AttachmentForm
from ..permissions import READ_ENTRY, WRITE_ENTRY


@requires_object(WRITE_ENTRY)
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_reading(pk)
    if entry is None:
        raise Http404
    ensure(request.user, WRITE_ENTRY, entry)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("file", [])))
    else:
        try:
            attachment = services.attach_file(
                author=request.user, entry=entry, file=form.cleaned_data["file"]
            )
            messages.success(
                request, _("“%(name)s” is attached.") % {"name": attachment.name}
            )
        except TrajectoryError as error:
            messages.error(request, str(error))
    return redirect("engage_trajectories:entry", pk=entry.pk)


def _attachment(request: HttpRequest, pk: int, permission: str) -> Any:
    """The attachment, when the person may read (or change) its entry: for anyone
    else it does not exist, as far as they know."""
    attachment = selectors.attachment_for_reading(pk)
    if attachment is None:
        raise Http404
    ensure(request.user, permission, attachment.entry)
    return attachment


@requires_object(READ_ENTRY)
def download(request: HttpRequest, pk: int) -> HttpResponse:
    return _send(_attachment(request, pk, READ_ENTRY))


def _send(attachment: Any) -> HttpResponse:
    try:
        handle = attachment.file.open("rb")
    except OSError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.name,
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires_object(WRITE_ENTRY)
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = _attachment(request, pk, WRITE_ENTRY)
    services.remove_attachment(author=request.user, attachment=attachment)
    messages.success(request, _("“%(name)s” is removed.") % {"name": attachment.name})
    return redirect("engage_trajectories:entry", pk=attachment.entry_id)


@signed_in  # only the lecturer's own assignments are found
@require_POST
def assignment_upload(
    request: HttpRequest, enrolment_id: int, key: str
) -> HttpResponse:
    found = selectors.assignment_of(request.user, enrolment_id, key[:64])
    if found is None:
        raise Http404
    enrolment, item = found
    target = redirect(
        "engage_trajectories:assignment", enrolment_id=enrolment.pk, key=item.key
    )
    if item.record is None:
        messages.error(
            request, _("Save a draft of the assignment first, then attach files.")
        )
        return target
    form = AssignmentAttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(
                f"{form.fields[name].label}: {message}"
                for name, errors in form.errors.items()
                for message in errors
            ),
        )
        return target
    try:
        attachment = services.attach_to_assignment(
            author=request.user,
            record=item.record,
            file=form.cleaned_data["file"],
            role=form.cleaned_data["role"],
        )
        messages.success(
            request, _("“%(name)s” is attached.") % {"name": attachment.name}
        )
    except TrajectoryError as error:
        messages.error(request, str(error))
    return target


@signed_in  # only the lecturer's own files are found
def assignment_download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.assignment_attachment_of_owner(request.user, pk)
    if attachment is None:
        raise Http404
    return _send(attachment)


@signed_in  # only the lecturer's own files are found
@require_POST
def assignment_remove(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.assignment_attachment_of_owner(request.user, pk)
    if attachment is None:
        raise Http404
    record = attachment.record
    try:
        services.remove_assignment_attachment(
            author=request.user, attachment=attachment
        )
        messages.success(
            request, _("“%(name)s” is removed.") % {"name": attachment.name}
        )
    except TrajectoryError as error:
        messages.error(request, str(error))
    return redirect(
        "engage_trajectories:assignment",
        enrolment_id=record.enrolment_id,
        key=record.assignment_key,
    )
