"""The frozen JSON of a submitted portfolio version: everything assessors judge.

IRREVERSIBLE: a stored snapshot is what the assessors scored and the decision
rests on. The shape may gain keys (raise SNAPSHOT_FORMAT); old snapshots are
never rewritten.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lms.accounts.selectors import profile_of
from lms.bilingual import in_language
from lms.sanitizing import clean_html
from trajectories.models import AssignmentRecord, JournalEntry

from ..models import (
    EvidenceKind,
    EvidenceLink,
    Indicator,
    Portfolio,
    SelfAssessment,
    SelfLevel,
)
from .eligibility import assignment_titles
from .frameworks import competencies_of

SNAPSHOT_FORMAT = 1


def _pair(en: str, nl: str) -> dict[str, str]:
    return {"en": en, "nl": nl}


def _when(moment: datetime | None) -> str:
    return moment.isoformat() if moment else ""


def _journal(entry: JournalEntry) -> dict[str, Any]:
    return {
        "entry_id": entry.pk,
        "title": entry.title,
        "session": f"{entry.session.number}. {entry.session.title}"
        if entry.session
        else "",
        "sections": [
            {"key": key, "html": str(clean_html(html))}
            for key, html in (entry.sections or {}).items()
            if html
        ],
        "updated_at": _when(entry.updated_at),
    }


def _assignment(record: AssignmentRecord, titles: dict[str, str]) -> dict[str, Any]:
    return {
        "record_id": record.pk,
        "title": titles.get(record.assignment_key, record.assignment_key),
        "course": str(record.course) if record.course else "",
        "planned_change": str(clean_html(record.planned_change)),
        "actual_change": str(clean_html(record.actual_change)),
        "effect": str(clean_html(record.effect)),
        "submitted_at": _when(record.submitted_at),
    }


def _evidence(link: EvidenceLink, titles: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {"kind": link.kind, "note": link.note}
    if link.kind == EvidenceKind.JOURNAL and link.journal_entry:
        item.update(_journal(link.journal_entry))
    elif link.kind == EvidenceKind.ASSIGNMENT and link.assignment_record:
        item.update(_assignment(link.assignment_record, titles))
    else:
        item.update(
            {
                "name": link.file_name,
                "file": link.file.name,
                "size": link.file_size,
                "sha256": link.file_sha256,
            }
        )
    return item


def build_snapshot(portfolio: Portfolio, *, number: int) -> dict[str, Any]:
    """Everything in the portfolio now, as plain JSON (a fixed number of queries)."""
    scheme = portfolio.scheme
    framework = scheme.framework
    cohort = portfolio.enrolment.cohort
    titles = assignment_titles(scheme)
    evidence: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for link in (
        EvidenceLink.objects.filter(portfolio=portfolio)
        .select_related("journal_entry__session", "assignment_record__course")
        .order_by("created_at", "pk")
    ):
        evidence[link.competency_id].append(_evidence(link, titles))
    selves = {
        s.competency_id: {"level": s.level, "text": s.text}
        for s in SelfAssessment.objects.filter(portfolio=portfolio)
    }
    competencies = competencies_of(framework.pk)
    indicators: dict[int, list[dict[str, str]]] = defaultdict(list)
    for indicator in Indicator.objects.filter(
        competency__in=[c.pk for c in competencies]
    ).order_by("sort_order", "pk"):
        indicators[indicator.competency_id].append(
            _pair(indicator.text_en, indicator.text_nl)
        )
    return {
        "format": SNAPSHOT_FORMAT,
        "portfolio": portfolio.pk,
        "number": number,
        "frozen_at": _when(timezone.now()),
        "candidate": {"name": profile_of(portfolio.user).display_name},
        "scheme": {"id": scheme.pk, "title": _pair(scheme.title_en, scheme.title_nl)},
        "programme": {"id": scheme.programme_id, "title": scheme.programme.title},
        "cohort": {
            "id": cohort.pk,
            "title": cohort.title,
            "academic_year": cohort.academic_year,
        },
        "framework": {
            "code": framework.code,
            "version": framework.version,
            "name": _pair(framework.name_en, framework.name_nl),
        },
        "competencies": [
            {
                "id": c.pk,
                "code": c.code,
                "area": {
                    "code": c.area.code,
                    "name": _pair(c.area.name_en, c.area.name_nl),
                },
                "name": _pair(c.name_en, c.name_nl),
                "description": _pair(c.description_en, c.description_nl),
                "indicators": indicators[c.pk],
                "evidence": evidence[c.pk],
                "self_assessment": selves.get(c.pk),
            }
            for c in competencies
        ],
    }


# --- reading a snapshot back for a page -----------------------------------------------


@dataclass(frozen=True)
class FrozenEvidence:
    kind: str
    title: str
    note: str
    # Journal sections or assignment parts: (heading, sanitised HTML).
    parts: list[tuple[str, SafeString]]
    meta: str = ""
    # For files: the index for the download URL, the name and the size.
    upload_index: int | None = None
    size: int = 0


@dataclass(frozen=True)
class FrozenCompetency:
    id: int
    code: str
    name: str
    description: str
    area: str
    indicators: list[str]
    evidence: list[FrozenEvidence]
    self_level: str
    self_level_label: str
    self_text: str


def _in(pair: Any) -> str:
    if not isinstance(pair, dict):
        return str(pair or "")
    return in_language(str(pair.get("en", "")), str(pair.get("nl", "")))


def uploads_of(snapshot: dict[str, Any]) -> list[dict[str, Any]]:
    """The snapshot's files in a stable order (the download index)."""
    return [
        item
        for competency in snapshot.get("competencies", [])
        for item in competency.get("evidence", [])
        if item.get("kind") == EvidenceKind.UPLOAD
    ]


