from __future__ import annotations

from django.urls import path

from . import (
    attachment_views,
    coach_views,
    course_views,
    evaluation_views,
    journal_views,
    views,
)

app_name = "engage_trajectories"

urlpatterns = [
    path("trajectory/", views.mine, name="mine"),
    path("trajectory/check-in/", views.check_in, name="check_in"),
    path("trajectory/enrol/<int:pk>/", views.enrol, name="enrol"),
    path("trajectory/withdraw/<int:pk>/", views.withdraw, name="withdraw"),
    path("trajectory/calendar/<str:token>.ics", views.calendar, name="calendar"),
    path(
        "trajectory/<int:enrolment_id>/journal/",
        journal_views.journal,
        name="journal",
    ),
    path(
        "trajectory/<int:enrolment_id>/journal/new/",
        journal_views.entry_new,
        name="entry_new",
    ),
    path("journal/<int:pk>/", journal_views.entry, name="entry"),
    path("journal/<int:pk>/edit/", journal_views.entry_edit, name="entry_edit"),
    path("journal/<int:pk>/share/", journal_views.entry_share, name="entry_share"),
    path(
        "journal/<int:pk>/feedback/",
        journal_views.entry_feedback,
        name="entry_feedback",
    ),
    path("trajectory/courses/", course_views.courses, name="courses"),
    path("trajectory/courses/<int:pk>/", course_views.course_edit, name="course_edit"),
    path(
        "trajectory/<int:enrolment_id>/assignments/<str:key>/",
        course_views.assignment,
        name="assignment",
    ),
    path(
        "trajectory/<int:enrolment_id>/assignments/<str:key>/attachments/",
        attachment_views.assignment_upload,
        name="assignment_attachment_upload",
    ),
    path(
        "trajectory/assignment-files/<int:pk>/",
        attachment_views.assignment_download,
        name="assignment_attachment",
    ),
    path(
        "trajectory/assignment-files/<int:pk>/remove/",
        attachment_views.assignment_remove,
        name="assignment_attachment_remove",
    ),
    path(
        "journal/<int:pk>/attachments/",
        attachment_views.upload,
        name="attachment_upload",
    ),
    path(
        "journal/attachments/<int:pk>/",
        attachment_views.download,
        name="attachment",
    ),
    path(
        "journal/attachments/<int:pk>/remove/",
        attachment_views.remove,
        name="attachment_remove",
    ),
    path("coach/", views.coach_home, name="coach_home"),
    path("coach/cohorts/<int:pk>/", views.cohort_overview, name="cohort"),
    path(
        "coach/cohorts/<int:pk>/peer-groups/",
        coach_views.peer_groups,
        name="peer_groups",
    ),
    path(
        "coach/cohorts/<int:pk>/attendance.csv",
        coach_views.attendance_csv,
        name="attendance_csv",
    ),
    path(
        "coach/sessions/<int:pk>/summary/",
        coach_views.session_summary,
        name="session_summary",
    ),
    path(
        "trajectory/evaluations/<int:session_id>/",
        evaluation_views.evaluation,
        name="evaluation",
    ),
    path(
        "coach/sessions/<int:pk>/evaluation/",
        evaluation_views.session_results,
        name="session_evaluation",
    ),
    path(
        "coach/cohorts/<int:pk>/evaluations/",
        evaluation_views.cohort_results,
        name="cohort_evaluations",
    ),
    path(
        "coach/programmes/<int:pk>/evaluations/",
        evaluation_views.programme_results,
        name="programme_evaluations",
    ),
]
