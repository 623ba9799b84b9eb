"""Writes of the trajectories app: one function per use case."""

from __future__ import annotations

from .attachments import (
    attach_file,
    attach_to_assignment,
    remove_assignment_attachment,
    remove_attachment,
)
from .coaching import post_session_summary
from .completion import complete_if_done
from .courses import register_course, save_assignment
from .enrolment import (
    check_in,
    enrol,
    enrol_by_programme_team,
    mark_attendance,
    mark_attendance_batch,
    new_checkin_code,
    renew_calendar_token,
    withdraw,
)
from .evaluations import (
    open_evaluation,
    send_evaluation_invitations,
    submit_evaluation,
)
from .journal import form_peer_groups, give_feedback, save_entry, share_entry
from .participant_import import import_participants

__all__ = [
    "attach_file",
    "attach_to_assignment",
    "check_in",
    "complete_if_done",
    "enrol",
    "enrol_by_programme_team",
    "form_peer_groups",
    "give_feedback",
    "import_participants",
    "mark_attendance",
    "mark_attendance_batch",
    "new_checkin_code",
    "open_evaluation",
    "post_session_summary",
    "register_course",
    "remove_assignment_attachment",
    "remove_attachment",
    "renew_calendar_token",
    "save_assignment",
    "save_entry",
    "send_evaluation_invitations",
    "share_entry",
    "submit_evaluation",
    "withdraw",
]
