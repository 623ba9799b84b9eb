"""Aggregates of taking part, for the insight dashboards and the yearly report.

Every function takes a `Scope` (academic years, and optionally a programme,
cohort and the participants' faculty) and answers with counts in a fixed number
of grouped queries whatever the number of people — never a row per person, and
never the xAPI statements. Small counts are suppressed by the caller, which
knows who is looking (`frontend.insight`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from ..models import (
    AssignmentRecord,
    AssignmentStatus,
    Attendance,
    AttendanceStatus,
    Cohort,
    Enrolment,
    EnrolmentStatus,
    JournalEntry,
    ProgrammePage,
    Visibility,
)


@dataclass(frozen=True)
class Scope:
    """What a report looks at: academic years, and optionally one programme, one
    cohort, and the participants of one faculty (by their own faculty)."""

    years: tuple[str, ...]
    programme_id: int | None = None
    cohort_id: int | None = None
    faculty_id: int | None = None


def enrolments_in(scope: Scope) -> QuerySet[Enrolment]:
    """Every application (any status) in the scope."""
    enrolments = Enrolment.objects.filter(cohort__academic_year__in=scope.years)
    if scope.programme_id is not None:
        enrolments = enrolments.filter(cohort__programme_id=scope.programme_id)
    if scope.cohort_id is not None:
        enrolments = enrolments.filter(cohort_id=scope.cohort_id)
    if scope.faculty_id is not None:
        enrolments = enrolments.filter(
            user__engage_profile__faculty_id=scope.faculty_id
        )
    return enrolments


def took_part() -> Any:
    """True for an enrolment with any learning activity: a session attended, a
    journal entry written or assignment work saved."""
    return ExpressionWrapper(
        Exists(
            Attendance.objects.filter(
                enrolment=OuterRef("pk"), status=AttendanceStatus.PRESENT
            )
        )
        | Exists(JournalEntry.objects.filter(enrolment=OuterRef("pk")))
        | Exists(AssignmentRecord.objects.filter(enrolment=OuterRef("pk"))),
        output_field=BooleanField(),
    )


@dataclass(frozen=True)
class Funnel:
    """How many people reached each stage: applied (any application, waiting
    list included) → enrolled (got a place) → active (took part at least once)
    → completed → certified (an extra flag the caller may add)."""

    applied: int = 0
    enrolled: int = 0
    active: int = 0
    completed: int = 0
    certified: int = 0


STAGES = ("applied", "enrolled", "active", "completed", "certified")


def funnel_by(
    scope: Scope,
    group: str,
    *,
    certified: Any | None = None,
) -> dict[Any, Funnel]:
    """The funnel per value of `group` — "cohort", "programme", "year" or
    "faculty" — in one grouped query. `certified` is a boolean expression on an
    enrolment (certification's `certified()`), so trajectories needs no
    knowledge of certificates."""
    field = {
        "cohort": "cohort_id",
        "programme": "cohort__programme_id",
        "year": "cohort__academic_year",
        "faculty": "user__engage_profile__faculty_id",
    }[group]
    rows = (
        enrolments_in(scope)
        .annotate(took_part=took_part())
        .annotate(certified=certified if certified is not None else _false())
        .order_by()
        .values(field)
        .annotate(
            applied=Count("pk"),
            enrolled=Count("pk", filter=Q(placed_at__isnull=False)),
            active=Count("pk", filter=Q(placed_at__isnull=False, took_part=True)),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
            certified_n=Count("pk", filter=Q(certified=True)),
        )
    )
    return {
        row[field]: Funnel(
            applied=row["applied"],
            enrolled=row["enrolled"],
            active=row["active"],
            completed=row["completed"],
            certified=row["certified_n"],
        )
        for row in rows
    }


def _false() -> Any:
    return ExpressionWrapper(Q(pk__isnull=True), output_field=BooleanField())


def cohorts_in(scope: Scope) -> list[Cohort]:
    """The cohorts of the scope with their programme, by year and title (one
    query), loaded with what a table of them shows (title, year, faculty and the
    programme's title). A faculty scope keeps the cohorts its people applied to."""
    cohorts = Cohort.objects.filter(academic_year__in=scope.years)
    if scope.programme_id is not None:
        cohorts = cohorts.filter(programme_id=scope.programme_id)
    if scope.cohort_id is not None:
        cohorts = cohorts.filter(pk=scope.cohort_id)
    if scope.faculty_id is not None:
        cohorts = cohorts.filter(
            Exists(
                Enrolment.objects.filter(
                    cohort=OuterRef("pk"),
                    user__engage_profile__faculty_id=scope.faculty_id,
                )
            )
        )
    # Whole programme pages (Wagtail pages with their StreamFields) cost more to
    # build than the query takes; the title is all a row needs.
    return list(
        cohorts.select_related("programme")
        .only(
            "id",
            "title",
            "academic_year",
            "faculty_id",
            "programme_id",
            "programme__title",
        )
        .order_by("-academic_year", "title", "pk")
    )


def programmes() -> list[ProgrammePage]:
    """Programmes for the filters, by title (one query)."""
    return list(ProgrammePage.objects.order_by("title").only("id", "title"))


def cohort_choices(
    years: tuple[str, ...], faculty_id: int | None = None
) -> list[Cohort]:
    """Cohorts for the filters (one query); with a faculty, those its people
    applied to."""
    cohorts = Cohort.objects.filter(academic_year__in=years)
    if faculty_id is not None:
        cohorts = cohorts.filter(
            Exists(
                Enrolment.objects.filter(
                    cohort=OuterRef("pk"), user__engage_profile__faculty_id=faculty_id
                )
            )
        )
    return list(
        cohorts.order_by("-academic_year", "title", "pk").only(
            "id", "title", "academic_year", "programme_id"
        )
    )


@dataclass(frozen=True)
class MonthlyTakingPart:
    """Per month: sessions attended (present marks, by the session's month),
    reflections shared (by the day they were shared), assignments submitted."""

    months: list[date]
    attended: list[int]
    reflections: list[int]
    assignments: list[int]


def monthly_taking_part(scope: Scope, *, since: date, until: date) -> MonthlyTakingPart:
    """Three grouped queries over the scope's enrolments."""
    enrolments = enrolments_in(scope).values("pk")
    counts: dict[str, dict[date, int]] = defaultdict(dict)
    # The days as moments (midnight, current time zone), as `__date` compares
    # them: a range on the column itself lets the planner estimate the rows
    # (`col::date >= …` it cannot), which halves these queries on PostgreSQL.
    start, end = _midnight(since), _midnight(until)
    for key, queryset, moment in (
        (
            "attended",
            Attendance.objects.filter(
                enrolment__in=enrolments,
                status=AttendanceStatus.PRESENT,
                session__starts_at__gte=start,
                session__starts_at__lt=end,
            ),
            "session__starts_at",
        ),
        (
            "reflections",
            JournalEntry.objects.filter(
                enrolment__in=enrolments,
                shared_at__gte=start,
                shared_at__lt=end,
            ).exclude(visibility=Visibility.PRIVATE),
            "shared_at",
        ),
        (
            "assignments",
            AssignmentRecord.objects.filter(
                enrolment__in=enrolments,
                status=AssignmentStatus.SUBMITTED,
                submitted_at__gte=start,
                submitted_at__lt=end,
            ),
            "submitted_at",
        ),
    ):
        for month, n in (
            queryset.annotate(month=TruncMonth(moment))
            .order_by()
            .values("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
        ):
            counts[key][_day(month)] = n
    months = _months(since, until)
    return MonthlyTakingPart(
        months=months,
        attended=[counts["attended"].get(m, 0) for m in months],
        reflections=[counts["reflections"].get(m, 0) for m in months],
        assignments=[counts["assignments"].get(m, 0) for m in months],
    )


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _day(value: Any) -> date:
    return value.date() if hasattr(value, "date") and callable(value.date) else value


def _months(since: date, until: date) -> list[date]:
    months = []
    current = date(since.year, since.month, 1)
    while current < until:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months
