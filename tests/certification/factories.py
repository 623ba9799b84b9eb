"""Frameworks, rubrics, schemes and portfolios for the certification tests."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

from certification import services
from certification.data import (
    AreaData,
    CompetencyData,
    CriterionScoreInput,
    FrameworkData,
    IndicatorData,
)
from certification.models import (
    Assessment,
    CertificationScheme,
    Competency,
    CompetencyFramework,
    Portfolio,
    Rubric,
    RubricCriterion,
    RubricLevel,
)
from lms.accounts.roles import Role
from tests.factories import person
from tests.trajectories.factories import make_cohort, make_programme
from trajectories import services as trajectory_services
from trajectories.models import AttendanceStatus, JournalEntry, ProgrammePage


def framework_data(
    *, areas: int = 2, per_area: int = 2, code: str = "inclusive", version: str = "1"
) -> FrameworkData:
    number = 0
    area_list = []
    for a in range(areas):
        competencies = []
        for _c in range(per_area):
            number += 1
            competencies.append(
                CompetencyData(
                    code=f"C{number}",
                    name_en=f"Competency {number}",
                    name_nl=f"Competentie {number}",
                    description_en="What it is.",
                    description_nl="Wat het is.",
                    indicators=(
                        IndicatorData(
                            f"Indicator {number}a", f"Indicator {number}a nl"
                        ),
                        IndicatorData(
                            f"Indicator {number}b", f"Indicator {number}b nl"
                        ),
                    ),
                )
            )
        area_list.append(
            AreaData(
                code=chr(ord("A") + a),
                name_en=f"Area {a}",
                name_nl=f"Gebied {a}",
                competencies=tuple(competencies),
            )
        )
    return FrameworkData(
        code=code,
        version=version,
        name_en="Inclusive teaching",
        name_nl="Inclusief onderwijs",
        areas=tuple(area_list),
    )


_versions = itertools.count(1)


def make_framework(**kwargs: Any) -> CompetencyFramework:
    """A new framework (a fresh version each time unless one is given)."""
    kwargs.setdefault("version", str(next(_versions)))
    return services.create_framework(actor=None, data=framework_data(**kwargs))


# Levels: (label, points, meets the standard)
LEVELS = [("Not yet", 0, False), ("Sufficient", 2, True), ("Good", 3, True)]


def make_rubric(
    framework: CompetencyFramework | None = None,
    *,
    criteria: int = 2,
    pass_points: int = 4,
) -> Rubric:
    rubric = Rubric.objects.create(
        name_en="Portfolio rubric", name_nl="Portfoliorubric", pass_points=pass_points
    )
    for order, (label, points, meets) in enumerate(LEVELS):
        RubricLevel.objects.create(
            rubric=rubric,
            label_en=label,
            label_nl=f"{label} nl",
            points=points,
            meets_standard=meets,
            sort_order=order,
        )
    competencies = (
        list(Competency.objects.filter(framework=framework)) if framework else []
    )
    for n in range(criteria):
        RubricCriterion.objects.create(
            rubric=rubric,
            title_en=f"Criterion {n + 1}",
            title_nl=f"Criterium {n + 1}",
            competency=competencies[n] if n < len(competencies) else None,
            descriptors_en="Nothing shown\nShown once\nShown well",
            descriptors_nl="Niets\nEén keer\nGoed",
            sort_order=n,
        )
    return rubric


def make_scheme(
    programme: ProgrammePage | None = None,
    *,
    framework: CompetencyFramework | None = None,
    rubric: Rubric | None = None,
    **rules: Any,
) -> CertificationScheme:
    framework = framework or make_framework()
    values: dict[str, Any] = {
        "min_attendance_percent": 0,
        "mandatory_sessions": [],
        "required_assignments": [],
        "min_reflections": 0,
        "evidence_for_every_competency": True,
    }
    values.update(rules)
    return CertificationScheme.objects.create(
        programme=programme or make_programme(),
        framework=framework,
        rubric=rubric if rubric is not None else make_rubric(framework),
        learning_outcomes_en="Outcomes",
        learning_outcomes_nl="Leerresultaten",
        workload_hours=84,
        quality_assurance_en="Two assessors",
        quality_assurance_nl="Twee beoordelaars",
        title_en="Certificate Inclusive Teaching",
        title_nl="Certificaat Inclusief Onderwijs",
        description_en="Description",
        description_nl="Beschrijving",
        **values,
    )


def write_entry(enrolment: Any, title: str = "My reflection") -> JournalEntry:
    return trajectory_services.save_entry(
        author=enrolment.user,
        enrolment=enrolment,
        title=title,
        sections={"what": f"<p>{title}: what I did</p>"},
    )


@dataclass
class World:
    """A cohort with a lecturer's portfolio and every role around it."""

    scheme: CertificationScheme
    cohort: Any
    enrolment: Any
    portfolio: Portfolio
    lecturer: Any
    other_lecturer: Any
    coach: Any  # coaches the cohort (may be the first assessor)
    assessor: Any  # a coach who does not coach the cohort
    assessor_b: Any  # another independent coach
    outsider: Any  # a coach with no allocation
    coordinator: Any
    admin: Any

    def competencies(self) -> list[Competency]:
        return list(
            Competency.objects.filter(framework=self.scheme.framework).order_by(
                "area__sort_order", "sort_order"
            )
        )

    def fill(self) -> None:
        """Evidence and a self-assessment for every competency."""
        entry = write_entry(self.enrolment, "Evidence entry")
        for competency in self.competencies():
            services.link_evidence(
                user=self.lecturer,
                portfolio=self.portfolio,
                competency=competency,
                journal_entry=entry,
                note="Shows it",
            )
            services.save_self_assessment(
                user=self.lecturer,
                portfolio=self.portfolio,
                competency=competency,
                level="proficient",
                text="I think I do this well.",
            )

    def submit(self) -> Any:
        self.fill()
        return services.submit_portfolio(user=self.lecturer, portfolio=self.portfolio)

    def allocate(self, first: Any = None, second: Any = None) -> list[Assessment]:
        self.portfolio.refresh_from_db()
        return services.allocate_assessors(
            actor=self.admin,
            portfolio=self.portfolio,
            first=first or self.coach,
            second=second or self.assessor,
        )


