"""Reads of the trajectories app, shaped for a page, in a fixed number of queries.

One module per concern; every public name is available from here.
"""

from __future__ import annotations

from .api import (
    MySession,
    entries_of_author,
    my_assignments,
    my_enrolments,
    my_sessions,
    revisions_of,
)
from .attendance_export import attendance_csv, attendance_rows
from .checkin import CheckInScreen, checkin_screen
from .coaching import (
    AttendanceExport,
    AttendanceMatrix,
    AwaitingFeedback,
    attendance_export,
    attendance_matrix,
    awaiting_feedback,
    awaiting_feedback_oldest,
    peer_groups_of,
    session_of_cohort,
    summary_of,
)
from .courses import (
    assignment_attachment_of_owner,
    assignment_attachments_of,
    assignment_of,
    own_courses,
)
from .dashboard import (
    CoachCohort,
    LecturerDashboard,
    LecturerTrajectory,
    awaiting_feedback_counts,
    coach_dashboard,
    lecturer_dashboard,
)
from .evaluation_results import (
    CohortResults,
    CohortSummary,
    ProgrammeSummary,
    SessionResults,
    cohort_evaluation_results,
    evaluation_results,
    evaluation_years,
    programme_evaluation_summary,
)
from .evaluations import (
    EvaluationForm,
    OpenEvaluation,
    evaluation_form,
    open_evaluations,
)
from .figures import ProgrammeFigures, programme_figures
from .journal import (
    attachment_for_reading,
    attachments_of,
    entry_for_reading,
    feedback_thread,
    journal_of,
)
from .programmes import (
    ACTIVE,
    calendar_sessions,
    coached_cohorts,
    cohorts_of_programme,
    current_enrolment,
    enrolments_of,
    own_enrolment,
)
from .progress import (
    ParticipantProgress,
    QuietParticipant,
    gone_quiet,
    gone_quiet_counts,
    progress_of,
    progress_of_cohort,
)
from .trajectory import (
    PeerGroupView,
    SessionLine,
    TrajectoryOverview,
    my_trajectories,
)

__all__ = [
    "CheckInScreen",
    "checkin_screen",
    "attendance_csv",
    "attendance_rows",
    "assignment_attachment_of_owner",
    "assignment_attachments_of",
    "ACTIVE",
    "current_enrolment",
    "AttendanceExport",
    "AttendanceMatrix",
    "CoachCohort",
    "CohortResults",
    "CohortSummary",
    "EvaluationForm",
    "LecturerDashboard",
    "LecturerTrajectory",
    "MySession",
    "OpenEvaluation",
    "ParticipantProgress",
    "PeerGroupView",
    "ProgrammeSummary",
    "QuietParticipant",
    "SessionLine",
    "SessionResults",
    "TrajectoryOverview",
    "assignment_of",
    "attachment_for_reading",
    "attachments_of",
    "attendance_export",
    "attendance_matrix",
    "AwaitingFeedback",
    "awaiting_feedback",
    "awaiting_feedback_oldest",
    "awaiting_feedback_counts",
    "calendar_sessions",
    "coach_dashboard",
    "programme_figures",
    "ProgrammeFigures",
    "coached_cohorts",
    "cohort_evaluation_results",
    "cohorts_of_programme",
    "enrolments_of",
    "entries_of_author",
    "entry_for_reading",
    "evaluation_form",
    "evaluation_results",
    "evaluation_years",
    "feedback_thread",
    "gone_quiet",
    "gone_quiet_counts",
    "journal_of",
    "lecturer_dashboard",
    "my_assignments",
    "my_enrolments",
    "my_sessions",
    "my_trajectories",
    "open_evaluations",
    "own_courses",
    "own_enrolment",
    "peer_groups_of",
    "session_of_cohort",
    "summary_of",
    "progress_of",
    "programme_evaluation_summary",
    "progress_of_cohort",
    "revisions_of",
]
