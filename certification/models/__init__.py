"""Models of the certification app (re-exported for `engage_certification.<Model>`)."""

from __future__ import annotations

from .assessment import (
    Assessment,
    AssessorRole,
    AuditAction,
    AuditEvent,
    CriterionScore,
    Decision,
    DecisionOutcome,
    Outcome,
)
from .frameworks import Competency, CompetencyArea, CompetencyFramework, Indicator
from .portfolios import (
    EDITABLE,
    EvidenceKind,
    EvidenceLink,
    ImmutableRow,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
    SelfAssessment,
    SelfLevel,
)
from .schemes import (
    AssessmentType,
    CertificationScheme,
    EqfLevel,
    ParticipationForm,
    Rubric,
    RubricCriterion,
    RubricLevel,
)

__all__ = [
    "EDITABLE",
    "Assessment",
    "AssessmentType",
    "AssessorRole",
    "AuditAction",
    "AuditEvent",
    "CertificationScheme",
    "Competency",
    "CompetencyArea",
    "CompetencyFramework",
    "CriterionScore",
    "Decision",
    "DecisionOutcome",
    "EqfLevel",
    "EvidenceKind",
    "EvidenceLink",
    "ImmutableRow",
    "Indicator",
    "Outcome",
    "ParticipationForm",
    "Portfolio",
    "PortfolioStatus",
    "PortfolioVersion",
    "Rubric",
    "RubricCriterion",
    "RubricLevel",
    "SelfAssessment",
    "SelfLevel",
]
