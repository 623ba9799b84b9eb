"""Reads of the certification app, shaped for a page, in a fixed number of queries.

One module per area; the names other apps and the tests use are importable from
`certification.selectors` itself.
"""

from __future__ import annotations

from .assessment import (
    AssessmentState,
    ResultRow,
    ResultTable,
    VersionView,
    assessment_by_pk,
    assessment_state,
    audit_trail,
    decided_results,
    latest_version,
    my_assessments,
    result_table,
    rubric_grid,
    scores_of,
    state_of,
    versions_of,
    visible_to_assessor,
)
from .eligibility import (
    ACTIVE_ENROLMENT,
    assignment_titles,
    current_portfolio,
    eligibility,
    enrolment_for,
)
from .frameworks import (
    competencies_of,
    export_csv,
    export_json,
    exported,
    framework_data,
)
from .insight import certified
from .portfolios import (
    AreaBlock,
    CompetencyLine,
    EvidenceChoices,
    EvidenceItem,
    SchemeOverview,
    competency_of,
    evidence_choices,
    evidence_item,
    evidence_link,
    my_certification,
    portfolio_by_pk,
    scheme_for_lecturer,
    version_by_pk,
    workspace,
)
from .programme import (
    AdminRow,
    assessor_candidates,
    portfolio_for_admin,
    portfolios_for_admin,
    version_assessments,
)

__all__ = [
    "ACTIVE_ENROLMENT",
    "AdminRow",
    "AreaBlock",
    "AssessmentState",
    "CompetencyLine",
    "EvidenceChoices",
    "EvidenceItem",
    "ResultRow",
    "ResultTable",
    "SchemeOverview",
    "VersionView",
    "assessment_by_pk",
    "assessment_state",
    "assessor_candidates",
    "assignment_titles",
    "audit_trail",
    "certified",
    "competencies_of",
    "competency_of",
    "current_portfolio",
    "decided_results",
    "eligibility",
    "enrolment_for",
    "evidence_choices",
    "evidence_item",
    "evidence_link",
    "export_csv",
    "export_json",
    "exported",
    "framework_data",
    "latest_version",
    "my_assessments",
    "my_certification",
    "portfolio_by_pk",
    "portfolio_for_admin",
    "portfolios_for_admin",
    "result_table",
    "rubric_grid",
    "scheme_for_lecturer",
    "scores_of",
    "state_of",
    "version_assessments",
    "version_by_pk",
    "versions_of",
    "visible_to_assessor",
    "workspace",
]
