"""Reads of the certification app, shaped for a page, in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts.roles import Role
from lms.accounts.selectors import has_role
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

from .data import (
    AreaData,
    CompetencyData,
    Eligibility,
    FrameworkData,
    IndicatorData,
)
from .models import (
    Assessment,
    AssessorRole,
    AuditEvent,
    CertificationScheme,
    Competency,
    CompetencyFramework,
    CriterionScore,
    Decision,
    EvidenceLink,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    Rubric,
    SelfAssessment,
)

ACTIVE_ENROLMENT = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)


def is_programme_admin(user: Any) -> bool:
    return has_role(user, Role.PROGRAMME_ADMIN)


# --- frameworks -----------------------------------------------------------------------


def framework_data(framework: CompetencyFramework) -> FrameworkData:
    """The framework as import/export data (three queries)."""
    competencies = defaultdict(list)
    for competency in (
        Competency.objects.filter(framework=framework)
        .prefetch_related("indicators")
        .order_by("sort_order", "pk")
    ):
        competencies[competency.area_id].append(
            CompetencyData(
                code=competency.code,
                name_en=competency.name_en,
                name_nl=competency.name_nl,
                description_en=competency.description_en,
                description_nl=competency.description_nl,
                indicators=tuple(
                    IndicatorData(text_en=i.text_en, text_nl=i.text_nl)
                    for i in competency.indicators.all()
                ),
            )
        )
    return FrameworkData(
        code=framework.code,
        version=framework.version,
        name_en=framework.name_en,
        name_nl=framework.name_nl,
        description_en=framework.description_en,
        description_nl=framework.description_nl,
        areas=tuple(
            AreaData(
                code=area.code,
                name_en=area.name_en,
                name_nl=area.name_nl,
                competencies=tuple(competencies[area.pk]),
            )
            for area in framework.areas.order_by("sort_order", "pk")
        ),
    )


def competencies_of(framework_id: int) -> list[Competency]:
    """The framework's competencies in order (area, then competency), with area."""
    return list(
        Competency.objects.filter(framework_id=framework_id)
        .select_related("area")
        .order_by("area__sort_order", "area__pk", "sort_order", "pk")
    )


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
            "(%(done)d of %(needed)d needed)",
            "Share %(n)d more reflections with your coach or peer group "
            "(%(done)d of %(needed)d needed)",
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


# --- the lecturer's pages -------------------------------------------------------------


@dataclass(frozen=True)
class SchemeOverview:
    scheme: CertificationScheme
    eligibility: Eligibility
    portfolio: Portfolio | None


def my_certification(user: Any) -> list[SchemeOverview]:
    """Open schemes of the programmes `user` follows (and any scheme they have a
    portfolio for), each with eligibility and their portfolio."""
    programme_ids = set(
        Enrolment.objects.filter(user=user, status__in=ACTIVE_ENROLMENT).values_list(
            "cohort__programme_id", flat=True
        )
    )
    portfolios: dict[int, Portfolio] = {}
    for portfolio in (
        Portfolio.objects.filter(user=user)
        .select_related("enrolment__cohort")
        .order_by("created_at", "pk")
    ):
        portfolios[portfolio.scheme_id] = portfolio  # the latest wins
    schemes = (
        CertificationScheme.objects.filter(
            Q(is_active=True, programme_id__in=programme_ids)
            | Q(pk__in=list(portfolios))
        )
        .select_related("programme", "framework")
        .order_by("title_en", "pk")
    )
    return [
        SchemeOverview(
            scheme=scheme,
            eligibility=eligibility(
                user=user, scheme=scheme, portfolio=portfolios.get(scheme.pk)
            ),
            portfolio=portfolios.get(scheme.pk),
        )
        for scheme in schemes
    ]


def scheme_for_lecturer(user: Any, scheme_id: int) -> CertificationScheme | None:
    """An open scheme of a programme `user` follows."""
    return (
        CertificationScheme.objects.filter(
            pk=scheme_id,
            is_active=True,
            programme__in=Enrolment.objects.filter(
                user=user, status__in=ACTIVE_ENROLMENT
            ).values("cohort__programme"),
        )
        .select_related("programme", "framework")
        .first()
    )


