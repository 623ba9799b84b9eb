"""Shapes of the practices API (read-only)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers


class FacetValueSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label"
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class FacetSerializer(serializers.Serializer):
    param = serializers.CharField(help_text="The query parameter that filters by it.")
    label = serializers.CharField()  # type: ignore[assignment]  # a field named "label"
    values = FacetValueSerializer(many=True)


class PracticeHitSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="page_id")
    url = serializers.SerializerMethodField()
    title = serializers.CharField()
    snippet_html = serializers.CharField(
        help_text="The summary excerpt, HTML-escaped, with matches in <mark>."
    )
    faculty = serializers.CharField()
    language = serializers.CharField()
    licence = serializers.CharField()
    group_size = serializers.CharField()
    first_published_at = serializers.DateTimeField()
    adoption_count = serializers.IntegerField()
    terms = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField())
    )

    def get_url(self, hit: Any) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(hit.url) if request else hit.url


class SearchResponseSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    next = serializers.CharField(allow_null=True)
    previous = serializers.CharField(allow_null=True)
    corrected_query = serializers.CharField(allow_blank=True)
    results = PracticeHitSerializer(many=True)
    facets = FacetSerializer(many=True)


class AttachmentSerializer(serializers.Serializer):
    kind = serializers.CharField()
    title = serializers.CharField()
    url = serializers.CharField()
    alt_text = serializers.CharField(allow_blank=True)
    caption = serializers.CharField(allow_blank=True)


class TermSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class PracticeDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField()
    title = serializers.CharField()
    summary = serializers.CharField()
    body_html = serializers.CharField(help_text="Sanitised HTML.")
    evidence_html = serializers.CharField(help_text="Sanitised HTML.")
    faculty = serializers.CharField()
    discipline = serializers.CharField()
    group_size = serializers.CharField()
    language = serializers.CharField()
    licence = serializers.CharField()
    licence_url = serializers.CharField()
    contact_name = serializers.CharField()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()
    adoption_count = serializers.IntegerField()
    course_levels = TermSerializer(many=True)
    formats = TermSerializer(many=True)
    dimensions = TermSerializer(many=True)
    aspects = TermSerializer(many=True)
    sdgs = TermSerializer(many=True)
    attachments = AttachmentSerializer(many=True)
