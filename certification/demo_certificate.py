"""Demo: a lecturer who completed last year's cohort and holds the certificate.

`holder` (password `engage-demo`) followed the demo programme a year earlier,
attended every session, handed in the assignment and shared a reflection on
every session (so their trajectory is completed, not "Enrolled, 50%"), and
submitted a portfolio that the demo coach and `assessor` passed and the demo
programme admin awarded. The credential is issued here, synchronously, through the
same services the Celery task uses, so a newcomer can open its verification page
at once. Idempotent: a holder who has a portfolio is left as they are.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import create_person
from trajectories import services as trajectory_services
from trajectories.models import AttendanceStatus, Cohort, CohortSession, Visibility

from . import services
from .data import CriterionScoreInput
from .models import (
    CertificationScheme,
    Competency,
    Decision,
    DecisionOutcome,
    IssuedCredential,
    Portfolio,
    PortfolioStatus,
    SelfLevel,
)
from .selectors.credentials import verification_url

USERNAME = "holder"
DEMO_PASSWORD = "engage-demo"  # noqa: S105 - the documented demo password
# Last year's run of the programme: six sessions four weeks apart, all long past.
WEEKS_AGO = 66
REFLECTIONS = [
    (
        "Who sits in my first-year lecture hall?",
        "I asked my 240 first-year law students where they studied before and "
        "which language they think in.",
        "A third are the first in their family at university; many read legal "
        "Dutch as a second language.",
        "I will explain every legal term the first time it appears.",
    ),
    (
        "Plain language in my case assignments",
        "I rewrote the four case assignments of Contract Law I in plain language "
        "and removed idioms.",
        "Questions about what was expected dropped by half in the tutorial forum.",
        "Next I will test the texts with two students before the block starts.",
    ),
    (
        "Who speaks in my tutorials?",
        "I counted who spoke in two tutorials and tried think-pair-share in the third.",
        "After pairing, eleven students spoke instead of five.",
        "I made pairing routine and share it with my section at the next "
        "education meeting.",
    ),
    (
        "Whose examples are in my cases?",
        "I listed the parties in my twelve cases: all of them Dutch companies "
        "and Dutch-named people.",
        "Students said they did not see themselves in the material.",
        "I rewrote three cases with parties from the region's actual economy.",
    ),
    (
        "A course with more than one perspective",
        "I mapped which legal traditions my course draws on.",
        "Only one; comparative law came up in a single lecture.",
        "Next year every block gets one comparative case.",
    ),
    (
        "What I take with me",
        "I looked back at a year of changes to Contract Law I.",
        "Small, concrete changes did more than the big plans.",
        "I will keep my portfolio up to date and mentor a colleague next year.",
    ),
]
# Competency code -> the reflection (index) or the assignment ("A") it rests on.
EVIDENCE = {
    "C1": 0, "C2": 0, "C3": 1, "C4": 1, "C5": "A", "C6": "A",
    "C7": 2, "C8": 2, "C9": 2, "C10": 1, "C11": "A", "C12": 2,
}  # fmt: skip


def _person(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


def _holder() -> Any:
    return _person(USERNAME) or create_person(
        username=USERNAME, email=f"{USERNAME}@engage-pd.example",
        first_name="Daan", last_name="Hoekstra", password=DEMO_PASSWORD,
        faculty=Faculty.objects.filter(code="law").first(),
        department="Private Law", preferred_language="en", roles=[Role.LECTURER],
    )  # fmt: skip


def _academic_year(start: datetime) -> str:
    year = start.year if start.month >= 9 else start.year - 1
    return f"{year}-{year + 1}"


def _last_years_cohort(scheme: CertificationScheme, coach: Any) -> Cohort:
    start = timezone.now() - timedelta(weeks=WEEKS_AGO)
    cohort, created = Cohort.objects.get_or_create(
        programme=scheme.programme,
        academic_year=_academic_year(start),
        title="First-year bachelor, cross-faculty",
        defaults={
            "capacity": 24,
            "enrolment_opens": start - timedelta(days=60),
            "enrolment_closes": start - timedelta(days=7),
        },
    )
    if created:
        tz = timezone.get_current_timezone()
        for number, block in enumerate(scheme.programme.session_plan, start=1):
            day = timezone.localdate(start) + timedelta(weeks=4 * (number - 1))
            CohortSession.objects.create(
                cohort=cohort, number=number, title=block.value["title"],
                starts_at=datetime.combine(day, time(13, 30), tz),
                ends_at=datetime.combine(day, time(16, 30), tz),
                location="Harmony Building, room 1312.0014",
            )  # fmt: skip
        cohort.coaches.add(coach)
    return cohort


def _trajectory(
    scheme: CertificationScheme, holder: Any, admin: Any, coach: Any
) -> Any:
    """Enrolled in last year's cohort, present at every session, the assignment
    submitted and three reflections shared with the coach."""
    cohort = _last_years_cohort(scheme, coach)
    enrolment = trajectory_services.enrol_by_programme_team(
        actor=admin, user=holder, cohort=cohort
    )
    for session in cohort.sessions.all():
        trajectory_services.mark_attendance(
            actor=coach, session=session, enrolment=enrolment,
            status=AttendanceStatus.PRESENT,
        )  # fmt: skip
    course = trajectory_services.register_course(
        owner=holder, name="Contract Law I", code="RGPRI1",
        level="First-year bachelor", students=240,
    )  # fmt: skip
    record = trajectory_services.save_assignment(
        user=holder, enrolment=enrolment,
        key=str(scheme.programme.assignments[0].id), course=course,
        planned_change="<p>Rewrite the four case assignments in plain language.</p>",
        actual_change="<p>Rewrote them, explained every legal term at first "
        "use, removed idioms.</p>",
        effect="<p>Half as many questions about what was expected.</p>",
        submit=True,
    )  # fmt: skip
    entries = []
    # One shared reflection per session, as the programme asks for completion.
    sessions = cohort.sessions.order_by("number")
    for (title, what, so_what, now_what), session in zip(
        REFLECTIONS, sessions, strict=False
    ):
        entry = trajectory_services.save_entry(
            author=holder, enrolment=enrolment, title=title,
            sections={"what": f"<p>{what}</p>", "so_what": f"<p>{so_what}</p>",
                      "now_what": f"<p>{now_what}</p>"},
            session_id=session.pk,
        )  # fmt: skip
        entries.append(
            trajectory_services.share_entry(
                author=holder, entry=entry, visibility=Visibility.COACH
            )
        )
    trajectory_services.give_feedback(
        author=coach, entry=entries[1],
        body="Convincing. Which of the rewritten terms did students still ask about?",
    )  # fmt: skip
    return entries, record


def _portfolio(
    scheme: CertificationScheme, holder: Any, entries: list[Any], record: Any
) -> Portfolio:
    portfolio = services.start_portfolio(user=holder, scheme=scheme)
    for competency in Competency.objects.filter(framework=scheme.framework):
        source = EVIDENCE.get(competency.code, 0)
        on_assignment = source == "A"
        services.link_evidence(
            user=holder, portfolio=portfolio, competency=competency,
            journal_entry=None if on_assignment else entries[int(source)],
            assignment_record=record if on_assignment else None,
        )  # fmt: skip
        services.save_self_assessment(
            user=holder, portfolio=portfolio, competency=competency,
            level=SelfLevel.PROFICIENT,
            text="I apply this in Contract Law I every week now.",
        )  # fmt: skip
    services.submit_portfolio(user=holder, portfolio=portfolio)
    return portfolio


def _assess(portfolio: Portfolio, admin: Any, coach: Any, assessor: Any) -> None:
    first, second = services.allocate_assessors(
        actor=admin, portfolio=portfolio, first=coach, second=assessor
    )
    for assessment, person in ((first, coach), (second, assessor)):
        levels = {level.label_en: level for level in assessment.rubric.levels.all()}
        services.submit_assessment(
            assessor=person,
            assessment=assessment,
            scores=[
                CriterionScoreInput(
                    criterion_id=criterion.pk,
                    level_id=levels["Excellent" if n == 1 else "Good"].pk,
                    comment="Clearly shown in the evidence.",
                )
                for n, criterion in enumerate(
                    assessment.rubric.criteria.order_by("sort_order")
                )
            ],
            comment="A convincing portfolio: each change is evaluated with students.",
        )


def seed_certificate(scheme: CertificationScheme) -> IssuedCredential | None:
    """The holder's awarded portfolio and issued credential (once)."""
    admin, coach, assessor = _person("admin"), _person("coach"), _person("assessor")
    if None in (admin, coach, assessor) or not scheme.programme.assignments:
        return None
    holder = _holder()
    existing = Portfolio.objects.filter(user=holder, scheme=scheme).first()
    if existing is None:
        entries, record = _trajectory(scheme, holder, admin, coach)
        existing = _portfolio(scheme, holder, entries, record)
        _assess(existing, admin, coach, assessor)
        existing.refresh_from_db()
        services.decide(
            actor=admin, portfolio=existing, outcome=DecisionOutcome.AWARD,
            feedback="Congratulations: a portfolio other lecturers can learn from.",
        )  # fmt: skip
        existing.refresh_from_db()
    if existing.status != PortfolioStatus.AWARDED:
        return None
    decision = Decision.objects.get(
        version__portfolio=existing, outcome=DecisionOutcome.AWARD
    )
    # The award's Celery task would do this too; here it happens at once, and a
    # second run (the task's, or seeding again) returns the same credential.
    return services.issue_credential(decision=decision)


def demo_notes() -> list[str]:
    """What `seed_demo` prints: where to see the demo certificate."""
    credential = (
        IssuedCredential.objects.filter(user__username=USERNAME, revoked_at=None)
        .order_by("-issued_at")
        .first()
    )
    if credential is None:
        return []
    return [
        f"demo certificate of '{USERNAME}' (password {DEMO_PASSWORD}): "
        f"{verification_url(credential)}"
    ]
