"""Writes of the trajectories app: one function per use case."""

from __future__ import annotations

from .completion import complete_if_done
from .courses import register_course, save_assignment
from .enrolment import (
    check_in,
    coaches,
    enrol,
    mark_attendance,
    new_checkin_code,
    renew_calendar_token,
    withdraw,
)
from .journal import form_peer_groups, give_feedback, may_read, save_entry, share_entry

__all__ = [
    "check_in",
    "coaches",
    "complete_if_done",
    "enrol",
    "form_peer_groups",
    "give_feedback",
    "mark_attendance",
    "may_read",
    "new_checkin_code",
    "register_course",
    "renew_calendar_token",
    "save_assignment",
    "save_entry",
    "share_entry",
    "withdraw",
]
