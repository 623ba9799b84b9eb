"""Shapes of the journal in the lecturer's API: entries, revisions, feedback and
attachments; parse input and shape output, never write."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from lms.accounts.selectors import profile_of
from lms.sanitizing import (
    clean_text,
    clean_typed_html,
    html_to_text,
    stored_html,
    text_to_html,
)

from .... import selectors
from ....models import (
    Feedback,
    JournalEntry,
    Visibility,
)
from ....services.journal import SECTION_INPUT_CHARS
from ..pagination import page_of

# Largest id a database integer key holds; a bigger number is no id at all.
MAX_ID = 2**63 - 1
# Largest version an entry's version column holds.
MAX_VERSION = 2**31 - 1
MAX_TITLE_CHARS = JournalEntry._meta.get_field("title").max_length
MAX_FEEDBACK_CHARS = Feedback._meta.get_field("body").max_length
SECTIONS_HELP = (
    "HTML (or plain text) per section key of the programme's reflection model; see "
    "`reflection_sections` of the enrolment. Cleaned like the site's editor: "
    "scripts, event handlers and tags outside the allowlist are removed. At most "
    f"{SECTION_INPUT_CHARS:,} characters a section."
)


# --- input ---------------------------------------------------------------------------


class TextField(serializers.CharField):
    """A CharField that takes only JSON strings (no silent 123 -> "123")."""

    default_error_messages = {"not_text": gettext_lazy("Send text (a JSON string).")}

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            self.fail("not_text")
        return super().to_internal_value(data)


def _id_field(**kwargs: Any) -> serializers.IntegerField:
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class JournalEntryUpdateSerializer(serializers.Serializer):
    """A full (PUT) or partial (PATCH) save of an entry; PATCH keeps the sections
    and the session it does not mention."""

    title = TextField(max_length=MAX_TITLE_CHARS)
    sections = serializers.DictField(
        child=TextField(
            max_length=SECTION_INPUT_CHARS, allow_blank=True, trim_whitespace=False
        ),
        help_text=SECTIONS_HELP,
    )
    session = _id_field(
        allow_null=True,
        required=False,
        help_text="A session of the enrolment's cohort, or null.",
    )
    assignment = TextField(
        max_length=64,
        allow_blank=True,
        required=False,
        help_text="The key of a programme assignment (see me/assignments) the entry "
        'reflects on, or "" for none.',
    )
    version = serializers.IntegerField(
        min_value=1,
        max_value=MAX_VERSION,
        required=False,
        help_text="The `version` of the entry you read and edited (required, also "
        "for PATCH). When the entry was saved elsewhere since, nothing is stored: "
        "409 with {version: [message]}; read the entry again for its version.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        """Typed text becomes HTML as in the site's editor; what PATCH leaves out
        stays as it is. Which sections, session and assignment the journal has is
        the service's check (`services.save_entry`), answered by field name."""
        entry: JournalEntry | None = self.context.get("entry")
        if entry is not None and "version" not in attrs:
            raise serializers.ValidationError(
                {"version": [_("Send the version of the entry you edited.")]}
            )
        if "sections" in attrs:
            cleaned = {
                key: str(clean_typed_html(value))
                for key, value in attrs["sections"].items()
            }
            if self.partial and entry is not None:
                cleaned = {**entry.sections, **cleaned}
            attrs["sections"] = cleaned
        elif entry is not None:
            attrs["sections"] = dict(entry.sections)
        if "session" not in attrs and self.partial and entry is not None:
            attrs["session"] = entry.session_id
        if not self.partial:
            attrs.setdefault("assignment", "")  # the whole entry: about none
        if "title" not in attrs and entry is not None:
            attrs["title"] = entry.title
        return attrs


class JournalEntryCreateSerializer(JournalEntryUpdateSerializer):
    """A new entry in one of the person's own journals."""

    enrolment = _id_field(help_text="One of your enrolments (its journal).")
    version = None  # type: ignore[assignment]  # a new entry starts at version 1
    sections = serializers.DictField(
        child=TextField(
            max_length=SECTION_INPUT_CHARS, allow_blank=True, trim_whitespace=False
        ),
        required=False,
        default=dict,
        help_text=SECTIONS_HELP,
    )

    def validate_enrolment(self, value: int) -> Any:
        enrolment = selectors.own_enrolment(self.context["request"].user, value)
        if enrolment is None:
            raise serializers.ValidationError(_("Choose one of your own enrolments."))
        return enrolment


class ShareSerializer(serializers.Serializer):
    visibility = serializers.ChoiceField(
        choices=Visibility.choices,
        help_text="private: only you; coach: you and your coach; peers: you, your "
        "coach and your peer group.",
    )


