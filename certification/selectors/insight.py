"""Reads other apps' reports use."""

from __future__ import annotations

from typing import Any


def certified() -> Any:
    """For reports: true for an enrolment whose portfolio was awarded the
    certificate (annotate an `Enrolment` queryset with it)."""
    from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef

    from .models import Decision, DecisionOutcome

    return ExpressionWrapper(
        Exists(
            Decision.objects.filter(
                outcome=DecisionOutcome.AWARD,
                version__portfolio__enrolment=OuterRef("pk"),
            )
        ),
        output_field=BooleanField(),
    )
