"""Files attached to journal entries in the lecturer's API: listed by whoever may
read the entry, uploaded and removed by its author (`services.attach_file`,
`services.remove_attachment`, as on the site)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from ... import selectors, services
from . import serializers as s
from .views import (
    FORBIDDEN,
    NOT_FOUND,
    SIGNED_OUT,
    TAG,
    _context,
    _LecturerAPI,
    _own_entry,
    _readable_entry,
    _write_responses,
)


class JournalEntryAttachmentsView(_LecturerAPI):
    """The files attached to an entry: whoever may read the entry lists them (and
    downloads them at `download_url`); the author uploads more (multipart)."""

    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="journal_entries_attachments_list",
        summary="The files attached to a journal entry",
        tags=[TAG],
        responses={
            200: s.AttachmentSerializer(many=True),
            403: SIGNED_OUT,
            404: NOT_FOUND,
        },
    )
    def get(self, request: Request, pk: int) -> Response:
        entry = _readable_entry(request, pk)
        return Response(
            s.AttachmentSerializer(
                selectors.attachments_of(entry), many=True, context=_context(request)
            ).data
        )

    @extend_schema(
        operation_id="journal_entries_attachments_create",
        summary="Attach a file to your journal entry",
        tags=[TAG],
        request={"multipart/form-data": s.AttachmentUploadSerializer},
        responses={
            **_write_responses(s.AttachmentSerializer, 201),
            413: OpenApiResponse(s.ErrorSerializer, description="Too large."),
        },
    )
    def post(self, request: Request, pk: int) -> Response:
        entry = _own_entry(
            request, pk, _("Only the author can attach files to an entry.")
        )
        data = s.AttachmentUploadSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        attachment = services.attach_file(
            author=request.user, entry=entry, file=data.validated_data["file"]
        )
        return Response(
            s.AttachmentSerializer(attachment, context=_context(request)).data,
            status=status.HTTP_201_CREATED,
        )


class JournalEntryAttachmentDetailView(_LecturerAPI):
    """Remove a file from your entry."""

    @extend_schema(
        operation_id="journal_entries_attachments_destroy",
        summary="Remove a file from your journal entry",
        tags=[TAG],
        responses={204: None, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def delete(self, request: Request, pk: int, attachment_id: int) -> Response:
        entry = _own_entry(request, pk, _("Only the author can remove an attachment."))
        attachment = next(
            (a for a in selectors.attachments_of(entry) if a.pk == attachment_id), None
        )
        if attachment is None:
            raise NotFound(_("No such attachment."))
        services.remove_attachment(author=request.user, attachment=attachment)
        return Response(status=status.HTTP_204_NO_CONTENT)
