"""Writes of the trajectories app: one function per use case."""

from __future__ import annotations

from .attachments import (
    attach_file,
    attach_to_assignment,
    remove_assignment_attachment,
    remove_attachment,
)
from .coaching import may_export_attendance, post_session_summary
from .completion import complete_if_done
from .courses import register_course, save_assignment
from .enrolment import (
    check_in,
    coaches,
    enrol,
    enrol_by_programme_team,
    mark_attendance,
    may_manage_cohorts,
    new_checkin_code,
    renew_calendar_token,
    withdraw,
)
from .evaluations import (
    may_see_evaluation_results,
    open_evaluation,
    send_evaluation_invitations,
    submit_evaluation,
)
from .journal import form_peer_groups, give_feedback, may_read, save_entry, share_entry

__all__ = [
    "attach_file",
    "attach_to_assignment",
    "check_in",
    "coaches",
    "complete_if_done",
    "enrol",
    "enrol_by_programme_team",
    "form_peer_groups",
    "give_feedback",
    "mark_attendance",
    "may_export_attendance",
    "may_manage_cohorts",
    "may_read",
    "may_see_evaluation_results",
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
