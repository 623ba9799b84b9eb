"""What an awarded certificate says: the engine's CredentialData from our models.

LOUD: everything built here is signed into the credential (see
`openbadges/documents.py`); a change of wording or of an IRI pattern changes every
credential issued afterwards and is a reviewed change (the golden file in
tests/certification/golden/issued_credential.json).

EU micro-credential elements map onto Open Badges 3.0 as follows: the workload
becomes `creditsAvailable` (ECTS, 28 hours each), the EQF level an alignment to
the European Qualifications Framework, and the learning outcomes, type of
assessment, form of participation and quality assurance are written into the
achievement's criteria narrative (Markdown), beside the scheme's rules.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lms.accounts.selectors import profile_of

from ..conf import certification_settings
from ..models import (
    CertificationScheme,
    Competency,
    Decision,
    EqfLevel,
    Rubric,
)
from ..openbadges.data import (
    AchievementData,
    AlignmentData,
    CredentialData,
    IssuerProfileData,
    RecipientData,
    RubricCriterionData,
    RubricLevelData,
    RubricResultData,
    StatusEntryData,
)
from .assessment import decided_results

HOURS_PER_ECTS = 28
EQF_URL = "https://europa.eu/europass/en/description-eight-eqf-levels"


@dataclass(frozen=True)
class Issuance:
    """The per-credential facts chosen at issuing time."""

    credential_id: uuid.UUID
    salt: str
    language: str
    valid_from: datetime
    valid_until: datetime | None
    status: StatusEntryData


def issuer_profile() -> IssuerProfileData:
    """The issuer as the settings describe it (signed into every credential)."""
    return IssuerProfileData(
        id=certification_settings.issuer_id,
        name=certification_settings.issuer_name,
        url=certification_settings.issuer_url,
        description=certification_settings.issuer_description,
        email=certification_settings.issuer_email,
    )


def _site(path: str) -> str:
    return certification_settings.site_url + path


def achievement_iri(scheme: CertificationScheme) -> str:
    return _site(f"/certification/achievements/{scheme.pk}")


def competency_iri(competency: Competency) -> str:
    framework = competency.framework
    return _site(
        f"/certification/frameworks/{framework.code}/{framework.version}"
        f"/competencies/{competency.code}"
    )


def criterion_iri(rubric: Rubric, criterion_id: int) -> str:
    return _site(f"/certification/rubrics/{rubric.pk}/criteria/{criterion_id}")


def level_iri(rubric: Rubric, criterion_id: int, level_id: int) -> str:
    return f"{criterion_iri(rubric, criterion_id)}/levels/{level_id}"


def _alignment(competency: Competency) -> AlignmentData:
    return AlignmentData(
        target_name=competency.name,
        target_url=competency_iri(competency),
        target_framework=competency.framework.name,
        target_code=competency.code,
        target_description=competency.description,
    )


def _eqf_alignment(scheme: CertificationScheme) -> AlignmentData:
    return AlignmentData(
        target_name=str(EqfLevel(scheme.eqf_level).label),
        target_url=EQF_URL,
        target_framework=_("European Qualifications Framework"),
        target_code=str(scheme.eqf_level),
    )


def _rules(scheme: CertificationScheme, rubric: Rubric) -> list[str]:
    rules = []
    if scheme.min_attendance_percent:
        rules.append(
            _("Attend at least %(percent)d%% of the sessions.")
            % {"percent": scheme.min_attendance_percent}
        )
    mandatory = scheme.mandatory_session_numbers()
    if mandatory:
        rules.append(
            _("Attend the mandatory sessions %(numbers)s.")
            % {"numbers": ", ".join(str(n) for n in mandatory)}
        )
    if scheme.required_assignment_keys():
        rules.append(_("Complete the required assignments on your own course."))
    if scheme.min_reflections:
        rules.append(
            ngettext(
                "Share at least %(n)d reflection with your coach or peer group.",
                "Share at least %(n)d reflections with your coach or peer group.",
                scheme.min_reflections,
            )
            % {"n": scheme.min_reflections}
        )
    if scheme.evidence_for_every_competency:
        rules.append(_("Show evidence for every competency of the framework."))
    rules.append(
        _(
            "Pass the portfolio assessment: two independent assessors score it "
            "with the rubric “%(rubric)s” (pass mark %(points)d points; a third "
            "assessor reconciles when they differ)."
        )
        % {"rubric": rubric.name, "points": rubric.pass_points}
    )
    return rules


def criteria_narrative(scheme: CertificationScheme, rubric: Rubric) -> str:
    """The achievement's criteria (Markdown) in the active language."""
    lines = [f"- {rule}" for rule in _rules(scheme, rubric)]
    ects = round(scheme.workload_hours / HOURS_PER_ECTS, 1)
    details = [
        (_("Learning outcomes"), scheme.learning_outcomes.strip()),
        (
            _("Workload"),
            _("%(hours)d hours (%(ects)s ECTS)")
            % {"hours": scheme.workload_hours, "ects": f"{ects:g}"},
        ),
        (_("Level"), str(EqfLevel(scheme.eqf_level).label)),
        (_("Type of assessment"), scheme.get_assessment_type_display()),
        (_("Form of participation"), scheme.get_participation_form_display()),
        (_("Quality assurance"), scheme.quality_assurance.strip()),
    ]
    text = "\n".join(lines)
    for heading, value in details:
        if value:
            text += f"\n\n**{heading}:** {value}"
    return text


