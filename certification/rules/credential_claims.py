"""What a credential claims, read from its JSON for the verification pages.

Works on our stored credentials and on pasted ones alike, so it trusts nothing:
every value that is not of the expected type is left out, and the pages
autoescape whatever is shown. Show claims only after the proof verified (the
caller's job): then they are exactly what the issuer signed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

MAX_ITEMS = 200


def _text(value: object, limit: int = 5000) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _moment(value: object) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _dicts(value: object) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [item for item in value[:MAX_ITEMS] if isinstance(item, dict)]


@dataclass(frozen=True)
class Alignment:
    code: str
    name: str
    framework: str
    url: str


@dataclass(frozen=True)
class RubricResult:
    criterion: str
    level: str
    points: str


@dataclass(frozen=True)
class Claims:
    credential_id: str = ""
    name: str = ""
    holder_name: str = ""
    achievement_name: str = ""
    achievement_description: str = ""
    criteria: str = ""
    language: str = ""
    credits: str = ""
    issuer_name: str = ""
    issuer_url: str = ""
    issuer_id: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    awarded: datetime | None = None
    issued: datetime | None = None
    alignments: list[Alignment] = field(default_factory=list)
    results: list[RubricResult] = field(default_factory=list)

    @property
    def criteria_html(self) -> SafeString:
        return narrative_html(self.criteria)

    @property
    def issuer_link(self) -> str:
        """The issuer's web address, only when it is one (never a script URL)."""
        return (
            self.issuer_url
            if self.issuer_url.startswith(("https://", "http://"))
            else ""
        )


def narrative_html(text: str) -> SafeString:
    """The little Markdown our criteria use (``- `` lists, ``**bold:**`` lead-ins),
    escaped: anything else shows as plain text."""
    blocks = []
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            items = format_html_join("", "<li>{}</li>", ((ln[2:],) for ln in lines))
            blocks.append(format_html("<ul>{}</ul>", items))
            continue
        paragraph = " ".join(lines)
        if paragraph.startswith("**") and ":**" in paragraph:
            lead, rest = paragraph[2:].split(":**", 1)
            blocks.append(format_html("<p><strong>{}:</strong>{}</p>", lead, rest))
        else:
            blocks.append(format_html("<p>{}</p>", paragraph))
    return mark_safe("".join(blocks))  # noqa: S308 - every part went through format_html


def _holder_name(subject: dict[str, Any]) -> str:
    for identity in _dicts(subject.get("identifier")):
        if identity.get("identityType") == "name" and identity.get("hashed") is False:
            return _text(identity.get("identityHash"), 300)
    return ""


def _results(
    achievement: dict[str, Any], subject: dict[str, Any]
) -> list[RubricResult]:
    criteria: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {}
    for description in _dicts(achievement.get("resultDescription")):
        levels = {
            _text(level.get("id")): (
                _text(level.get("name"), 300),
                _text(level.get("points"), 20),
            )
            for level in _dicts(description.get("rubricCriterionLevel"))
        }
        criteria[_text(description.get("id"))] = (
            _text(description.get("name"), 300),
            levels,
        )
    results = []
    for result in _dicts(subject.get("result")):
        criterion_name, levels = criteria.get(
            _text(result.get("resultDescription")), ("", {})
        )
        level_name, points = levels.get(_text(result.get("achievedLevel")), ("", ""))
        if criterion_name and level_name:
            results.append(RubricResult(criterion_name, level_name, points))
    return results


def read_claims(document: object) -> Claims:
    """The claims of a credential document (empty ones where it has none)."""
    if not isinstance(document, dict):
        return Claims()
    issuer = document.get("issuer")
    issuer = issuer if isinstance(issuer, dict) else {"id": issuer}
    subject = document.get("credentialSubject")
    subject = subject if isinstance(subject, dict) else {}
    achievement = subject.get("achievement")
    achievement = achievement if isinstance(achievement, dict) else {}
    criteria = achievement.get("criteria")
    proof = document.get("proof")
    credits = achievement.get("creditsAvailable")
    return Claims(
        credential_id=_text(document.get("id"), 200),
        name=_text(document.get("name"), 300),
        holder_name=_holder_name(subject),
        achievement_name=_text(achievement.get("name"), 300),
        achievement_description=_text(achievement.get("description")),
        criteria=_text(criteria.get("narrative"), 20_000)
        if isinstance(criteria, dict)
        else "",
        language=_text(achievement.get("inLanguage"), 10),
        credits=f"{credits:g}"
        if isinstance(credits, int | float) and not isinstance(credits, bool)
        else "",
        issuer_name=_text(issuer.get("name"), 300),
        issuer_url=_text(issuer.get("url"), 500),
        issuer_id=_text(issuer.get("id"), 500),
        valid_from=_moment(document.get("validFrom")),
        valid_until=_moment(document.get("validUntil")),
        awarded=_moment(document.get("awardedDate")),
        issued=_moment(proof.get("created")) if isinstance(proof, dict) else None,
        alignments=[
            Alignment(
                code=_text(item.get("targetCode"), 50),
                name=_text(item.get("targetName"), 300),
                framework=_text(item.get("targetFramework"), 300),
                url=_text(item.get("targetUrl"), 500),
            )
            for item in _dicts(achievement.get("alignment"))
        ],
        results=_results(achievement, subject),
    )
