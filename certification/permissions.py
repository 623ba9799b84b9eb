"""Every access rule of certification, registered by name and asked through
`user.has_perm("engage_certification.<codename>"[, obj])` by every door: the site's
pages, the downloads, the Wagtail admin and the services.

Conflict-of-interest rules (a candidate never judges their own portfolio; the
second and third assessors are independent of the candidate's cohort) are object
rules on the portfolio. Active superusers are granted every rule by Django
(decision 0002).
"""

from __future__ import annotations

from typing import Any

from lms.accounts.permissions import register_object_rule, register_rule
from lms.accounts.roles import Role
from lms.accounts.selectors import has_role

from .models import Assessment, EvidenceLink, IssuedCredential, Portfolio
from .models import PortfolioVersion as Version

APP = "engage_certification"
MANAGE_PORTFOLIOS = f"{APP}.manage_portfolios"
ASSESS_PORTFOLIOS = f"{APP}.assess_portfolios"
IMPORT_FRAMEWORK = f"{APP}.import_framework"
EXPORT_FRAMEWORK = f"{APP}.export_framework"
VERSION_RUBRIC = f"{APP}.version_rubric"
ADMINISTER = f"{APP}.administer"
VIEW_PORTFOLIO = f"{APP}.view_portfolio"
CHANGE_PORTFOLIO = f"{APP}.change_portfolio"
CHANGE_EVIDENCE = f"{APP}.change_evidence"
VIEW_VERSION = f"{APP}.view_version"
ASSESS = f"{APP}.assess"
DECIDE_PORTFOLIO = f"{APP}.decide_portfolio"
ASSESS_PORTFOLIO = f"{APP}.assess_portfolio"
ASSESS_INDEPENDENTLY = f"{APP}.assess_independently"
DOWNLOAD_CERTIFICATE = f"{APP}.download_certificate"
REVOKE_CERTIFICATE = f"{APP}.revoke_certificate"

# The Wagtail admin's models: its generic views ask Django's model permissions
# (granted to the programme admin role in apps.py); these rules name its doors.
ADMIN_MODELS = ("competencyframework", "competency", "certificationscheme", "rubric")


def _signed_in(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def is_programme_team(user: Any) -> bool:
    """The programme team: allocates assessors, decides, revokes."""
    return has_role(user, Role.PROGRAMME_ADMIN)


def is_assessor(user: Any) -> bool:
    """An active coach may be allocated as an assessor."""
    return bool(user.is_active) and has_role(user, Role.COACH)


def _model_permission(codename: str) -> Any:
    return lambda user: bool(user.has_perm(f"{APP}.{codename}"))


def may_use_the_admin(user: Any) -> bool:
    return any(
        user.has_perm(f"{APP}.{action}_{model}")
        for model in ADMIN_MODELS
        for action in ("view", "add", "change", "delete")
    )


def owns_portfolio(user: Any, portfolio: Portfolio) -> bool:
    return _signed_in(user) and portfolio.user_id == user.pk


def owns_evidence(user: Any, link: EvidenceLink) -> bool:
    return _signed_in(user) and link.portfolio.user_id == user.pk


def reads_version(user: Any, version: Version) -> bool:
    """Its author, the programme team, or an assessor allocated to it."""
    if not _signed_in(user):
        return False
    if version.portfolio.user_id == user.pk or is_programme_team(user):
        return True
    return Assessment.objects.filter(version=version, assessor=user).exists()


def holds_assessment(user: Any, assessment: Assessment) -> bool:
    return _signed_in(user) and assessment.assessor_id == user.pk


def decides_on(user: Any, portfolio: Portfolio) -> bool:
    """The programme team, on anyone's portfolio but their own."""
    return is_programme_team(user) and portfolio.user_id != user.pk


def may_assess(user: Any, portfolio: Portfolio) -> bool:
    """An active coach who is not the candidate (the first assessor may coach
    the candidate's cohort)."""
    return portfolio.user_id != user.pk and is_assessor(user)


def assesses_independently(user: Any, portfolio: Portfolio) -> bool:
    """The second and third assessors: not coaching the candidate's cohort."""
    if not may_assess(user, portfolio):
        return False
    return not portfolio.enrolment.cohort.coaches.filter(pk=user.pk).exists()


def holds_credential(user: Any, credential: IssuedCredential) -> bool:
    return _signed_in(user) and credential.user_id == user.pk


def revokes(user: Any, credential: IssuedCredential) -> bool:
    """The programme team, on anyone's certificate but their own."""
    return is_programme_team(user) and credential.user_id != user.pk


def register_rules() -> None:
    """Called from CertificationConfig.ready()."""
    register_rule(MANAGE_PORTFOLIOS, is_programme_team)
    register_rule(ASSESS_PORTFOLIOS, is_assessor)
    register_rule(IMPORT_FRAMEWORK, _model_permission("add_competencyframework"))
    register_rule(EXPORT_FRAMEWORK, _model_permission("view_competencyframework"))
    register_rule(VERSION_RUBRIC, _model_permission("add_rubric"))
    register_rule(ADMINISTER, may_use_the_admin)
    register_object_rule(VIEW_PORTFOLIO, owns_portfolio)
    register_object_rule(CHANGE_PORTFOLIO, owns_portfolio)
    register_object_rule(CHANGE_EVIDENCE, owns_evidence)
    register_object_rule(VIEW_VERSION, reads_version)
    register_object_rule(ASSESS, holds_assessment)
    register_object_rule(DECIDE_PORTFOLIO, decides_on)
    register_object_rule(ASSESS_PORTFOLIO, may_assess)
    register_object_rule(ASSESS_INDEPENDENTLY, assesses_independently)
    register_object_rule(DOWNLOAD_CERTIFICATE, holds_credential)
    register_object_rule(REVOKE_CERTIFICATE, revokes)