def _rubric(rubric: Rubric) -> tuple[RubricCriterionData, ...]:
    levels = list(rubric.levels.order_by("sort_order", "pk"))
    criteria = list(
        rubric.criteria.select_related("competency__framework").order_by(
            "sort_order", "pk"
        )
    )
    required = next((level for level in levels if level.meets_standard), None)
    published = []
    for criterion in criteria:
        descriptors = criterion.descriptors()
        published.append(
            RubricCriterionData(
                id=criterion_iri(rubric, criterion.pk),
                name=criterion.title,
                levels=tuple(
                    RubricLevelData(
                        id=level_iri(rubric, criterion.pk, level.pk),
                        name=level.label,
                        description=descriptors[position]
                        if position < len(descriptors)
                        else "",
                        level=str(position + 1),
                        points=str(level.points),
                    )
                    for position, level in enumerate(levels)
                ),
                required_level_id=level_iri(rubric, criterion.pk, required.pk)
                if required
                else "",
                alignments=(_alignment(criterion.competency),)
                if criterion.competency is not None
                else (),
            )
        )
    return tuple(published)


def _results(decision: Decision) -> tuple[RubricResultData, ...]:
    """Per criterion the level the decision rests on: where the two assessors
    chose different levels, the lower one (what both agree it reached)."""
    table = decided_results(decision.version)
    if table is None:
        return ()
    results = []
    for row in table.rows:
        chosen = [level for level in row.levels if level is not None]
        if not chosen:
            continue
        level = min(chosen, key=lambda item: (item.points, item.sort_order))
        results.append(
            RubricResultData(
                criterion_id=criterion_iri(decision.rubric, row.criterion.pk),
                achieved_level_id=level_iri(
                    decision.rubric, row.criterion.pk, level.pk
                ),
                value=str(level.points),
            )
        )
    return tuple(results)


def credential_data(
    *, decision: Decision, user: Any, issuance: Issuance
) -> CredentialData:
    """The credential of `decision` for `user`, in the holder's language."""
    scheme = decision.version.portfolio.scheme
    rubric = decision.rubric
    with translation.override(issuance.language):
        competencies = (
            Competency.objects.filter(framework_id=scheme.framework_id)
            .select_related("framework")
            .order_by("area__sort_order", "area__pk", "sort_order", "pk")
        )
        achievement = AchievementData(
            id=achievement_iri(scheme),
            name=scheme.title,
            description=scheme.description,
            criteria_narrative=criteria_narrative(scheme, rubric),
            alignments=(
                *(_alignment(competency) for competency in competencies),
                _eqf_alignment(scheme),
            ),
            rubric=_rubric(rubric),
            language=issuance.language,
            credits_available=round(scheme.workload_hours / HOURS_PER_ECTS, 1),
        )
        return CredentialData(
            credential_id=issuance.credential_id,
            issuer=issuer_profile(),
            recipient=RecipientData(
                email=user.email or "",
                salt=issuance.salt if user.email else "",
                display_name=profile_of(user).display_name,
            ),
            achievement=achievement,
            valid_from=issuance.valid_from,
            valid_until=issuance.valid_until,
            results=_results(decision),
            status=issuance.status,
            awarded_date=decision.decided_at,
        )
