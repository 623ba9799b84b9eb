"""Forms of certification: parse input into values; no rules beyond the shape of
a field (the services validate and refuse)."""

from __future__ import annotations

from .credentials import FrameworkImportForm, ReissueForm, RevokeForm, VerifyForm
from .portfolios import (
    AllocationForm,
    AssessmentForm,
    DecisionForm,
    LinkEvidenceForm,
    SelfAssessmentForm,
    SubmitForm,
    ThirdAssessorForm,
    UploadEvidenceForm,
)

__all__ = [
    "AllocationForm",
    "AssessmentForm",
    "DecisionForm",
    "FrameworkImportForm",
    "LinkEvidenceForm",
    "ReissueForm",
    "RevokeForm",
    "SelfAssessmentForm",
    "SubmitForm",
    "ThirdAssessorForm",
    "UploadEvidenceForm",
    "VerifyForm",
]
