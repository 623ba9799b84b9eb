"""Frozen shapes the certification app hands to pages, other apps, tasks and xAPI."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Eligibility:
    """Whether a lecturer may submit a portfolio for a scheme, and if not, why.

    `missing` holds one sentence per unmet rule, in the active language, e.g.
    "Attend session 4 (mandatory)" or "Link evidence to competency C3 'Inclusive
    language'".
    """

    eligible: bool
    missing: list[str]
    enrolment_id: int | None = None


@dataclass(frozen=True)
class IndicatorData:
    text_en: str
    text_nl: str


@dataclass(frozen=True)
class CompetencyData:
    code: str
    name_en: str
    name_nl: str
    description_en: str = ""
    description_nl: str = ""
    indicators: tuple[IndicatorData, ...] = ()


@dataclass(frozen=True)
class AreaData:
    code: str
    name_en: str
    name_nl: str
    competencies: tuple[CompetencyData, ...] = ()


@dataclass(frozen=True)
class FrameworkData:
    """A competency framework as it is imported and exported (JSON or CSV)."""

    code: str
    version: str
    name_en: str
    name_nl: str
    description_en: str = ""
    description_nl: str = ""
    areas: tuple[AreaData, ...] = ()


@dataclass
class FrameworkImportReport:
    """What an import did: the framework created, or every error by row/place.

    Strict: one error anywhere and nothing is created.
    """

    framework_id: int | None = None
    # (where: "row 4" or "areas[1].competencies[0]", [reasons])
    errors: list[tuple[str, list[str]]] = field(default_factory=list)
    # A problem with the whole file (size, encoding, syntax).
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.framework_id is not None and not self.errors and not self.problem


@dataclass(frozen=True)
class CriterionScoreInput:
    criterion_id: int
    level_id: int
    comment: str = ""
