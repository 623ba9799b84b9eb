"""The programme team's pages: every portfolio, its next step and assessors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from lms.accounts.roles import Role

from ..models import (
    Assessment,
    Portfolio,
    PortfolioStatus,
    PortfolioVersion,
)
from .assessment import AssessmentState, state_of

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


def portfolios_awaiting() -> dict[str, int]:
    """Submitted portfolios waiting for assessors (`submitted`) and those being
    assessed or waiting for the decision (`under_assessment`); one query."""
    counts = dict(
        Portfolio.objects.filter(
            status__in=[PortfolioStatus.SUBMITTED, PortfolioStatus.UNDER_ASSESSMENT]
        )
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return {
        PortfolioStatus.SUBMITTED: counts.get(PortfolioStatus.SUBMITTED, 0),
        PortfolioStatus.UNDER_ASSESSMENT: counts.get(
            PortfolioStatus.UNDER_ASSESSMENT, 0
        ),
    }
