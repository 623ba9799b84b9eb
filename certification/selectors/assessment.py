"""Assessment state, results and the assessor's pages (blind scoring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from ..models import (
    Assessment,
    AssessorRole,
    AuditEvent,
    CertificationScheme,
    CriterionScore,
    Decision,
    DecisionOutcome,
    Outcome,
    Portfolio,
    PortfolioVersion,
    Rubric,
)

# --- assessment state -----------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentState:
    """Where the assessment of one submitted version stands."""

    first: Assessment | None
    second: Assessment | None
    third: Assessment | None

    @property
    def both_submitted(self) -> bool:
        return bool(
            self.first
            and self.first.is_submitted
            and self.second
            and self.second.is_submitted
        )

    @property
    def needs_reconciliation(self) -> bool:
        return (
            self.both_submitted
            and self.first is not None
            and self.second is not None
            and self.first.outcome != self.second.outcome
        )

    @property
    def recommended(self) -> str:
        """The outcome the assessors arrived at ("" while they have not)."""
        if not self.both_submitted or self.first is None:
            return ""
        if not self.needs_reconciliation:
            return self.first.outcome
        if self.third is not None and self.third.is_submitted:
            return self.third.outcome
        return ""

    @property
    def ready_for_decision(self) -> bool:
        return bool(self.recommended)

    def all(self) -> list[Assessment]:
        return [a for a in (self.first, self.second, self.third) if a is not None]


def state_of(assessments: list[Assessment]) -> AssessmentState:
    by_role = {a.role: a for a in assessments}
    return AssessmentState(
        first=by_role.get(AssessorRole.FIRST),
        second=by_role.get(AssessorRole.SECOND),
        third=by_role.get(AssessorRole.THIRD),
    )


def assessment_state(version: PortfolioVersion) -> AssessmentState:
    return state_of(list(version.assessments.all()))


def latest_version(portfolio: Portfolio) -> PortfolioVersion | None:
    return portfolio.versions.order_by("-number").first()


# --- results beside the self-assessment (after the decision) --------------------------


@dataclass(frozen=True)
class ResultRow:
    criterion: Any
    # Level per assessment, in the order of `ResultTable.assessments`.
    levels: list[Any]


@dataclass(frozen=True)
class ResultTable:
    rubric: Rubric
    assessments: list[Assessment]
    rows: list[ResultRow]


def result_table(assessments: list[Assessment]) -> ResultTable | None:
    """Criteria × submitted assessments with the level each chose."""
    done = [a for a in assessments if a.is_submitted]
    if not done:
        return None
    rubric = done[0].rubric
    criteria = list(rubric.criteria.order_by("sort_order", "pk"))
    levels = {
        (score.assessment_id, score.criterion_id): score.level
        for score in CriterionScore.objects.filter(assessment__in=done).select_related(
            "level"
        )
    }
    return ResultTable(
        rubric=rubric,
        assessments=done,
        rows=[
            ResultRow(
                criterion=criterion,
                levels=[levels.get((a.pk, criterion.pk)) for a in done],
            )
            for criterion in criteria
        ],
    )


@dataclass(frozen=True)
class VersionView:
    version: PortfolioVersion
    decision: Decision | None


def versions_of(portfolio: Portfolio) -> list[VersionView]:
    """Submitted versions, newest first, each with its decision (one query)."""
    versions = (
        PortfolioVersion.objects.filter(portfolio=portfolio)
        .select_related("decision")
        .order_by("-number")
    )
    views = []
    for version in versions:
        try:
            decision = version.decision
        except Decision.DoesNotExist:
            decision = None
        views.append(VersionView(version=version, decision=decision))
    return views


def decided_results(version: PortfolioVersion) -> ResultTable | None:
    """The rubric results the lecturer may see: only once the version has a
    decision, and only the assessments it rests on."""
    if not Decision.objects.filter(version=version).exists():
        return None
    state = state_of(
        list(version.assessments.select_related("rubric").order_by("role"))
    )
    basis = [state.third] if state.needs_reconciliation else [state.first, state.second]
    return result_table([a for a in basis if a is not None])


# --- assessors ------------------------------------------------------------------------


def my_assessments(user: Any) -> list[Assessment]:
    """The assessments allocated to `user`, open ones first (one query)."""
    return list(
        Assessment.objects.filter(assessor=user)
        .select_related(
            "version__portfolio__scheme",
            "version__portfolio__user__engage_profile",
            "version__portfolio__enrolment__cohort",
        )
        .order_by(F("submitted_at").desc(nulls_first=True), "-allocated_at", "-pk")
    )


@dataclass(frozen=True)
class AssessorOverview:
    """The assessor's dashboard panel: what waits for their score, oldest
    allocation first, and how many they scored already."""

    open: list[Assessment]
    submitted: int

    @property
    def allocated_any(self) -> bool:
        return bool(self.open or self.submitted)


def assessor_overview(user: Any) -> AssessorOverview:
    """Only `user`'s own assessments; never the other assessors' (blind
    scoring). Two queries whatever the number."""
    mine = Assessment.objects.filter(assessor=user)
    waiting = (
        mine.filter(submitted_at__isnull=True)
        .select_related(
            "version__portfolio__scheme", "version__portfolio__user__engage_profile"
        )
        .order_by("allocated_at", "pk")
    )
    return AssessorOverview(
        open=list(waiting), submitted=mine.filter(submitted_at__isnull=False).count()
    )


def assessment_by_pk(assessment_id: int) -> Assessment | None:
    """One assessment with its portfolio (the caller asks `assess`)."""
    return (
        Assessment.objects.filter(pk=assessment_id)
        .select_related(
            "rubric",
            "version__portfolio__scheme",
            "version__portfolio__user__engage_profile",
            "version__portfolio__enrolment__cohort",
        )
        .first()
    )


def visible_to_assessor(assessment: Assessment) -> list[Assessment]:
    """The other assessments of the same version this assessor may see: none
    until the first and second assessor have both submitted (blind scoring);
    then the other one (and the third assessor sees the first two)."""
    others = list(
        Assessment.objects.filter(version_id=assessment.version_id)
        .exclude(pk=assessment.pk)
        .select_related("rubric", "assessor__engage_profile")
    )
    state = state_of([*others, assessment])
    if not state.both_submitted:
        return []
    if assessment.role == AssessorRole.THIRD:
        return [a for a in others if a.role != AssessorRole.THIRD]
    return [a for a in others if a.is_submitted and a.role != AssessorRole.THIRD]


def scores_of(assessment: Assessment) -> dict[int, CriterionScore]:
    """The assessor's level per criterion id."""
    return {
        s.criterion_id: s
        for s in CriterionScore.objects.filter(assessment=assessment).select_related(
            "level"
        )
    }