class FeedbackWriteSerializer(serializers.Serializer):
    body = TextField(
        max_length=MAX_FEEDBACK_CHARS, help_text="Plain text; tags are removed."
    )

    def validate_body(self, value: str) -> str:
        """The site stores feedback as HTML (it has an editor): the API's plain
        text becomes paragraphs, as typed without scripts on the site."""
        return text_to_html(clean_text(value))


class EntryFilterSerializer(serializers.Serializer):
    enrolment = _id_field(
        required=False, help_text="Only the entries of this enrolment's journal."
    )


# --- output --------------------------------------------------------------------------


class _EntryLinks(serializers.Serializer):
    url = serializers.SerializerMethodField()
    html_url = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, entry: JournalEntry) -> str:
        url = reverse("engage_trajectories_api:journal-entry-detail", args=[entry.pk])
        return self.context["request"].build_absolute_uri(url)

    @extend_schema_field(OpenApiTypes.URI)
    def get_html_url(self, entry: JournalEntry) -> str:
        url = reverse("engage_trajectories:entry", args=[entry.pk])
        return self.context["request"].build_absolute_uri(url)


class SessionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    number = serializers.IntegerField()
    title = serializers.CharField()


ASSIGNMENT_HELP = 'The key of the assignment it reflects on ("" for none).'


class _EntryFields(_EntryLinks):
    """What every shape of an entry starts with."""

    id = serializers.IntegerField()
    enrolment = serializers.IntegerField(source="enrolment_id")
    session = SessionRefSerializer(allow_null=True)
    assignment = serializers.CharField(
        source="assignment_key", help_text=ASSIGNMENT_HELP
    )
    title = serializers.CharField()
    version = serializers.IntegerField(
        help_text="Goes up with every save of the content (not with sharing); "
        "send it back when you save the entry."
    )


class JournalEntrySummarySerializer(_EntryFields):
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    shared_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    num_feedback = serializers.IntegerField()


class JournalEntrySerializer(_EntryFields):
    reflection_model = serializers.CharField(
        source="enrolment.cohort.programme.reflection_model"
    )
    sections = serializers.DictField(
        child=serializers.CharField(),
        help_text="Sanitised HTML per section key.",
    )
    visibility = serializers.ChoiceField(choices=Visibility.choices)
    shared_at = serializers.DateTimeField(allow_null=True)
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    is_author = serializers.SerializerMethodField()
    author_name = serializers.SerializerMethodField()

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_is_author(self, entry: JournalEntry) -> bool:
        return bool(entry.enrolment.user_id == self.context["request"].user.pk)

    @extend_schema_field(OpenApiTypes.STR)
    def get_author_name(self, entry: JournalEntry) -> str:
        return profile_of(entry.enrolment.user).display_name


class RevisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    sections = serializers.DictField(child=serializers.CharField())
    saved_at = serializers.DateTimeField()


class PlainTextField(serializers.CharField):
    """Stored feedback (HTML, or plain text from before it had an editor) as the
    plain text the API has always given."""

    def to_representation(self, value: Any) -> str:
        return html_to_text(stored_html(str(value)))


class FeedbackSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    author_name = serializers.SerializerMethodField()
    by_entry_author = serializers.SerializerMethodField(
        help_text="true for the author's replies."
    )
    mine = serializers.SerializerMethodField()
    body = PlainTextField(help_text="Plain text.")
    created_at = serializers.DateTimeField()

    @extend_schema_field(OpenApiTypes.STR)
    def get_author_name(self, feedback: Feedback) -> str | None:
        return profile_of(feedback.author).display_name if feedback.author else None

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_by_entry_author(self, feedback: Feedback) -> bool:
        return bool(feedback.author_id == self.context["entry"].enrolment.user_id)

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_mine(self, feedback: Feedback) -> bool:
        return bool(feedback.author_id == self.context["request"].user.pk)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


JournalEntryPageSerializer = page_of("JournalEntryPage", JournalEntrySummarySerializer)
RevisionPageSerializer = page_of("RevisionPage", RevisionSerializer)
FeedbackPageSerializer = page_of("FeedbackPage", FeedbackSerializer)


class AttachmentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(help_text="The file's own name, for display.")
    size = serializers.IntegerField(help_text="Bytes.")
    uploaded_at = serializers.DateTimeField()
    download_url = serializers.SerializerMethodField(
        help_text="Sends the file (signed-in session; whoever may read the entry)."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_download_url(self, attachment: Any) -> str:
        return self.context["request"].build_absolute_uri(
            reverse("engage_trajectories:attachment", args=[attachment.pk])
        )


class AttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="multipart/form-data; types and size as the site allows."
    )
