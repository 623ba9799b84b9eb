"""Competency frameworks as data, and their JSON and CSV export."""

from __future__ import annotations

from collections import defaultdict

from ..data import (
    AreaData,
    CompetencyData,
    FrameworkData,
    IndicatorData,
)
from ..models import (
    Competency,
    CompetencyFramework,
)
from ..rules.framework_exchange import export_csv, export_json

# --- frameworks -----------------------------------------------------------------------


def framework_data(framework: CompetencyFramework) -> FrameworkData:
    """The framework as import/export data (three queries)."""
    competencies = defaultdict(list)
    for competency in (
        Competency.objects.filter(framework=framework)
        .prefetch_related("indicators")
        .order_by("sort_order", "pk")
    ):
        competencies[competency.area_id].append(
            CompetencyData(
                code=competency.code,
                name_en=competency.name_en,
                name_nl=competency.name_nl,
                description_en=competency.description_en,
                description_nl=competency.description_nl,
                indicators=tuple(
                    IndicatorData(text_en=i.text_en, text_nl=i.text_nl)
                    for i in competency.indicators.all()
                ),
            )
        )
    return FrameworkData(
        code=framework.code,
        version=framework.version,
        name_en=framework.name_en,
        name_nl=framework.name_nl,
        description_en=framework.description_en,
        description_nl=framework.description_nl,
        areas=tuple(
            AreaData(
                code=area.code,
                name_en=area.name_en,
                name_nl=area.name_nl,
                competencies=tuple(competencies[area.pk]),
            )
            for area in framework.areas.order_by("sort_order", "pk")
        ),
    )


def competencies_of(framework_id: int) -> list[Competency]:
    """The framework's competencies in order (area, then competency), with area."""
    return list(
        Competency.objects.filter(framework_id=framework_id)
        .select_related("area")
        .order_by("area__sort_order", "area__pk", "sort_order", "pk")
    )


def exported(framework: CompetencyFramework, fmt: str) -> str:
    """The framework as the JSON or CSV file the importer reads back."""
    render = export_json if fmt == "json" else export_csv
    return render(framework_data(framework))
