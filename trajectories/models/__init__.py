"""Models of the trajectories app (re-exported for `engage_trajectories.<Model>`)."""

from __future__ import annotations

from .courses import (
    AssignmentAttachment,
    AssignmentRecord,
    AssignmentStatus,
    AttachmentRole,
    OwnCourse,
)
from .enrolment import Attendance, AttendanceStatus, Enrolment, EnrolmentStatus
from .evaluations import (
    EvaluationAnswer,
    EvaluationInvitation,
    EvaluationResponse,
    EvaluationSubmission,
    SessionEvaluation,
)
from .journal import (
    Feedback,
    JournalAttachment,
    JournalEntry,
    JournalRevision,
    PeerGroup,
    Visibility,
)
from .pages import ProgrammePage, ReflectionModel
from .programmes import Cohort, CohortSession, SessionSummary

__all__ = [
    "AssignmentAttachment",
    "AttachmentRole",
    "AssignmentRecord",
    "AssignmentStatus",
    "OwnCourse",
    "Attendance",
    "AttendanceStatus",
    "Cohort",
    "CohortSession",
    "Enrolment",
    "EnrolmentStatus",
    "EvaluationAnswer",
    "EvaluationInvitation",
    "EvaluationResponse",
    "EvaluationSubmission",
    "Feedback",
    "JournalAttachment",
    "JournalEntry",
    "JournalRevision",
    "PeerGroup",
    "Visibility",
    "ProgrammePage",
    "ReflectionModel",
    "SessionEvaluation",
    "SessionSummary",
]
