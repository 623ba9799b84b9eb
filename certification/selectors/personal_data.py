"""A person's certification data for their "My data" download (their own only).

As a candidate: portfolios with evidence and self-assessments, every submitted
version as frozen, and for each decided version the decision with its feedback
and the rubric results with the assessors' comments (never their names); the
credentials issued to them, verbatim. As an assessor or programme team member:
their own assessments, decisions, revocations and audit events — ids, dates and
outcomes, never another candidate's name or portfolio.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch

from ..models import (
    Assessment,
    AuditEvent,
    CriterionScore,
    Decision,
    EvidenceLink,
    IssuedCredential,
    Portfolio,
    PortfolioVersion,
    SelfAssessment,
)
from .assessment import ResultRow, decided_results
from .credentials import verification_url


def _pair(en: str, nl: str) -> dict[str, str]:
    return {"en": en, "nl": nl}


def _evidence(link: EvidenceLink) -> dict[str, Any]:
    item: dict[str, Any] = {
        "competency": link.competency.code,
        "kind": link.kind,
        "note": link.note,
        "created_at": link.created_at,
    }
    if link.journal_entry is not None:
        item["journal_entry"] = {
            "id": link.journal_entry_id,
            "title": link.journal_entry.title,
        }
    elif link.assignment_record is not None:
        item["assignment_record"] = {"id": link.assignment_record_id}
    else:
        item["file"] = {
            "name": link.file_name,
            "size": link.file_size,
            "sha256": link.file_sha256,
        }
    return item


def _criterion(row: ResultRow, level: Any, comment: str) -> dict[str, Any]:
    return {
        "criterion": _pair(row.criterion.title_en, row.criterion.title_nl),
        "level": _pair(level.label_en, level.label_nl) if level else None,
        "points": level.points if level else None,
        "comment": comment,
    }


def _results(version: PortfolioVersion) -> list[dict[str, Any]]:
    """The rubric results the decision rests on, as the lecturer's page shows
    them (assessors numbered, never named), with the assessors' comments."""
    table = decided_results(version)
    if table is None:
        return []
    comments = {
        (score.assessment_id, score.criterion_id): score.comment
        for score in CriterionScore.objects.filter(assessment__in=table.assessments)
    }
    return [
        {
            "assessor": position + 1,
            "outcome": assessment.outcome,
            "total_points": assessment.total_points,
            "max_points": assessment.max_points,
            "comment": assessment.comment,
            "criteria": [
                _criterion(
                    row,
                    row.levels[position],
                    comments.get((assessment.pk, row.criterion.pk), ""),
                )
                for row in table.rows
            ],
        }
        for position, assessment in enumerate(table.assessments)
    ]


def _decision(version: PortfolioVersion) -> dict[str, Any] | None:
    try:
        decision = version.decision
    except Decision.DoesNotExist:
        return None
    return {
        "outcome": decision.outcome,
        "feedback": decision.feedback,
        "decided_at": decision.decided_at,
        "rubric": {"name": decision.rubric.name_en, "version": decision.rubric.version},
        "results": _results(version),
    }


def _portfolio(portfolio: Portfolio) -> dict[str, Any]:
    scheme = portfolio.scheme
    cohort = portfolio.enrolment.cohort
    return {
        "id": portfolio.pk,
        "certificate": _pair(scheme.title_en, scheme.title_nl),
        "cohort": {"title": cohort.title, "academic_year": cohort.academic_year},
        "status": portfolio.status,
        "created_at": portfolio.created_at,
        "submitted_at": portfolio.submitted_at,
        "evidence": [_evidence(link) for link in portfolio.evidence.all()],
        "self_assessments": [
            {
                "competency": s.competency.code,
                "level": s.level,
                "text": s.text,
                "updated_at": s.updated_at,
            }
            for s in portfolio.self_assessments.all()
        ],
        "submitted_versions": [
            {
                "number": version.number,
                "submitted_at": version.submitted_at,
                # Exactly what the assessors judged.
                "snapshot": version.snapshot,
                "decision": _decision(version),
            }
            for version in portfolio.versions.all()
        ],
    }


def _credential(credential: IssuedCredential) -> dict[str, Any]:
    return {
        "credential_id": f"urn:uuid:{credential.credential_id}",
        "state": credential.state().value,
        "issued_at": credential.issued_at,
        "valid_until": credential.valid_until,
        "revoked_at": credential.revoked_at,
        "revocation_reason": credential.revocation_reason,
        "revocation_note": credential.revocation_note,
        "verification_url": verification_url(credential),
        # The signed credential, verbatim (any Open Badges verifier checks it).
        "credential": credential.document,
    }


def _as_candidate(user: Any) -> dict[str, Any]:
    portfolios = (
        Portfolio.objects.filter(user=user)
        .select_related("scheme", "enrolment__cohort")
        .prefetch_related(
            Prefetch(
                "evidence",
                EvidenceLink.objects.select_related(
                    "competency", "journal_entry"
                ).order_by("competency__sort_order", "created_at", "pk"),
            ),
            Prefetch(
                "self_assessments",
                SelfAssessment.objects.select_related("competency").order_by(
                    "competency__sort_order", "pk"
                ),
            ),
            Prefetch(
                "versions",
                PortfolioVersion.objects.select_related("decision__rubric").order_by(
                    "number"
                ),
            ),
        )
        .order_by("created_at", "pk")
    )
    credentials = IssuedCredential.objects.filter(user=user).order_by("issued_at", "pk")
    return {
        "portfolios": [_portfolio(p) for p in portfolios],
        "certificates": [_credential(c) for c in credentials],
    }


def _as_staff(user: Any) -> dict[str, Any]:
    return {
        "assessments": [
            {
                "id": a.pk,
                "role": a.role,
                "certificate": _pair(
                    a.version.portfolio.scheme.title_en,
                    a.version.portfolio.scheme.title_nl,
                ),
                "allocated_at": a.allocated_at,
                "submitted_at": a.submitted_at,
                "outcome": a.outcome,
                "total_points": a.total_points,
                "max_points": a.max_points,
                "comment": a.comment,
            }
            for a in Assessment.objects.filter(assessor=user)
            .select_related("version__portfolio__scheme")
            .order_by("allocated_at", "pk")
        ],
        "decisions_confirmed": [
            {"id": pk, "outcome": outcome, "decided_at": at}
            for pk, outcome, at in Decision.objects.filter(decided_by=user)
            .order_by("decided_at", "pk")
            .values_list("pk", "outcome", "decided_at")
        ],
        "credentials_revoked": [
            {"credential_id": f"urn:uuid:{cid}", "revoked_at": at, "reason": reason}
            for cid, at, reason in IssuedCredential.objects.filter(revoked_by=user)
            .order_by("revoked_at", "pk")
            .values_list("credential_id", "revoked_at", "revocation_reason")
        ],
        "audit_events": [
            {"action": action, "at": at}
            for action, at in AuditEvent.objects.filter(actor=user)
            .order_by("at", "pk")
            .values_list("action", "at")
        ],
    }


def personal_data(*, user: Any) -> dict[str, Any]:
    """What certification holds about `user`, JSON-ready (their own only)."""
    return {**_as_candidate(user), **_as_staff(user)}
