"""Reads about programmes, cohorts and who follows or coaches them."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Count, Q, QuerySet

from ..models import (
    Cohort,
    CohortSession,
    Enrolment,
    EnrolmentStatus,
    ProgrammePage,
)

ACTIVE = (EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED)
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,40}")


def cohorts_of_programme(programme: ProgrammePage) -> QuerySet[Cohort]:
    """The programme's cohorts with their number of places taken."""
    return (
        Cohort.objects.filter(programme=programme)
        .select_related("faculty")
        .annotate(
            taken=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE)),
            waiting=Count(
                "enrolments", filter=Q(enrolments__status=EnrolmentStatus.WAITLISTED)
            ),
        )
        .order_by("-academic_year", "title")
    )


def enrolments_of(user: Any) -> dict[int, Enrolment]:
    """The person's enrolments by cohort id."""
    if not getattr(user, "is_authenticated", False):
        return {}
    return {e.cohort_id: e for e in Enrolment.objects.filter(user=user)}


def current_enrolment(user: Any) -> Enrolment | None:
    """The person's newest enrolment that takes part (enrolled or completed): the
    trajectory a link that names none means."""
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        Enrolment.objects.filter(user=user, status__in=ACTIVE)
        .order_by("-created_at", "-pk")
        .first()
    )


def coached_cohorts(user: Any) -> QuerySet[Cohort]:
    return (
        Cohort.objects.filter(coaches=user)
        .select_related("programme")
        .annotate(taken=Count("enrolments", filter=Q(enrolments__status__in=ACTIVE)))
        .order_by("-academic_year", "title")
    )


def calendar_sessions(token: str) -> tuple[Enrolment, list[CohortSession]] | None:
    """The sessions behind a personal calendar address (None for a bad token)."""
    if not _TOKEN.fullmatch(token or ""):
        return None
    enrolment = (
        Enrolment.objects.filter(calendar_token=token, status__in=ACTIVE)
        .select_related("cohort__programme")
        .first()
    )
    if enrolment is None:
        return None
    return enrolment, list(enrolment.cohort.sessions.order_by("number"))


def own_enrolment(user: Any, enrolment_id: int) -> Enrolment | None:
    return (
        Enrolment.objects.filter(pk=enrolment_id, user=user)
        .select_related("cohort__programme")
        .first()
    )