def _frozen_item(item: dict[str, Any], upload_index: int | None) -> FrozenEvidence:
    kind = str(item.get("kind", ""))
    note = str(item.get("note", ""))
    if kind == EvidenceKind.JOURNAL:
        return FrozenEvidence(
            kind=kind,
            title=str(item.get("title", "")),
            note=note,
            meta=str(item.get("session", "")),
            parts=[
                (
                    str(s.get("key", "")).replace("_", " ").capitalize(),
                    clean_html(s.get("html", "")),
                )
                for s in item.get("sections", [])
            ],
        )
    if kind == EvidenceKind.ASSIGNMENT:
        return FrozenEvidence(
            kind=kind,
            title=str(item.get("title", "")),
            note=note,
            meta=str(item.get("course", "")),
            parts=[
                (str(label), clean_html(item.get(key, "")))
                for key, label in (
                    ("planned_change", _("Planned change")),
                    ("actual_change", _("What was changed")),
                    ("effect", _("What it did")),
                )
                if item.get(key)
            ],
        )
    return FrozenEvidence(
        kind=kind,
        title=str(item.get("name", "")),
        note=note,
        parts=[],
        upload_index=upload_index,
        size=int(item.get("size", 0) or 0),
    )


def read_snapshot(snapshot: dict[str, Any]) -> list[FrozenCompetency]:
    """The frozen competencies with their evidence, ready for a template (the
    HTML is sanitised again on the way out)."""
    labels = dict(SelfLevel.choices)
    frozen = []
    upload_index = 0
    for competency in snapshot.get("competencies", []):
        evidence = []
        for item in competency.get("evidence", []):
            is_upload = item.get("kind") == EvidenceKind.UPLOAD
            evidence.append(_frozen_item(item, upload_index if is_upload else None))
            upload_index += 1 if is_upload else 0
        self_assessment = competency.get("self_assessment") or {}
        level = str(self_assessment.get("level", ""))
        frozen.append(
            FrozenCompetency(
                id=int(competency.get("id", 0)),
                code=str(competency.get("code", "")),
                name=_in(competency.get("name")),
                description=_in(competency.get("description")),
                area=_in((competency.get("area") or {}).get("name")),
                indicators=[_in(i) for i in competency.get("indicators", [])],
                evidence=evidence,
                self_level=level,
                self_level_label=str(labels.get(level, "")),
                self_text=str(self_assessment.get("text", "")),
            )
        )
    return frozen
