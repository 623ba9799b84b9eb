"""The lecturer's API: their enrolments, sessions and assignments, and their own
journal. Parse input, call one selector or service (the same as the site's pages),
shape output.

An entry someone may not read does not exist for them (404, never a 403 that would
reveal it); a reader who is not its author gets 403 on writes.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from lms.api import EngageAPIView, SafeJSONParser

from ... import selectors, services
from ...models import JournalEntry
from ...permissions import READ_ENTRY, WRITE_ENTRY
from . import serializers as s
from .pagination import PAGE_PARAMETERS, paginate

TAG = "trajectories"


class _LecturerAPI(EngageAPIView):
    """The lecturer's own things: any signed-in person, scoped to them; entries
    are asked `read_entry` / `write_entry` on the object."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    parser_classes = [SafeJSONParser]


NOT_FOUND = OpenApiResponse(s.ErrorSerializer, description="No such entry for you.")
FORBIDDEN = OpenApiResponse(
    s.ErrorSerializer, description="Not signed in, or not the entry's author."
)
SIGNED_OUT = OpenApiResponse(s.ErrorSerializer, description="Not signed in.")
INVALID = OpenApiResponse(
    OpenApiTypes.OBJECT, description="Errors by field name: {field: [message]}."
)


CHANGED = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="The entry was saved elsewhere since the version you sent: nothing "
    "was stored. {version: [message]}; read the entry again for its version.",
)


def _write_responses(answer: Any, code: int = 200) -> dict[int, Any]:
    """The answers of a write to an entry: `answer`, or refused by field, for
    not being its author, or for not seeing it."""
    return {code: answer, 400: INVALID, 403: FORBIDDEN, 404: NOT_FOUND}


def _context(request: Request, **extra: Any) -> dict[str, Any]:
    return {"request": request, **extra}


def _listing(request: Request, items: Any, item: Any, **context: Any) -> Response:
    page, envelope = paginate(request, items)
    envelope["results"] = item(
        page.object_list, many=True, context=_context(request, **context)
    ).data
    return Response(envelope)


def _readable_entry(request: Request, pk: int) -> JournalEntry:
    entry = selectors.entry_for_reading(pk) if pk <= s.MAX_ID else None
    # Not yours and not shared with you: it does not exist, as far as you know.
    if entry is None or not request.user.has_perm(READ_ENTRY, entry):
        raise NotFound(_("No such journal entry."))
    return entry


def _own_entry(request: Request, pk: int, refusal: str = "") -> JournalEntry:
    entry = _readable_entry(request, pk)
    if not request.user.has_perm(WRITE_ENTRY, entry):
        raise PermissionDenied(refusal or _("Only the author can change this entry."))
    return entry


def _entry_response(request: Request, entry: JournalEntry, **kwargs: Any) -> Response:
    return Response(
        s.JournalEntrySerializer(entry, context=_context(request)).data, **kwargs
    )


# --- me ------------------------------------------------------------------------------


class MyEnrolmentsView(_LecturerAPI):
    """Your enrolments in any status (enrolled, waiting list, withdrawn,
    completed), newest first."""

    @extend_schema(
        operation_id="me_enrolments_list",
        summary="Your enrolments",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: s.EnrolmentPageSerializer, 403: SIGNED_OUT},
    )
    def get(self, request: Request) -> Response:
        return _listing(
            request, selectors.my_enrolments(request.user), s.EnrolmentSerializer
        )


class MySessionsView(_LecturerAPI):
    """The sessions of the cohorts you follow or wait for, by start time, with your
    attendance. Place and online link only once you are enrolled."""

    @extend_schema(
        operation_id="me_sessions_list",
        summary="Your sessions",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: s.SessionPageSerializer, 403: SIGNED_OUT},
    )
    def get(self, request: Request) -> Response:
        return _listing(
            request, selectors.my_sessions(request.user), s.SessionSerializer
        )


class MyAssignmentsView(_LecturerAPI):
    """The between-session assignments of the cohorts you take part in, with when
    they open and are due and the status of your record."""

    @extend_schema(
        operation_id="me_assignments_list",
        summary="Your between-session assignments",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: s.AssignmentPageSerializer, 403: SIGNED_OUT},
    )
    def get(self, request: Request) -> Response:
        rows = [
            {"enrolment": enrolment, "assignment": assignment}
            for enrolment, assignment in selectors.my_assignments(request.user)
        ]
        return _listing(request, rows, s.AssignmentSerializer)


# --- journal entries -----------------------------------------------------------------