def rubric_grid(rubric: Rubric) -> tuple[list[Any], list[Any]]:
    """(levels, criteria) of a rubric in order (two queries)."""
    return (
        list(rubric.levels.order_by("sort_order", "pk")),
        list(rubric.criteria.select_related("competency").order_by("sort_order", "pk")),
    )


@dataclass(frozen=True)
class AuditLine:
    """An audit event with its details named for people: the version's number,
    the rubric's, scheme's and assessor's names, never database ids."""

    event: AuditEvent
    details: list[tuple[str, str]]


_DETAIL_LABELS = {
    "version": _("version"),
    "number": _("version"),
    "role": _("role"),
    "assessor": _("assessor"),
    "rubric": _("rubric"),
    "scheme": _("scheme"),
    "outcome": _("outcome"),
    "recommended": _("recommended"),
}
_VALUE_LABELS = {
    **dict(AssessorRole.choices),
    **dict(Outcome.choices),
    **dict(DecisionOutcome.choices),
}


def audit_trail(portfolio: Portfolio) -> list[AuditLine]:
    """The portfolio's audit events, oldest first, their details named (a fixed
    number of queries: the events, then one per kind of thing they name)."""
    events = list(
        AuditEvent.objects.filter(portfolio=portfolio)
        .select_related("actor__engage_profile")
        .order_by("at", "pk")
    )

    def ids(key: str) -> set[int]:
        return {e.details[key] for e in events if isinstance(e.details.get(key), int)}

    names: dict[str, dict[int, str]] = {
        "version": {
            pk: str(number)
            for pk, number in PortfolioVersion.objects.filter(
                pk__in=ids("version")
            ).values_list("pk", "number")
        },
        "rubric": {r.pk: str(r) for r in Rubric.objects.filter(pk__in=ids("rubric"))},
        "scheme": {
            s.pk: str(s)
            for s in CertificationScheme.objects.filter(pk__in=ids("scheme"))
        },
        "assessor": {
            user.pk: _person_name(user)
            for user in get_user_model()
            .objects.filter(pk__in=ids("assessor"))
            .select_related("engage_profile")
        },
    }
    return [AuditLine(event, _named(event.details, names)) for event in events]


def _person_name(user: Any) -> str:
    profile = getattr(user, "engage_profile", None)
    return str(getattr(profile, "display_name", "") or user.get_username())


def _named(
    details: dict[str, Any], names: dict[str, dict[int, str]]
) -> list[tuple[str, str]]:
    lines = []
    for key, value in details.items():
        if key == "version" and "number" in details:
            continue  # the number says it
        if key in names:
            shown = names[key].get(value, str(_("(removed)")))
        else:
            shown = str(_VALUE_LABELS.get(value, value))
        lines.append((str(_DETAIL_LABELS.get(key, key)), shown))
    return lines
