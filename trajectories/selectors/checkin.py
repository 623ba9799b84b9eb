"""What the coach's check-in screen shows for one session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..models import Attendance, AttendanceStatus, CohortSession
from ..rules.checkin import checkin_window, spaced
from .programmes import ACTIVE


@dataclass(frozen=True)
class CheckInScreen:
    session: CohortSession
    code: str  # "" until the coach asks for one
    code_spaced: str
    opens: datetime
    closes: datetime
    open_now: bool
    checked_in: int  # participants who checked in themselves
    enrolled: int


def checkin_screen(session: CohortSession, now: datetime) -> CheckInScreen:
    """The session's code, when it is accepted, and how many have checked in
    (two queries)."""
    opens, closes = checkin_window(session.starts_at, session.ends_at)
    checked_in = Attendance.objects.filter(
        session=session, checked_in=True, status=AttendanceStatus.PRESENT
    ).count()
    enrolled = session.cohort.enrolments.filter(status__in=ACTIVE).count()
    return CheckInScreen(
        session=session,
        code=session.checkin_code,
        code_spaced=spaced(session.checkin_code),
        opens=opens,
        closes=closes,
        open_now=opens <= now <= closes,
        checked_in=checked_in,
        enrolled=enrolled,
    )
