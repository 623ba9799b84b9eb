"""Competency frameworks: create one from imported data."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from ..data import FrameworkData, FrameworkImportReport
from ..exceptions import NotAllowed
from ..models import (
    AuditAction,
    Competency,
    CompetencyArea,
    CompetencyFramework,
    Indicator,
)
from ..permissions import MANAGE_PORTFOLIOS
from ..rules.framework_exchange import parse
from .audit import log_event


def create_framework(*, actor: Any, data: FrameworkData) -> CompetencyFramework:
    """Create the framework with its areas, competencies and indicators (one
    transaction). Refused when the code and version exist already."""
    if actor is not None and not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team manages competency frameworks."))
    if CompetencyFramework.objects.filter(
        code=data.code, version=data.version
    ).exists():
        raise NotAllowed(
            _(
                "Framework “%(code)s” version %(version)s exists already; give the "
                "import a new version."
            )
            % {"code": data.code, "version": data.version}
        )
    with transaction.atomic():
        framework = CompetencyFramework.objects.create(
            code=data.code,
            version=data.version,
            name_en=data.name_en,
            name_nl=data.name_nl,
            description_en=data.description_en,
            description_nl=data.description_nl,
        )
        for area_order, area_data in enumerate(data.areas):
            area = CompetencyArea.objects.create(
                framework=framework,
                code=area_data.code,
                name_en=area_data.name_en,
                name_nl=area_data.name_nl,
                sort_order=area_order,
            )
            for order, item in enumerate(area_data.competencies):
                competency = Competency.objects.create(
                    area=area,
                    framework=framework,
                    code=item.code,
                    name_en=item.name_en,
                    name_nl=item.name_nl,
                    description_en=item.description_en,
                    description_nl=item.description_nl,
                    sort_order=order,
                )
                Indicator.objects.bulk_create(
                    Indicator(
                        competency=competency,
                        text_en=i.text_en,
                        text_nl=i.text_nl,
                        sort_order=n,
                    )
                    for n, i in enumerate(item.indicators)
                )
        log_event(
            action=AuditAction.FRAMEWORK_IMPORTED,
            actor=actor,
            framework=framework.pk,
            code=framework.code,
            version=framework.version,
        )
    return framework


def import_framework(
    *, actor: Any, raw: bytes | str, fmt: str
) -> FrameworkImportReport:
    """Check a JSON or CSV framework strictly and create it only when the whole
    file is right; the report lists every problem by row or place."""
    if actor is not None and not actor.has_perm(MANAGE_PORTFOLIOS):
        raise NotAllowed(_("Only the programme team manages competency frameworks."))
    data, report = parse(raw, fmt)
    if data is None or report.errors or report.problem:
        return report
    try:
        report.framework_id = create_framework(actor=actor, data=data).pk
    except NotAllowed as error:
        report.problem = str(error)
    return report
