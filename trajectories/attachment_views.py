"""Journal attachments: upload and remove (the author), download (whoever may read
the entry). Files are never public media: only the download view sends them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .exceptions import TrajectoryError
from .forms import AttachmentForm


@login_required
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_reading(pk)
    if entry is None or entry.enrolment.user_id != request.user.pk:
        raise Http404
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


@login_required
def download(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.attachment_for_reading(pk)
    # Not readable for you: it does not exist, as far as you know.
    if attachment is None or not services.may_read(request.user, attachment.entry):
        raise Http404
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


@login_required
@require_POST
def remove(request: HttpRequest, pk: int) -> HttpResponse:
    attachment = selectors.attachment_for_reading(pk)
    if attachment is None or attachment.entry.enrolment.user_id != request.user.pk:
        raise Http404
    services.remove_attachment(author=request.user, attachment=attachment)
    messages.success(request, _("“%(name)s” is removed.") % {"name": attachment.name})
    return redirect("engage_trajectories:entry", pk=attachment.entry_id)
