"""The OpenAPI schema documents the lecturer's API, and it is a valid document."""

from __future__ import annotations

from typing import Any

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from trajectories.api.v1 import views

pytestmark = pytest.mark.django_db

OPERATIONS = {
    ("/api/v1/me/enrolments/", "get"): "me_enrolments_list",
    ("/api/v1/me/sessions/", "get"): "me_sessions_list",
    ("/api/v1/me/assignments/", "get"): "me_assignments_list",
    ("/api/v1/journal-entries/", "get"): "journal_entries_list",
    ("/api/v1/journal-entries/", "post"): "journal_entries_create",
    ("/api/v1/journal-entries/{id}/", "get"): "journal_entries_retrieve",
    ("/api/v1/journal-entries/{id}/", "put"): "journal_entries_update",
    ("/api/v1/journal-entries/{id}/", "patch"): "journal_entries_partial_update",
    ("/api/v1/journal-entries/{id}/share/", "post"): "journal_entries_share",
    (
        "/api/v1/journal-entries/{id}/revisions/",
        "get",
    ): "journal_entries_revisions_list",
    ("/api/v1/journal-entries/{id}/feedback/", "get"): "journal_entries_feedback_list",
    (
        "/api/v1/journal-entries/{id}/feedback/",
        "post",
    ): "journal_entries_feedback_create",
    (
        "/api/v1/journal-entries/{id}/attachments/",
        "get",
    ): "journal_entries_attachments_list",
    (
        "/api/v1/journal-entries/{id}/attachments/",
        "post",
    ): "journal_entries_attachments_create",
    (
        "/api/v1/journal-entries/{id}/attachments/{attachment_id}/",
        "delete",
    ): "journal_entries_attachments_destroy",
}


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_schema_is_valid_openapi(schema: dict[str, Any]) -> None:
    validate_schema(schema)  # raises on anything that is not OpenAPI 3


def test_every_operation_is_documented(schema: dict[str, Any]) -> None:
    found = {
        (path, method): operation["operationId"]
        for path, item in schema["paths"].items()
        if "/journal-entries/" in path or "/me/" in path
        for method, operation in item.items()
    }
    assert found == OPERATIONS  # and nothing else: no delete but of an attachment
    for (path, method), _id in OPERATIONS.items():
        operation = schema["paths"][path][method]
        assert operation["summary"] and operation["tags"] == ["trajectories"]
        assert operation["security"] == [{"cookieAuth": []}]
        assert {"200", "201", "204"} & set(operation["responses"])
        assert "403" in operation["responses"]
        if "{id}" in path:
            assert "404" in operation["responses"]
        if method in ("post", "put", "patch"):
            assert "400" in operation["responses"]
            content = operation["requestBody"]["content"]
            expected = (
                "multipart/form-data" if "attachments" in path else "application/json"
            )
            assert list(content) == [expected]


def test_shapes_name_their_fields(schema: dict[str, Any]) -> None:
    components = schema["components"]["schemas"]
    create = components["JournalEntryCreate"]
    assert set(create["required"]) == {"enrolment", "title"}
    assert create["properties"]["title"]["maxLength"] == 200
    assert (
        create["properties"]["sections"]["additionalProperties"]["maxLength"] == 50_000
    )
    assert components["FeedbackWrite"]["properties"]["body"]["maxLength"] == 5000
    assert components["VisibilityEnum"]["enum"] == ["private", "coach", "peers"]
    page = components["JournalEntryPage"]["properties"]
    assert set(page) == {"count", "page", "num_pages", "next", "previous", "results"}
    session = components["Session"]["properties"]
    assert session["location"]["type"] == "string"


def test_every_view_names_its_classes() -> None:
    api_views = [
        views.MyEnrolmentsView,
        views.MySessionsView,
        views.MyAssignmentsView,
        views.JournalEntryListView,
        views.JournalEntryDetailView,
        views.JournalEntryShareView,
        views.JournalEntryRevisionsView,
        views.JournalEntryFeedbackView,
    ]
    for view in api_views:
        # Declared on the API's own base class, not inherited from the host's
        # REST_FRAMEWORK defaults.
        for attribute in (
            "authentication_classes",
            "permission_classes",
            "throttle_classes",
            "parser_classes",
        ):
            assert attribute in views._LecturerAPI.__dict__, attribute
        assert issubclass(view, views._LecturerAPI)


def test_the_published_schema_has_the_paths(client: Any) -> None:
    body = client.get("/api/schema/").content.decode()
    for path, _method in OPERATIONS:
        assert f"{path}:" in body
