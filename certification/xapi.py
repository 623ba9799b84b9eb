"""The learning events of certification (pure: data in, event out).

Statement identities are irreversible: changing one makes recorded events count
twice. Nothing a person wrote (evidence, self-assessment, assessor comments,
feedback) ever goes into a statement; assessors' results carry only pass/not yet
and the share of the rubric's points.
"""

from __future__ import annotations

import uuid
from typing import Any

from lms.xapi.builder import activity_iri, programme_ref
from lms.xapi.data import ActivityRef, LearningEvent, ResultData
from lms.xapi.vocabulary import ActivityTypes, Extensions, Verbs


def certificate_ref(scheme: Any) -> ActivityRef:
    return ActivityRef(
        activity_iri("certificate", scheme.pk),
        ActivityTypes.CERTIFICATE,
        scheme.title_en[:200],
        scheme.title_nl[:200],
    )


def portfolio_ref(portfolio: Any) -> ActivityRef:
    return ActivityRef(activity_iri("portfolio", portfolio.pk), ActivityTypes.PORTFOLIO)


def portfolio_submitted(
    *, actor: uuid.UUID, portfolio: Any, version: Any
) -> LearningEvent:
    """The lecturer submitted (a new version of) their portfolio."""
    scheme = portfolio.scheme
    return LearningEvent(
        identity=f"portfolio-submitted:{version.pk}",
        actor_xapi_id=actor,
        verb=Verbs.SUBMITTED,
        object=portfolio_ref(portfolio),
        timestamp=version.submitted_at,
        registration=portfolio.enrolment.registration,
        parents=(certificate_ref(scheme),),
        groupings=(programme_ref(scheme.programme),),
    )


def portfolio_assessed(*, actor: uuid.UUID, assessment: Any) -> LearningEvent:
    """An assessor submitted their rubric assessment (actor: the assessor).

    Without the candidate's registration: the assessor's record is their own.
    """
    portfolio = assessment.version.portfolio
    scheme = portfolio.scheme
    max_points = assessment.max_points or 0
    return LearningEvent(
        identity=f"portfolio-assessed:{assessment.pk}",
        actor_xapi_id=actor,
        verb=Verbs.ASSESSED,
        object=portfolio_ref(portfolio),
        timestamp=assessment.submitted_at,
        parents=(certificate_ref(scheme),),
        groupings=(programme_ref(scheme.programme),),
        result=ResultData(
            success=assessment.outcome == "pass",
            score_scaled=round((assessment.total_points or 0) / max_points, 4)
            if max_points
            else None,
        ),
    )


def certificate_earned(
    *, actor: uuid.UUID, portfolio: Any, decision: Any
) -> LearningEvent:
    """The programme team confirmed the award: the lecturer earned the certificate."""
    scheme = portfolio.scheme
    return LearningEvent(
        identity=f"certificate-earned:{decision.pk}",
        actor_xapi_id=actor,
        verb=Verbs.EARNED,
        object=certificate_ref(scheme),
        timestamp=decision.decided_at,
        registration=portfolio.enrolment.registration,
        parents=(portfolio_ref(portfolio),),
        groupings=(programme_ref(scheme.programme),),
        result=ResultData(completion=True, success=True),
    )


def credential_ref(credential: Any) -> ActivityRef:
    """The issued credential by its (random) credential id, never a name."""
    return ActivityRef(
        activity_iri("credential", credential.credential_id), ActivityTypes.CREDENTIAL
    )


def credential_revoked(
    *, actor: uuid.UUID, credential: Any, registration: uuid.UUID | None
) -> LearningEvent:
    """The programme team revoked a credential issued to the holder (actor: the
    holder, verb "had a credential revoked"); the reason is a category only."""
    scheme = credential.scheme
    return LearningEvent(
        identity=f"credential-revoked:{credential.credential_id}",
        actor_xapi_id=actor,
        verb=Verbs.REVOKED_CREDENTIAL,
        object=credential_ref(credential),
        timestamp=credential.revoked_at,
        registration=registration,
        parents=(certificate_ref(scheme),),
        groupings=(programme_ref(scheme.programme),),
        result=ResultData(
            extensions={Extensions.REVOCATION_REASON: credential.revocation_reason}
        ),
    )
