"""Rubrics: editable until an assessment uses them, then versioned."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..exceptions import NotAllowed, RubricLocked
from ..models import (
    AuditAction,
    CertificationScheme,
    Rubric,
    RubricCriterion,
    RubricLevel,
)
from ..permissions import MANAGE_PORTFOLIOS
from .audit import log_event


def check_rubric_editable(rubric: Rubric) -> None:
    """Raise RubricLocked when an assessment uses the rubric (it is frozen)."""
    if (
        rubric.pk
        and Rubric.objects.filter(pk=rubric.pk, assessments__isnull=False).exists()
    ):
        raise RubricLocked(
            _(
                "This rubric is used by an assessment and can no longer be changed. "
                "Create a new version instead."
            )
        )


def save_rubric(*, actor: Any, rubric: Rubric) -> Rubric:
    """Save a rubric with its levels and criteria; refused once it is locked."""
    if not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team edits rubrics."))
    with transaction.atomic():
        if rubric.pk:
            # Serialise with an allocation that is about to lock it.
            Rubric.objects.select_for_update().filter(pk=rubric.pk).first()
        check_rubric_editable(rubric)
        rubric.save()
    return rubric


def new_rubric_version(*, actor: Any, rubric: Rubric) -> Rubric:
    """A copy of the rubric as version n+1 (unlocked), which replaces it in the
    schemes that use it; assessments keep the version they were made with."""
    if not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team edits rubrics."))
    with transaction.atomic():
        latest = Rubric.objects.filter(pk=rubric.pk).select_for_update().get()
        copy = Rubric.objects.create(
            name_en=latest.name_en,
            name_nl=latest.name_nl,
            pass_points=latest.pass_points,
            version=_next_version(latest),
            previous_version=latest,
        )
        RubricLevel.objects.bulk_create(
            RubricLevel(
                rubric=copy,
                label_en=level.label_en,
                label_nl=level.label_nl,
                points=level.points,
                meets_standard=level.meets_standard,
                sort_order=level.sort_order,
            )
            for level in latest.levels.all()
        )
        RubricCriterion.objects.bulk_create(
            RubricCriterion(
                rubric=copy,
                title_en=c.title_en,
                title_nl=c.title_nl,
                competency_id=c.competency_id,
                descriptors_en=c.descriptors_en,
                descriptors_nl=c.descriptors_nl,
                sort_order=c.sort_order,
            )
            for c in latest.criteria.all()
        )
        CertificationScheme.objects.filter(rubric=latest).update(rubric=copy)
        log_event(
            action=AuditAction.RUBRIC_VERSIONED,
            actor=actor,
            rubric=copy.pk,
            previous=latest.pk,
            version=copy.version,
        )
    return copy


def _next_version(rubric: Rubric) -> int:
    """One more than the highest version in the rubric's line."""
    first = rubric
    while first.previous_version_id is not None:
        first = Rubric.objects.get(pk=first.previous_version_id)
    line = {first.pk}
    frontier = [first.pk]
    highest = first.version
    while frontier:
        rows = list(
            Rubric.objects.filter(previous_version_id__in=frontier).values_list(
                "pk", "version"
            )
        )
        frontier = [pk for pk, _v in rows if pk not in line]
        line.update(frontier)
        highest = max([highest, *(v for _pk, v in rows)])
    return highest + 1
