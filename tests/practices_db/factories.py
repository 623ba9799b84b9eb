"""Building practices for tests through the real services."""

from __future__ import annotations

from typing import Any

from practices_db import services
from practices_db.data import PracticeInput
from practices_db.models import PracticePage, Term, Vocabulary

TERMS = {
    Vocabulary.DIMENSION: [
        ("migration-background", "Migration background", "Migratieachtergrond"),
        ("first-generation", "First-generation students", "Eerstegeneratiestudenten"),
        ("neurodiversity", "Neurodiversity", "Neurodiversiteit"),
    ],
    Vocabulary.ASPECT: [
        ("language-use", "Language use", "Taalgebruik"),
        ("assessment-formats", "Assessment formats", "Toetsvormen"),
    ],
    Vocabulary.SDG: [("sdg-4", "Quality Education", "Kwaliteitsonderwijs")],
    Vocabulary.LEVEL: [("bachelor-1", "First-year bachelor", "Bachelor jaar 1")],
    Vocabulary.FORMAT: [("seminar", "Seminar", "Werkcollege")],
}


def make_terms() -> dict[str, Term]:
    terms = {}
    for vocabulary, entries in TERMS.items():
        for slug, en, nl in entries:
            terms[slug], _ = Term.objects.get_or_create(
                vocabulary=vocabulary,
                slug=slug,
                defaults={"name_en": en, "name_nl": nl},
            )
    return terms


def practice_input(faculty: Any, **overrides: Any) -> PracticeInput:
    values: dict[str, Any] = {
        "title": "Inclusive language in first-year seminars",
        "summary": "Students rewrote the course glossary together.",
        "body": "<p>We rewrote the glossary with students.</p>",
        "faculty_id": faculty.pk,
        "language": "en",
    }
    values.update(overrides)
    return PracticeInput(**values)


def make_practice(
    author: Any, faculty: Any, *, publish: bool = True, **overrides: Any
) -> PracticePage:
    page = services.create_practice(
        author=author, data=practice_input(faculty, **overrides)
    )
    if publish:
        page.get_latest_revision().publish(user=author, skip_permission_checks=True)
        page.refresh_from_db()
    return page
