"""The lecturer's pages: their schemes, portfolios, evidence and versions."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from trajectories.models import (
    AssignmentRecord,
    AssignmentStatus,
    Enrolment,
    JournalEntry,
)

from ..data import (
    Eligibility,
)
from ..models import (
    CertificationScheme,
    Competency,
    EvidenceLink,
    Portfolio,
    PortfolioVersion,
    SelfAssessment,
)
from .eligibility import (
    ACTIVE_ENROLMENT,
    assignment_titles,
    eligibility,
)
from .frameworks import competencies_of

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


def portfolio_by_pk(portfolio_id: int) -> Portfolio | None:
    """A portfolio with what its pages show (the caller asks `view_portfolio`)."""
    return (
        Portfolio.objects.filter(pk=portfolio_id)
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


def version_by_pk(version_id: int) -> PortfolioVersion | None:
    """A submitted version with its portfolio (the caller asks `view_version`)."""
    return (
        PortfolioVersion.objects.filter(pk=version_id)
        .select_related("portfolio")
        .first()
    )


def evidence_link(link_id: int) -> EvidenceLink | None:
    """A piece of evidence with its portfolio (the caller asks `change_evidence`)."""
    return EvidenceLink.objects.filter(pk=link_id).select_related("portfolio").first()


def evidence_item(kind: str, item_pk: int) -> dict[str, Any]:
    """The journal entry or assignment record a link form chose, as the keyword
    arguments of `services.link_evidence` (the service checks whose it is)."""
    return {
        "journal_entry": JournalEntry.objects.filter(pk=item_pk).first()
        if kind == "journal"
        else None,
        "assignment_record": AssignmentRecord.objects.filter(pk=item_pk).first()
        if kind == "assignment"
        else None,
    }
