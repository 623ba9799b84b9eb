from __future__ import annotations

from django.urls import path

from .views import (
    attachments,
    checkin,
    coaching,
    courses,
    evaluations,
    journal,
    trajectory,
)

app_name = "engage_trajectories"

urlpatterns = [
    path("trajectory/", trajectory.mine, name="mine"),
    path("trajectory/check-in/", trajectory.check_in, name="check_in"),
    path("trajectory/enrol/<id:pk>/", trajectory.enrol, name="enrol"),
    path("trajectory/withdraw/<id:pk>/", trajectory.withdraw, name="withdraw"),
    path("trajectory/calendar/<str:token>.ics", trajectory.calendar, name="calendar"),
    path(
        "trajectory/<id:enrolment_id>/journal/",
        journal.journal,
        name="journal",
    ),
    path(
        "trajectory/<id:enrolment_id>/journal/new/",
        journal.entry_new,
        name="entry_new",
    ),
    path("journal/", journal.my_journal, name="my_journal"),
    path("journal/<id:pk>/", journal.entry, name="entry"),
    path("journal/<id:pk>/edit/", journal.entry_edit, name="entry_edit"),
    path("journal/<id:pk>/share/", journal.entry_share, name="entry_share"),
    path(
        "journal/<id:pk>/feedback/",
        journal.entry_feedback,
        name="entry_feedback",
    ),
    path("trajectory/courses/", courses.courses, name="courses"),
    path("trajectory/courses/<id:pk>/", courses.course_edit, name="course_edit"),
    path(
        "trajectory/<id:enrolment_id>/assignments/<str:key>/",
        courses.assignment,
        name="assignment",
    ),
    path(
        "trajectory/<id:enrolment_id>/assignments/<str:key>/attachments/",
        attachments.assignment_upload,
        name="assignment_attachment_upload",
    ),
    path(
        "trajectory/assignment-files/<id:pk>/",
        attachments.assignment_download,
        name="assignment_attachment",
    ),
    path(
        "trajectory/assignment-files/<id:pk>/remove/",
        attachments.assignment_remove,
        name="assignment_attachment_remove",
    ),
    path(
        "journal/<id:pk>/attachments/",
        attachments.upload,
        name="attachment_upload",
    ),
    path(
        "journal/attachments/<id:pk>/",
        attachments.download,
        name="attachment",
    ),
    path(
        "journal/attachments/<id:pk>/remove/",
        attachments.remove,
        name="attachment_remove",
    ),
    path("coach/", coaching.coach_home, name="coach_home"),
    path("coach/cohorts/<id:pk>/", coaching.cohort_overview, name="cohort"),
    path(
        "coach/sessions/<id:pk>/check-in/",
        checkin.checkin_screen,
        name="checkin_screen",
    ),
    path(
        "coach/sessions/<id:pk>/check-in/qr.svg",
        checkin.checkin_qr,
        name="checkin_qr",
    ),
    path(
        "coach/cohorts/<id:pk>/peer-groups/",
        coaching.peer_groups,
        name="peer_groups",
    ),
    path(
        "coach/cohorts/<id:pk>/attendance.csv",
        coaching.attendance_csv,
        name="attendance_csv",
    ),
    path(
        "coach/sessions/<id:pk>/summary/",
        coaching.session_summary,
        name="session_summary",
    ),
    path(
        "trajectory/evaluations/<id:session_id>/",
        evaluations.evaluation,
        name="evaluation",
    ),
    path(
        "coach/sessions/<id:pk>/evaluation/",
        evaluations.session_results,
        name="session_evaluation",
    ),
    path(
        "coach/cohorts/<id:pk>/evaluations/",
        evaluations.cohort_results,
        name="cohort_evaluations",
    ),
    path(
        "coach/programmes/<id:pk>/evaluations/",
        evaluations.programme_results,
        name="programme_evaluations",
    ),
]
