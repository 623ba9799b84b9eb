"""Shapes of the lecturer's own trajectory in the API: enrolments, sessions and
assignments (output only)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .... import selectors
from ....models import AssignmentStatus, EnrolmentStatus
from ....rules.reflection import sections_for
from ..pagination import page_of


class SectionSerializer(serializers.Serializer):
    key = serializers.CharField()
    # A field named like Field.label: DRF's metaclass moves it into the fields.
    label = serializers.CharField()  # type: ignore[assignment]
    prompt = serializers.CharField()


class CohortRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    academic_year = serializers.CharField()
    faculty = serializers.CharField(
        source="faculty.name", allow_null=True, help_text="null: cross-faculty."
    )


class ProgrammeRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    reflection_model = serializers.CharField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, programme: Any) -> str:
        request = self.context["request"]
        return request.build_absolute_uri(programme.get_url(request) or "/")


class EnrolmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    status = serializers.ChoiceField(choices=EnrolmentStatus.choices)
    status_label = serializers.CharField(source="get_status_display")
    cohort = CohortRefSerializer()
    programme = ProgrammeRefSerializer(source="cohort.programme")
    reflection_sections = serializers.SerializerMethodField(
        help_text="The sections a journal entry of this enrolment has."
    )
    journal_entries = serializers.SerializerMethodField()
    calendar_url = serializers.SerializerMethodField(
        help_text="Your personal calendar feed (keep it secret); null unless enrolled."
    )
    created_at = serializers.DateTimeField()
    status_changed_at = serializers.DateTimeField()

    @extend_schema_field(SectionSerializer(many=True))
    def get_reflection_sections(self, enrolment: Any) -> list[dict[str, str]]:
        model = enrolment.cohort.programme.reflection_model
        return [
            {"key": s.key, "label": str(s.label), "prompt": str(s.prompt)}
            for s in sections_for(model)
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_journal_entries(self, enrolment: Any) -> str:
        url = reverse("engage_trajectories_api:journal-entry-list")
        return self.context["request"].build_absolute_uri(
            f"{url}?enrolment={enrolment.pk}"
        )

    @extend_schema_field(OpenApiTypes.URI)
    def get_calendar_url(self, enrolment: Any) -> str | None:
        if enrolment.status not in selectors.ACTIVE:
            return None
        url = reverse("engage_trajectories:calendar", args=[enrolment.calendar_token])
        return self.context["request"].build_absolute_uri(url)


class SessionSerializer(serializers.Serializer):
    """One row of selectors.my_sessions."""

    id = serializers.IntegerField(source="session.pk")
    enrolment = serializers.IntegerField(source="enrolment.pk")
    cohort = serializers.IntegerField(source="session.cohort_id")
    cohort_title = serializers.CharField(source="enrolment.cohort.title")
    number = serializers.IntegerField(source="session.number")
    title = serializers.CharField(source="session.title")
    starts_at = serializers.DateTimeField(source="session.starts_at")
    ends_at = serializers.DateTimeField(source="session.ends_at")
    location = serializers.SerializerMethodField(
        help_text="null while you are on the waiting list."
    )
    online_url = serializers.SerializerMethodField(
        help_text="null while you are on the waiting list, or when the session has "
        "no online link."
    )
    attendance = serializers.CharField(
        source="attendance.status",
        allow_null=True,
        help_text="present, excused, absent, or null (not recorded).",
    )
    checked_in = serializers.SerializerMethodField()

    @extend_schema_field({"type": "string", "nullable": True})
    def get_location(self, row: Any) -> str | None:
        return row.session.location if row.shows_place else None

    # A session without an online link has none: null, never "" (which is not a
    # URI, as the schema promises).
    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_online_url(self, row: Any) -> str | None:
        return (row.session.online_url or None) if row.shows_place else None

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_checked_in(self, row: Any) -> bool:
        return bool(row.attendance and row.attendance.checked_in)


class OwnCourseRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    code = serializers.CharField()


class AssignmentSerializer(serializers.Serializer):
    """One (enrolment, assignment) of selectors.my_assignments."""

    key = serializers.CharField(source="assignment.key")
    enrolment = serializers.IntegerField(source="enrolment.pk")
    cohort_title = serializers.CharField(source="enrolment.cohort.title")
    programme_title = serializers.CharField(source="enrolment.cohort.programme.title")
    title = serializers.CharField(source="assignment.title")
    focus_area = serializers.CharField(source="assignment.focus_area")
    focus_label = serializers.CharField(source="assignment.focus_label")
    prompts = serializers.ListField(
        child=serializers.CharField(), source="assignment.prompts"
    )
    after_session = serializers.IntegerField(source="assignment.after_session")
    opens_at = serializers.DateTimeField(source="assignment.opens_at", allow_null=True)
    due_at = serializers.DateTimeField(source="assignment.due_at", allow_null=True)
    status = serializers.ChoiceField(
        source="assignment.status",
        choices=["locked", "open", "draft", "overdue", "submitted"],
    )
    locked_reason = serializers.CharField(source="assignment.locked_reason")
    record_status = serializers.ChoiceField(
        source="assignment.record.status",
        choices=AssignmentStatus.choices,
        allow_null=True,
        help_text="Your record: draft, submitted, or null (not started).",
    )
    submitted_at = serializers.DateTimeField(
        source="assignment.record.submitted_at", allow_null=True
    )
    course = OwnCourseRefSerializer(source="assignment.record.course", allow_null=True)
    html_url = serializers.SerializerMethodField(help_text="Work on it on the site.")

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, row: Any) -> str:
        url = reverse(
            "engage_trajectories:assignment",
            args=[row["enrolment"].pk, row["assignment"].key],
        )
        return self.context["request"].build_absolute_uri(url)


EnrolmentPageSerializer = page_of("EnrolmentPage", EnrolmentSerializer)
SessionPageSerializer = page_of("SessionPage", SessionSerializer)
AssignmentPageSerializer = page_of("AssignmentPage", AssignmentSerializer)
