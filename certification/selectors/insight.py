"""Reads other apps' reports use."""

from __future__ import annotations

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef

from ..models import Decision, DecisionOutcome


def certified() -> ExpressionWrapper:
    """For reports: true for an enrolment whose portfolio was awarded the
    certificate (annotate an `Enrolment` queryset with it)."""
    return ExpressionWrapper(
        Exists(
            Decision.objects.filter(
                outcome=DecisionOutcome.AWARD,
                version__portfolio__enrolment=OuterRef("pk"),
            )
        ),
        output_field=BooleanField(),
    )
