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
from .credentials import (
    CredentialState,
    IssuedCredential,
    RevocationReason,
    StatusList,
    StatusPurpose,
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
    "CredentialState",
    "CriterionScore",
    "Decision",
    "DecisionOutcome",
    "EqfLevel",
    "EvidenceKind",
    "EvidenceLink",
    "ImmutableRow",
    "Indicator",
    "IssuedCredential",
    "Outcome",
    "ParticipationForm",
    "Portfolio",
    "PortfolioStatus",
    "PortfolioVersion",
    "Rubric",
    "RubricCriterion",
    "RevocationReason",
    "RubricLevel",
    "SelfAssessment",
    "SelfLevel",
    "StatusList",
    "StatusPurpose",
]
