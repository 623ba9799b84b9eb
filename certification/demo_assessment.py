"""Demo: a portfolio waiting for the demo `assessor`'s score.

`candidate` (password `engage-demo`) followed last year's cohort like `holder`
and submitted a portfolio; the programme admin allocated the demo coach (first)
and `assessor` (second). The coach has scored; the assessor has not, so signing
in as `assessor` shows it on the dashboard and the blind scoring can be tried
(the coach's scores appear only after the assessor submits). Idempotent: a
candidate who has a portfolio is left as they are.
"""

from __future__ import annotations

from typing import Any

from lms.accounts.models import Faculty
from lms.accounts.roles import Role
from lms.accounts.services import create_person

from . import services
from .data import CriterionScoreInput
from .demo_certificate import DEMO_PASSWORD, _person, _portfolio, _trajectory
from .models import Assessment, CertificationScheme, Portfolio

USERNAME = "candidate"


def _candidate() -> Any:
    return _person(USERNAME) or create_person(
        username=USERNAME, email=f"{USERNAME}@engage-pd.example",
        first_name="Noor", last_name="Jansen", password=DEMO_PASSWORD,
        faculty=Faculty.objects.filter(code="law").first(),
        department="Public Law", preferred_language="nl", roles=[Role.LECTURER],
    )  # fmt: skip


def _first_scores(assessment: Assessment) -> list[CriterionScoreInput]:
    levels = {level.label_en: level for level in assessment.rubric.levels.all()}
    return [
        CriterionScoreInput(
            criterion_id=criterion.pk,
            level_id=levels["Good"].pk,
            comment="Shown in the linked reflections.",
        )
        for criterion in assessment.rubric.criteria.order_by("sort_order")
    ]


def seed_open_assessment(scheme: CertificationScheme) -> Assessment | None:
    """The candidate's submitted portfolio, scored by the coach and waiting for
    `assessor` (once)."""
    admin, coach, assessor = _person("admin"), _person("coach"), _person("assessor")
    if None in (admin, coach, assessor) or not scheme.programme.assignments:
        return None
    candidate = _candidate()
    if not Portfolio.objects.filter(user=candidate, scheme=scheme).exists():
        entries, record = _trajectory(scheme, candidate, admin, coach)
        portfolio = _portfolio(scheme, candidate, entries, record)
        first, _second = services.allocate_assessors(
            actor=admin, portfolio=portfolio, first=coach, second=assessor
        )
        services.submit_assessment(
            assessor=coach,
            assessment=first,
            scores=_first_scores(first),
            comment="Solid evidence; the effect on students could be clearer.",
        )
    return Assessment.objects.filter(
        assessor=assessor, version__portfolio__user=candidate, submitted_at=None
    ).first()