def make_world(
    faculty: Any, *, sessions: int = 3, first_session_in_days: int = -7, **rules: Any
) -> World:
    coach = person(Role.COACH, username="w-coach", faculty=faculty)
    cohort = make_cohort(
        coaches=(coach,), sessions=sessions, first_session_in_days=first_session_in_days
    )
    scheme = make_scheme(cohort.programme, **rules)
    lecturer = person(Role.LECTURER, username="w-lecturer", faculty=faculty)
    enrolment = trajectory_services.enrol(user=lecturer, cohort=cohort)
    portfolio = services.start_portfolio(user=lecturer, scheme=scheme)
    return World(
        scheme=scheme,
        cohort=cohort,
        enrolment=enrolment,
        portfolio=portfolio,
        lecturer=lecturer,
        other_lecturer=person(Role.LECTURER, username="w-other", faculty=faculty),
        coach=coach,
        assessor=person(Role.COACH, username="w-assessor"),
        assessor_b=person(Role.COACH, username="w-assessor-b"),
        outsider=person(Role.COACH, username="w-outsider"),
        coordinator=person(
            Role.FACULTY_COORDINATOR, username="w-coordinator", faculty=faculty
        ),
        admin=person(Role.PROGRAMME_ADMIN, username="w-admin"),
    )


def scores(assessment: Assessment, level_index: int) -> list[CriterionScoreInput]:
    """The same level (by position) for every criterion of the rubric."""
    level = list(assessment.rubric.levels.order_by("sort_order"))[level_index]
    return [
        CriterionScoreInput(criterion_id=c.pk, level_id=level.pk, comment="ok")
        for c in assessment.rubric.criteria.all()
    ]


def assess(assessment: Assessment, assessor: Any, level_index: int) -> Assessment:
    return services.submit_assessment(
        assessor=assessor,
        assessment=assessment,
        scores=scores(assessment, level_index),
        comment=f"Judgement at level {level_index}",
    )


def mark_present(world: World, numbers: list[int]) -> None:
    for session in world.cohort.sessions.filter(number__in=numbers):
        trajectory_services.mark_attendance(
            actor=world.coach,
            session=session,
            enrolment=world.enrolment,
            status=AttendanceStatus.PRESENT,
        )
