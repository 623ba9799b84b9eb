"""Whether a lecturer may submit a portfolio: the scheme's rules, their trajectory."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from trajectories.models import (
    AssignmentRecord,
    AssignmentStatus,
    Attendance,
    AttendanceStatus,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    JournalEntry,
    Visibility,
)

from ..data import (
    Eligibility,
)
from ..models import (
    CertificationScheme,
    EvidenceLink,
    Portfolio,
)
from .frameworks import competencies_of

ACTIVE_ENROLMENT = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)

# --- eligibility ----------------------------------------------------------------------


def enrolment_for(user: Any, scheme: CertificationScheme) -> Enrolment | None:
    """The person's latest active enrolment in a cohort of the scheme's programme."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Enrolment.objects.filter(
            user=user,
            cohort__programme_id=scheme.programme_id,
            status__in=ACTIVE_ENROLMENT,
        )
        .select_related("cohort")
        .order_by("-created_at", "-pk")
        .first()
    )


def current_portfolio(user: Any, scheme: CertificationScheme) -> Portfolio | None:
    """The person's most recent portfolio for the scheme."""
    return (
        Portfolio.objects.filter(user=user, scheme=scheme)
        .select_related("enrolment__cohort")
        .order_by("-created_at", "-pk")
        .first()
    )


def _required_sessions(percent: int, total: int) -> int:
    return (percent * total + 99) // 100


def assignment_titles(scheme: CertificationScheme) -> dict[str, str]:
    """Programme assignment titles by block id (the keys records use)."""
    return {
        str(block.id): block.value["title"] for block in scheme.programme.assignments
    }


def eligibility(
    *,
    user: Any,
    scheme: CertificationScheme,
    portfolio: Portfolio | None = None,
) -> Eligibility:
    """Whether `user` may submit a portfolio for `scheme`, with one sentence per
    unmet rule (active language), from their enrolment's attendance, assignment
    records and journal and the portfolio's evidence; at most eight queries."""
    if portfolio is None:
        portfolio = current_portfolio(user, scheme)
    enrolment = portfolio.enrolment if portfolio else enrolment_for(user, scheme)
    if enrolment is None:
        return Eligibility(
            eligible=False,
            missing=[
                _("Enrol in a cohort of '%(programme)s'")
                % {"programme": scheme.programme.title}
            ],
        )
    missing = [
        *_session_gaps(scheme, enrolment),
        *_assignment_gaps(scheme, enrolment),
        *_reflection_gaps(scheme, enrolment),
        *_evidence_gaps(scheme, portfolio),
    ]
    return Eligibility(eligible=not missing, missing=missing, enrolment_id=enrolment.pk)


def _session_gaps(scheme: CertificationScheme, enrolment: Enrolment) -> list[str]:
    sessions = list(
        CohortSession.objects.filter(cohort_id=enrolment.cohort_id).order_by("number")
    )
    present = set(
        Attendance.objects.filter(
            enrolment=enrolment, status=AttendanceStatus.PRESENT
        ).values_list("session_id", flat=True)
    )
    by_number = {s.number: s for s in sessions}
    gaps = []
    for number in scheme.mandatory_session_numbers():
        session = by_number.get(number)
        if session is None or session.pk not in present:
            gaps.append(_("Attend session %(n)d (mandatory)") % {"n": number})
    total = len(sessions)
    needed = _required_sessions(scheme.min_attendance_percent, total)
    attended = sum(1 for s in sessions if s.pk in present)
    if attended < needed:
        short = needed - attended
        gaps.append(
            ngettext(
                "Attend %(n)d more session (%(needed)d of %(total)d needed)",
                "Attend %(n)d more sessions (%(needed)d of %(total)d needed)",
                short,
            )
            % {"n": short, "needed": needed, "total": total}
        )
    return gaps


def _assignment_gaps(scheme: CertificationScheme, enrolment: Enrolment) -> list[str]:
    keys = scheme.required_assignment_keys()
    if not keys:
        return []
    submitted = set(
        AssignmentRecord.objects.filter(
            enrolment=enrolment, status=AssignmentStatus.SUBMITTED
        ).values_list("assignment_key", flat=True)
    )
    titles = assignment_titles(scheme)
    return [
        _("Submit assignment '%(title)s'") % {"title": titles.get(key, key)}
        for key in keys
        if key not in submitted
    ]


def _reflection_gaps(scheme: CertificationScheme, enrolment: Enrolment) -> list[str]:
    needed = scheme.min_reflections
    if not needed:
        return []
    shared = (
        JournalEntry.objects.filter(enrolment=enrolment)
        .exclude(visibility=Visibility.PRIVATE)
        .count()
    )
    if shared >= needed:
        return []
    short = needed - shared
    return [
        ngettext(
            "Share %(n)d more reflection with your coach or peer group "
            "(%(done)d of %(needed)d needed; every shared reflection counts, "
            "also a second one on the same session)",
            "Share %(n)d more reflections with your coach or peer group "
            "(%(done)d of %(needed)d needed; every shared reflection counts, "
            "also a second one on the same session)",
            short,
        )
        % {"n": short, "done": shared, "needed": needed}
    ]


def _evidence_gaps(
    scheme: CertificationScheme, portfolio: Portfolio | None
) -> list[str]:
    if not scheme.evidence_for_every_competency:
        return []
    covered: set[int] = set()
    if portfolio is not None:
        covered = set(
            EvidenceLink.objects.filter(portfolio=portfolio).values_list(
                "competency_id", flat=True
            )
        )
    return [
        _("Link evidence to competency %(code)s '%(name)s'")
        % {"code": c.code, "name": c.name}
        for c in competencies_of(scheme.framework_id)
        if c.pk not in covered
    ]
