from __future__ import annotations

from django.urls import path

from . import attachments, views

app_name = "engage_trajectories_api"

urlpatterns = [
    path("me/enrolments/", views.MyEnrolmentsView.as_view(), name="my-enrolments"),
    path("me/sessions/", views.MySessionsView.as_view(), name="my-sessions"),
    path("me/assignments/", views.MyAssignmentsView.as_view(), name="my-assignments"),
    path(
        "journal-entries/",
        views.JournalEntryListView.as_view(),
        name="journal-entry-list",
    ),
    path(
        "journal-entries/<id:pk>/",
        views.JournalEntryDetailView.as_view(),
        name="journal-entry-detail",
    ),
    path(
        "journal-entries/<id:pk>/share/",
        views.JournalEntryShareView.as_view(),
        name="journal-entry-share",
    ),
    path(
        "journal-entries/<id:pk>/revisions/",
        views.JournalEntryRevisionsView.as_view(),
        name="journal-entry-revisions",
    ),
    path(
        "journal-entries/<id:pk>/feedback/",
        views.JournalEntryFeedbackView.as_view(),
        name="journal-entry-feedback",
    ),
    path(
        "journal-entries/<id:pk>/attachments/",
        attachments.JournalEntryAttachmentsView.as_view(),
        name="journal-entry-attachments",
    ),
    path(
        "journal-entries/<id:pk>/attachments/<id:attachment_id>/",
        attachments.JournalEntryAttachmentDetailView.as_view(),
        name="journal-entry-attachment",
    ),
]
