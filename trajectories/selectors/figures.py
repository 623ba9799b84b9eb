"""Key figures of the programme for the programme team's dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from ..models import Cohort, Enrolment, EnrolmentStatus, JournalEntry


@dataclass(frozen=True)
class ProgrammeFigures:
    # Cohorts with a session still to end (running or about to start).
    active_cohorts: int
    # Distinct people enrolled (not waiting, withdrawn or completed) in a cohort.
    enrolled_lecturers: int
    # Journal entries written since the first of this month (any visibility:
    # only the number is shown).
    reflections_this_month: int


def month_start(now: datetime) -> datetime:
    local = timezone.localtime(now)
    return local.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def programme_figures(now: datetime | None = None) -> ProgrammeFigures:
    """Three counting queries whatever the amount of data."""
    now = now or timezone.now()
    return ProgrammeFigures(
        active_cohorts=Cohort.objects.filter(sessions__ends_at__gte=now)
        .distinct()
        .count(),
        enrolled_lecturers=Enrolment.objects.filter(status=EnrolmentStatus.ENROLLED)
        .values("user_id")
        .distinct()
        .count(),
        reflections_this_month=JournalEntry.objects.filter(
            created_at__gte=month_start(now)
        ).count(),
    )
