"""Session evaluations in the lecturer's API: the open ones, and answering one.

The same selectors and service as the site's form (`selectors.open_evaluations`,
`selectors.evaluation_form`, `services.submit_evaluation`). Its URLs are in
`evaluation_urls.py`, included by the host beside `urls.py`.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from lms.api import EngageAPIView, SafeJSONParser

from ... import selectors, services
from ...rules.evaluations import MAX_ANSWER_CHARS
from .pagination import PAGE_PARAMETERS, page_of, paginate
from .serializers import ErrorSerializer

TAG = "trajectories"
MAX_ID = 2**63 - 1
MAX_QUESTIONS = 100  # far more than any evaluation asks


# --- shapes --------------------------------------------------------------------------


class EvaluationQuestionSerializer(serializers.Serializer):
    key = serializers.CharField(help_text="Send the answer under this key.")
    kind = serializers.ChoiceField(
        choices=["likert", "text"],
        help_text="likert: a whole number from 1 (strongly disagree) to 5 "
        "(strongly agree); text: plain text.",
    )
    text = serializers.CharField()
    # A field named like Field.required: DRF's metaclass moves it into the fields.
    required = serializers.BooleanField()  # type: ignore[assignment]


class OpenEvaluationSerializer(serializers.Serializer):
    """One of selectors.open_evaluations."""

    session = serializers.IntegerField(source="session.pk")
    number = serializers.IntegerField(source="session.number")
    title = serializers.CharField(source="session.title")
    starts_at = serializers.DateTimeField(source="session.starts_at")
    ends_at = serializers.DateTimeField(source="session.ends_at")
    cohort = serializers.IntegerField(source="session.cohort_id")
    cohort_title = serializers.CharField(source="session.cohort.title")
    enrolment = serializers.IntegerField(source="enrolment_id")
    closes_at = serializers.DateTimeField()
    anonymous = serializers.BooleanField()
    answered = serializers.BooleanField(
        help_text="true once you answered (a second answer is refused)."
    )
    questions = EvaluationQuestionSerializer(many=True)
    url = serializers.SerializerMethodField(help_text="The form on the site.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, item: Any) -> str:
        path = reverse("engage_trajectories:evaluation", args=[item.session.pk])
        return self.context["request"].build_absolute_uri(path)


OpenEvaluationPageSerializer = page_of("OpenEvaluationPage", OpenEvaluationSerializer)


@extend_schema_field(
    {
        "oneOf": [
            {"type": "integer", "minimum": 1, "maximum": 5},
            {"type": "string", "maxLength": MAX_ANSWER_CHARS},
        ]
    }
)
class AnswerField(serializers.Field):
    """A whole number (Likert) or a JSON string (an open question); anything else
    is refused here, what fits which question is the service's check."""

    default_error_messages = {
        "type": gettext_lazy("Send a whole number from 1 to 5, or text.")
    }

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, bool) or not isinstance(data, int | str):
            self.fail("type")
        if isinstance(data, str) and len(data) > 10 * MAX_ANSWER_CHARS:
            # Far too long to be an answer: refused before any cleaning.
            raise serializers.ValidationError(
                _("Write at most %(max)s characters.")
                % {"max": f"{MAX_ANSWER_CHARS:,}"}
            )
        return data

    def to_representation(self, value: Any) -> Any:
        return value


class EvaluationAnswersSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=AnswerField(),
        help_text="Question key → answer: 1–5 for a likert question, text (at "
        f"most {MAX_ANSWER_CHARS:,} characters; tags are removed) for an open "
        "question. Leave out what you do not answer; required questions must be "
        "answered.",
    )
    anonymous = serializers.BooleanField(
        required=False,
        help_text="What you were told (`anonymous` of the open evaluation). When "
        "true and the evaluation is not anonymous, nothing is stored (409).",
    )

    def validate_answers(self, value: dict[str, Any]) -> dict[str, Any]:
        if len(value) > MAX_QUESTIONS:
            raise serializers.ValidationError(_("Too many answers."))
        return value


class EvaluationReceiptSerializer(serializers.Serializer):
    session = serializers.IntegerField()
    received = serializers.BooleanField()
    submitted_on = serializers.DateField(help_text="The day only.")


# --- views ---------------------------------------------------------------------------


class _EvaluationAPI(EngageAPIView):
    """A participant's own evaluations: any signed-in person, scoped to them."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [AnonRateThrottle, UserRateThrottle]
    parser_classes = [SafeJSONParser]


SIGNED_OUT = OpenApiResponse(ErrorSerializer, description="Not signed in.")


class OpenEvaluationsView(_EvaluationAPI):
    """The evaluations of sessions you attended that are open now (from the end
    of the session for 14 days, by default), answered or not, closing first
    first."""

    @extend_schema(
        operation_id="session_evaluations_list",
        summary="Your open session evaluations",
        tags=[TAG],
        parameters=PAGE_PARAMETERS,
        responses={200: OpenEvaluationPageSerializer, 403: SIGNED_OUT},
    )
    def get(self, request: Request) -> Response:
        page, envelope = paginate(request, selectors.open_evaluations(request.user))
        envelope["results"] = OpenEvaluationSerializer(
            page.object_list, many=True, context={"request": request}
        ).data
        return Response(envelope)


class EvaluationResponseView(_EvaluationAPI):
    """Answer a session's evaluation, once. In an anonymous evaluation the answers
    are stored without anything that leads to you."""

    @extend_schema(
        operation_id="session_evaluations_respond",
        summary="Answer a session evaluation",
        tags=[TAG],
        request=EvaluationAnswersSerializer,
        responses={
            201: EvaluationReceiptSerializer,
            400: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description='{"answers": {key: [message]}} or {"answers": '
                '[message]}; {"detail": message} when the evaluation is not open '
                "(not ended yet, closed, not attended, no questions).",
            ),
            403: SIGNED_OUT,
            404: OpenApiResponse(
                ErrorSerializer, description="Not a session of a cohort of yours."
            ),
            409: OpenApiResponse(
                ErrorSerializer,
                description="Already answered, or no longer anonymous as promised.",
            ),
        },
    )
    def post(self, request: Request, session_id: int) -> Response:
        found = (
            selectors.evaluation_form(request.user, session_id)
            if session_id <= MAX_ID
            else None
        )
        if found is None:
            raise NotFound(_("No such session evaluation for you."))
        data = EvaluationAnswersSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        # Refusals answer through lms.api's handler: invalid answers 400 by
        # question, not open 400, already answered or no longer anonymous 409.
        submission = services.submit_evaluation(
            user=request.user,
            session=found.session,
            answers=data.validated_data["answers"],
            anonymous_promised=data.validated_data.get("anonymous"),
        )
        return Response(
            EvaluationReceiptSerializer(
                {
                    "session": found.session.pk,
                    "received": True,
                    "submitted_on": submission.submitted_on,
                }
            ).data,
            status=status.HTTP_201_CREATED,
        )