def own_portfolio(user: Any, portfolio_id: int) -> Portfolio | None:
    """The person's own portfolio (None for anyone else's)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Portfolio.objects.filter(pk=portfolio_id, user=user)
        .select_related(
            "scheme__framework", "scheme__programme", "enrolment__cohort", "user"
        )
        .first()
    )


@dataclass(frozen=True)
class EvidenceItem:
    link: EvidenceLink
    title: str


@dataclass(frozen=True)
class CompetencyLine:
    competency: Competency
    evidence: list[EvidenceItem]
    self_assessment: SelfAssessment | None


@dataclass(frozen=True)
class AreaBlock:
    area: Any
    lines: list[CompetencyLine]


def _evidence_title(link: EvidenceLink, titles: dict[str, str]) -> str:
    if link.journal_entry is not None:
        return link.journal_entry.title
    if link.assignment_record is not None:
        key = link.assignment_record.assignment_key
        return titles.get(key, key)
    return link.file_name


def workspace(
    portfolio: Portfolio, *, competency_id: int | None = None
) -> list[AreaBlock]:
    """Areas → competencies of the portfolio's framework, each with its evidence
    and self-assessment (five queries whatever the size)."""
    competencies = [
        c
        for c in competencies_of(portfolio.scheme.framework_id)
        if competency_id is None or c.pk == competency_id
    ]
    titles = assignment_titles(portfolio.scheme)
    evidence: dict[int, list[EvidenceItem]] = defaultdict(list)
    for link in EvidenceLink.objects.filter(portfolio=portfolio).select_related(
        "journal_entry", "assignment_record"
    ):
        evidence[link.competency_id].append(
            EvidenceItem(link=link, title=_evidence_title(link, titles))
        )
    selves = {s.competency_id: s for s in portfolio.self_assessments.all()}
    blocks: list[AreaBlock] = []
    for competency in competencies:
        line = CompetencyLine(
            competency=competency,
            evidence=evidence.get(competency.pk, []),
            self_assessment=selves.get(competency.pk),
        )
        if blocks and blocks[-1].area.pk == competency.area_id:
            blocks[-1].lines.append(line)
        else:
            blocks.append(AreaBlock(area=competency.area, lines=[line]))
    return blocks


def competency_of(portfolio: Portfolio, competency_id: int) -> Competency | None:
    return (
        Competency.objects.filter(
            pk=competency_id, framework_id=portfolio.scheme.framework_id
        )
        .select_related("area")
        .prefetch_related("indicators")
        .first()
    )


@dataclass(frozen=True)
class EvidenceChoices:
    entries: list[JournalEntry]
    records: list[tuple[AssignmentRecord, str]]


def evidence_choices(portfolio: Portfolio) -> EvidenceChoices:
    """What the lecturer may link: their own journal entries and submitted
    assignment records of the portfolio's trajectory (two queries)."""
    entries = list(
        JournalEntry.objects.filter(enrolment_id=portfolio.enrolment_id)
        .only("pk", "title", "updated_at", "visibility", "enrolment_id")
        .order_by("-updated_at", "-pk")
    )
    titles = assignment_titles(portfolio.scheme)
    records = [
        (record, titles.get(record.assignment_key, record.assignment_key))
        for record in AssignmentRecord.objects.filter(
            enrolment_id=portfolio.enrolment_id, status=AssignmentStatus.SUBMITTED
        ).order_by("submitted_at", "pk")
    ]
    return EvidenceChoices(entries=entries, records=records)


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