class JournalEntryListView(_LecturerAPI):
    """Your own journal entries; write a new one."""

    @extend_schema(
        operation_id="journal_entries_list",
        summary="Your journal entries",
        tags=[TAG],
        parameters=[
            OpenApiParameter(
                "enrolment", OpenApiTypes.INT, description="Only this journal."
            ),
            *PAGE_PARAMETERS,
        ],
        responses={200: s.JournalEntryPageSerializer, 400: INVALID, 403: SIGNED_OUT},
    )
    def get(self, request: Request) -> Response:
        params = s.EntryFilterSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        entries = selectors.entries_of_author(
            request.user, enrolment_id=params.validated_data.get("enrolment")
        )
        return _listing(request, entries, s.JournalEntrySummarySerializer)

    @extend_schema(
        operation_id="journal_entries_create",
        summary="Write a journal entry",
        tags=[TAG],
        request=s.JournalEntryCreateSerializer,
        responses={201: s.JournalEntrySerializer, 400: INVALID, 403: SIGNED_OUT},
    )
    def post(self, request: Request) -> Response:
        data = s.JournalEntryCreateSerializer(
            data=request.data, context=_context(request)
        )
        data.is_valid(raise_exception=True)
        entry = _save(request, data.validated_data["enrolment"], None, data)
        location = reverse(
            "engage_trajectories_api:journal-entry-detail", args=[entry.pk]
        )
        return _entry_response(
            request,
            entry,
            status=status.HTTP_201_CREATED,
            headers={"Location": request.build_absolute_uri(location)},
        )


def _save(
    request: Request, enrolment: Any, entry: JournalEntry | None, data: Any
) -> JournalEntry:
    return services.save_entry(
        author=request.user,
        enrolment=enrolment,
        entry=entry,
        version=data.validated_data.get("version"),
        title=data.validated_data["title"],
        sections=data.validated_data["sections"],
        session_id=data.validated_data.get("session"),
        assignment_key=data.validated_data.get("assignment"),
    )


class JournalEntryDetailView(_LecturerAPI):
    """One entry: read it (its author and whom they shared it with), save it (its
    author; every save keeps a revision, as the site's autosave does). Entries are
    not deleted: the site has no delete either."""

    @extend_schema(
        operation_id="journal_entries_retrieve",
        summary="Read a journal entry",
        tags=[TAG],
        responses={200: s.JournalEntrySerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request: Request, pk: int) -> Response:
        return _entry_response(request, _readable_entry(request, pk))

    def _update(self, request: Request, pk: int, *, partial: bool) -> Response:
        entry = _own_entry(request, pk)
        data = s.JournalEntryUpdateSerializer(
            data=request.data,
            partial=partial,
            context=_context(request, entry=entry),
        )
        data.is_valid(raise_exception=True)
        return _entry_response(request, _save(request, entry.enrolment, entry, data))

    @extend_schema(
        operation_id="journal_entries_update",
        summary="Save a journal entry (all fields)",
        tags=[TAG],
        request=s.JournalEntryUpdateSerializer,
        responses={**_write_responses(s.JournalEntrySerializer), 409: CHANGED},
    )
    def put(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=False)

    @extend_schema(
        operation_id="journal_entries_partial_update",
        summary="Save part of a journal entry",
        tags=[TAG],
        request=s.JournalEntryUpdateSerializer,
        responses={**_write_responses(s.JournalEntrySerializer), 409: CHANGED},
    )
    def patch(self, request: Request, pk: int) -> Response:
        return self._update(request, pk, partial=True)


class JournalEntryShareView(_LecturerAPI):
    """Choose who can read your entry: only you, your coach, or your coach and
    your peer group."""

    @extend_schema(
        operation_id="journal_entries_share",
        summary="Choose who can read a journal entry",
        tags=[TAG],
        request=s.ShareSerializer,
        responses=_write_responses(s.JournalEntrySerializer),
    )
    def post(self, request: Request, pk: int) -> Response:
        entry = _own_entry(request, pk)
        data = s.ShareSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.share_entry(
            author=request.user,
            entry=entry,
            visibility=data.validated_data["visibility"],
        )
        return _entry_response(request, entry)


class JournalEntryRevisionsView(_LecturerAPI):
    """The saved versions of your entry, newest first (only its author sees
    earlier drafts)."""

    @extend_schema(
        operation_id="journal_entries_revisions_list",
        summary="The revisions of your journal entry",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: s.RevisionPageSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request: Request, pk: int) -> Response:
        entry = _own_entry(
            request, pk, _("Only the author sees the earlier versions of an entry.")
        )
        return _listing(request, selectors.revisions_of(entry), s.RevisionSerializer)


class JournalEntryFeedbackView(_LecturerAPI):
    """The feedback thread of an entry. Whoever may read the entry may post: the
    coach and peers give feedback, the author replies."""

    @extend_schema(
        operation_id="journal_entries_feedback_list",
        summary="The feedback thread of a journal entry",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: s.FeedbackPageSerializer, 403: FORBIDDEN, 404: NOT_FOUND},
    )
    def get(self, request: Request, pk: int) -> Response:
        entry = _readable_entry(request, pk)
        return _listing(
            request, selectors.feedback_thread(entry), s.FeedbackSerializer, entry=entry
        )

    @extend_schema(
        operation_id="journal_entries_feedback_create",
        summary="Give feedback on, or reply to, a journal entry",
        tags=[TAG],
        request=s.FeedbackWriteSerializer,
        responses=_write_responses(s.FeedbackSerializer, 201),
    )
    def post(self, request: Request, pk: int) -> Response:
        entry = _readable_entry(request, pk)
        data = s.FeedbackWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        feedback = services.give_feedback(
            author=request.user, entry=entry, body=data.validated_data["body"]
        )
        return Response(
            s.FeedbackSerializer(feedback, context=_context(request, entry=entry)).data,
            status=status.HTTP_201_CREATED,
        )