def assessment_for(user: Any, assessment_id: int) -> Assessment | None:
    """One assessment of `user` (None when it is not theirs)."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Assessment.objects.filter(pk=assessment_id, assessor=user)
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


def audit_trail(portfolio: Portfolio) -> list[AuditEvent]:
    return list(
        AuditEvent.objects.filter(portfolio=portfolio)
        .select_related("actor__engage_profile")
        .order_by("at", "pk")
    )


def version_for_reader(user: Any, version_id: int) -> PortfolioVersion | None:
    """A submitted version for its author, an assessor allocated to it, or a
    programme admin; None for everyone else."""
    if not getattr(user, "is_authenticated", False):
        return None
    version = (
        PortfolioVersion.objects.filter(pk=version_id)
        .select_related("portfolio")
        .first()
    )
    if version is None:
        return None
    if version.portfolio.user_id == user.pk or is_programme_admin(user):
        return version
    if Assessment.objects.filter(version=version, assessor=user).exists():
        return version
    return None


def evidence_for_owner(user: Any, link_id: int) -> EvidenceLink | None:
    return (
        EvidenceLink.objects.filter(pk=link_id, portfolio__user=user)
        .select_related("portfolio")
        .first()
    )


# --- the programme team ---------------------------------------------------------------


@dataclass(frozen=True)
class AdminRow:
    portfolio: Portfolio
    version: PortfolioVersion | None
    state: AssessmentState | None
    next_step: str


def _next_step(portfolio: Portfolio, state: AssessmentState | None) -> str:
    if portfolio.status == PortfolioStatus.SUBMITTED:
        return _("Allocate two assessors")
    if portfolio.status != PortfolioStatus.UNDER_ASSESSMENT or state is None:
        return ""
    if state.needs_reconciliation and state.third is None:
        return _("Allocate a third assessor")
    if state.ready_for_decision:
        return _("Confirm the decision")
    return _("Waiting for the assessors")


def portfolios_for_admin(*, status: str = "") -> list[AdminRow]:
    """Every portfolio past the draft stage (or with `status`), with its latest
    version's assessments and the next step (four queries whatever the number)."""
    portfolios = Portfolio.objects.exclude(status=PortfolioStatus.DRAFT)
    if status in PortfolioStatus.values:
        portfolios = Portfolio.objects.filter(status=status)
    portfolios = (
        portfolios.select_related("scheme", "user__engage_profile", "enrolment__cohort")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=PortfolioVersion.objects.only(
                    "pk", "portfolio_id", "number", "submitted_at"
                )
                .prefetch_related(
                    Prefetch(
                        "assessments",
                        queryset=Assessment.objects.only(
                            "pk",
                            "version_id",
                            "role",
                            "outcome",
                            "submitted_at",
                            "assessor_id",
                        ),
                    )
                )
                .order_by("-number"),
            )
        )
        .order_by("-submitted_at", "-pk")
    )
    rows = []
    for portfolio in portfolios:
        versions = list(portfolio.versions.all())
        version = versions[0] if versions else None
        state = state_of(list(version.assessments.all())) if version else None
        rows.append(
            AdminRow(
                portfolio=portfolio,
                version=version,
                state=state,
                next_step=_next_step(portfolio, state),
            )
        )
    return rows


def portfolio_for_admin(portfolio_id: int) -> Portfolio | None:
    return (
        Portfolio.objects.filter(pk=portfolio_id)
        .select_related(
            "scheme__framework",
            "scheme__rubric",
            "scheme__programme",
            "enrolment__cohort",
            "user__engage_profile",
        )
        .first()
    )


def version_assessments(version: PortfolioVersion) -> list[Assessment]:
    return list(
        version.assessments.select_related(
            "assessor__engage_profile", "rubric"
        ).order_by("role")
    )


def assessor_candidates() -> QuerySet[Any]:
    """People who may be allocated as assessor: active coaches, by name."""
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.COACH.group_name)
        .select_related("engage_profile")
        .order_by("last_name", "first_name", "username")
        .distinct()
    )


def certified() -> Any:
    """For reports: true for an enrolment whose portfolio was awarded the
    certificate (annotate an `Enrolment` queryset with it)."""
    from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef

    from .models import Decision, DecisionOutcome

    return ExpressionWrapper(
        Exists(
            Decision.objects.filter(
                outcome=DecisionOutcome.AWARD,
                version__portfolio__enrolment=OuterRef("pk"),
            )
        ),
        output_field=BooleanField(),
    )
